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

    /// Appends an error for each value longer than `Limits.valueBytes`, in files of every format.
    /// Runs on every load of a big file: a value's UTF-8 length is O(1) for native strings, and the
    /// message is only built for a value over the limit.
    static func checkValueSizes(_ fragment: GraphFragment, diagnostics: inout [Diagnostic]) {
        func check(_ s: String?, _ what: @autoclosure () -> String, _ at: FileLocation?) {
            guard let s, s.utf8.count > Limits.valueBytes else { return }
            diagnostics.append(Diagnostic(.error, "\(what()) is \(s.utf8.count) bytes long, over the limit of "
                                          + "\(Limits.valueBytes) bytes (16 MiB) for one value", at: at))
        }
        func check(_ v: AttributeValue, _ what: @autoclosure () -> String, _ at: FileLocation?) {
            switch v {
            case .string(let s): check(s, what(), at)
            case .list(let items): for item in items { check(item, what(), at) }
            case .map(let m): for (k, item) in m { check(k, what(), at); check(item, what(), at) }
            default: break
            }
        }
        func check(_ attributes: [String: AttributeValue], _ at: FileLocation?) {
            for (name, value) in attributes {
                check(name, "an attribute name", at)
                check(value, "attribute '\(name.prefix(40))'", at)
            }
        }
        for e in fragment.entities {
            for s in [e.id, e.name, e.kind, e.description, e.note, e.country] { check(s, "a value of entity '\(e.id.prefix(40))'", e.location) }
            for s in e.aliases { check(s, "an alias of entity '\(e.id.prefix(40))'", e.location) }
            check(e.attributes, e.location)
        }
        for r in fragment.relations {
            check(r.id, "the id of relation '\(r.id.prefix(40))'", r.location)
            check(r.source, "the source of relation '\(r.id.prefix(40))'", r.location)
            check(r.target, "the target of relation '\(r.id.prefix(40))'", r.location)
            check(r.type, "the type of relation '\(r.id.prefix(40))'", r.location)
            check(r.note, "the note of relation '\(r.id.prefix(40))'", r.location)
            for c in r.sources {
                check(c.document, "a cited document of relation '\(r.id.prefix(40))'", r.location)
                check(c.quote, "a quote of relation '\(r.id.prefix(40))'", r.location)
            }
            if !r.attributes.isEmpty { check(r.attributes, r.location) }
        }
        for d in fragment.documents {
            for s in [d.id, d.title, d.outlet, d.url, d.file, d.note] { check(s, "a value of document '\(d.id.prefix(40))'", d.location) }
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
