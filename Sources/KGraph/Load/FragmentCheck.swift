/// Checks on what a reader of another tool's format produced, for changes a reader would otherwise
/// make silently: ids with control characters (a NUL in a JSON or CSV id was accepted and then
/// written out mangled), and a relation's date that is not a date (kept as an attribute named
/// `date`, leaving the relation undated with nothing said).
enum FragmentCheck {
    /// Appends a diagnostic for each such problem in `fragment`.
    static func check(_ fragment: GraphFragment, diagnostics: inout [Diagnostic]) {
        for e in fragment.entities {
            controlCharacters(in: e.id, what: "entity id", at: e.location, &diagnostics)
        }
        for d in fragment.documents {
            controlCharacters(in: d.id, what: "document id", at: d.location, &diagnostics)
        }
        for r in fragment.relations {
            controlCharacters(in: r.id, what: "relation id", at: r.location, &diagnostics)
            controlCharacters(in: r.source, what: "relation source", at: r.location, &diagnostics)
            controlCharacters(in: r.target, what: "relation target", at: r.location, &diagnostics)
            if r.time == nil, let date = r.attributes["date"] {
                diagnostics.append(Diagnostic(.warning, "relation '\(r.id)': date '\(date.text)' is not a date "
                                              + "(YYYY, YYYY-MM or YYYY-MM-DD, or an interval START..END); "
                                              + "the relation is undated and keeps it as the attribute 'date'",
                                              at: r.location))
            }
        }
    }

    private static func controlCharacters(in s: String, what: String, at: FileLocation?, _ diagnostics: inout [Diagnostic]) {
        // Bytes first: a million ids are checked on every load of a big file.
        guard let byte = s.utf8.first(where: { $0 < 0x20 || $0 == 0x7F }) else { return }
        let hex = String(byte, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        let shown = s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? Character("\u{FFFD}") : Character($0) }
        diagnostics.append(Diagnostic(.error, "\(what) '\(String(shown))' contains the control character \(code); "
                                      + "ids must be printable text", at: at))
    }
}
