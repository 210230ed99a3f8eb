import KGraph

/// How diagnostics are printed by every command: the first `cap` in order, then one line with the
/// count left and how to see them all, so that a file with 300,000 copies of one problem prints a
/// screenful, not 37 MB.
enum DiagnosticOutput {
    /// The most diagnostics a command prints unless asked for all (`kgraph check --all`).
    static let cap = 100

    /// The lines to print for `diagnostics`: all of them when `all` is set or they fit under the cap.
    /// Past `Limits.diagnosticsPerKind` of one kind, the library kept only a count (`Diagnostic.more`):
    /// `all` says so after the last one kept, and the count line includes them.
    static func lines(_ diagnostics: [Diagnostic], all: Bool = false) -> [String] {
        let total = diagnostics.total
        guard !all && total > cap else {
            return diagnostics.flatMap { d in
                [d.description] + (d.more > 0 ? ["... and \(d.more) more like the line above, counted but not kept "
                                                 + "(kgraph holds at most \(Limits.diagnosticsPerKind) of one kind)"] : [])
            }
        }
        let errors = diagnostics.total(.error)
        let warnings = total - errors
        return diagnostics.prefix(cap).map(\.description) + [
            "... \(total - cap) more not shown (\(errors) error(s), \(warnings) warning(s) in all); "
                + "run 'kgraph check --all' to see every one",
        ]
    }

    /// `lines` joined for one write.
    static func text(_ diagnostics: [Diagnostic], all: Bool = false) -> String {
        lines(diagnostics, all: all).joined(separator: "\n")
    }
}
