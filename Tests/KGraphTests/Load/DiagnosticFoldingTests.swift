import Foundation
import Testing
@testable import KGraph

/// Diagnostics held in memory are capped per kind (issue 17): a million copies of one problem
/// keep `Limits.diagnosticsPerKind` and a count, not a million objects.
@Suite struct DiagnosticFoldingTests {
    @Test func aMillionOfOneKindKeepTheCapAndTheirCount() {
        var diagnostics: [Diagnostic] = []
        for i in 0..<1_000_000 {
            diagnostics.append(Diagnostic(.error, "unknown entity kind 'stat\(i % 7)' (\(i) entities)",
                                          at: FileLocation(file: "f.yaml", line: i + 2, column: 5)))
            // Held at most: the cap, plus what arrives before the next fold.
            if i % 50_000 == 0 { #expect(diagnostics.count <= 2 * Limits.diagnosticsFoldAt) }
        }
        diagnostics.append(Diagnostic(.warning, "entity 'x' is in no relation", at: FileLocation(file: "f.yaml", line: 1, column: 1)))
        diagnostics.fold()
        #expect(diagnostics.count == Limits.diagnosticsPerKind + 1)
        #expect(diagnostics.total == 1_000_001)
        #expect(diagnostics.total(.error) == 1_000_000)
        #expect(diagnostics.total(.warning) == 1)
        // The first ones are kept in order; the count rides on the last one kept.
        #expect(diagnostics[0].location?.line == 2)
        #expect(diagnostics[Limits.diagnosticsPerKind - 1].location?.line == Limits.diagnosticsPerKind + 1)
        #expect(diagnostics[Limits.diagnosticsPerKind - 1].more == 1_000_000 - Limits.diagnosticsPerKind)
    }

    @Test func differentKindsAndFilesAreCountedApart() {
        var diagnostics: [Diagnostic] = []
        for file in ["a.yaml", "b.yaml"] {
            for i in 0..<(Limits.diagnosticsPerKind + 5) {
                diagnostics.append(Diagnostic(.error, "duplicate id 'e\(i)'", at: FileLocation(file: file, line: i + 1, column: 1)))
                diagnostics.append(Diagnostic(.warning, "relation 'r\(i)': date 'x' is not a date", at: FileLocation(file: file, line: i + 1, column: 1)))
            }
        }
        diagnostics.fold()
        #expect(diagnostics.count == 4 * Limits.diagnosticsPerKind)
        #expect(diagnostics.filter { $0.more == 5 }.count == 4)
        #expect(diagnostics.total == 4 * (Limits.diagnosticsPerKind + 5))
    }
}
