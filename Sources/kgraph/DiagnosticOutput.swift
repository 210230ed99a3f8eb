import KGraph

/// How diagnostics are printed by every command: the first `cap` in order, then one line with the
/// count left and how to see them all, so that a file with 300,000 copies of one problem prints a
/// screenful, not 37 MB.
enum DiagnosticOutput {
    /// The most diagnostics a command prints unless asked for all (`kgraph check --all`).
    static let cap = 100

    /// The lines to print for `diagnostics`: all of them when `all` is set or they fit under the cap.
    static func lines(_ diagnostics: [Diagnostic], all: Bool = false) -> [String] {
        guard !all && diagnostics.count > cap else { return diagnostics.map(\.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return diagnostics.prefix(cap).map(\.description) + [
            "... \(diagnostics.count - cap) more not shown (\(errors) error(s), \(warnings) warning(s) in all); "
                + "run 'kgraph check --all' to see every one",
        ]
    }

    /// `lines` joined for one write.
    static func text(_ diagnostics: [Diagnostic], all: Bool = false) -> String {
        lines(diagnostics, all: all).joined(separator: "\n")
    }
}
