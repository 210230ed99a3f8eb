import Foundation
import Testing

/// `kgraph render` end to end: the selection options, formats and errors.
@Suite struct RenderCommandTests {
    /// The entity ids declared as nodes in DOT text (`  "id" [label=...`).
    func nodeIDs(_ dot: String) -> Set<String> {
        Set(dot.split(separator: "\n").compactMap { line -> String? in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("\""), let end = t.dropFirst().firstIndex(of: "\"") else { return nil }
            let rest = t[t.index(after: end)...]
            guard rest.hasPrefix(" [") else { return nil }
            return String(t[t.index(after: t.startIndex)..<end])
        })
    }

    @Test func focusAndDepthDrawAnEgoNetwork() throws {
        let r = try kgraph(["render", "--format", "dot", "--focus", "KH", "--depth", "1"] + graph())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(nodeIDs(r.stdout) == ["kataib-hezbollah", "iran", "tower-22", "al-tanf", "united-states"])
        let zero = try kgraph(["render", "--format", "dot", "--focus", "Kirby", "--depth", "0"] + graph())
        #expect(nodeIDs(zero.stdout) == ["kirby"])
    }

    @Test func kindTypeAndTimeFilters() throws {
        let byType = try kgraph(["render", "--format", "dot", "--type", "attacked,struck"] + graph())
        #expect(byType.status == 0, "\(byType.stderr)")
        #expect(nodeIDs(byType.stdout) == ["kataib-hezbollah", "tower-22", "al-tanf", "united-states"])
        let byKind = try kgraph(["render", "--format", "dot", "--kind", "state", "--kind", "person"] + graph())
        #expect(nodeIDs(byKind.stdout) == ["iran", "united-states", "kirby"])
        // 2024-01-28 and 2024-01 overlap January 2024; the undated backs/spoke-for relations stay.
        let jan = try kgraph(["render", "--format", "dot", "--since", "2024-01", "--until", "2024-01-31"] + graph())
        #expect(jan.stdout.contains("kh-attacked-t22") && jan.stdout.contains("kh-attacked-tanf"))
        #expect(!jan.stdout.contains("us-struck-kh") && jan.stdout.contains("iran-backs-kh"))
    }

    @Test func badSelectionsExitTwo() throws {
        for args in [["--focus", "Nobody Known"], ["--kind", "militias"], ["--type", "strook"],
                     ["--since", "2024-13"], ["--depth", "2"], ["--since", "2024", "--until", "2023"]] {
            let r = try kgraph(["render", "--format", "dot"] + args + graph())
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(!r.stderr.isEmpty && r.stdout.isEmpty, "\(args)")
        }
        let kind = try kgraph(["render", "--kind", "militias"] + graph())
        #expect(kind.stderr.contains("unknown entity kind 'militias'"))
    }
}
