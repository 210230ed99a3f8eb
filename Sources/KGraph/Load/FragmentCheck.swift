/// Checks on what a reader of another tool's format produced, for changes a reader would otherwise
/// make silently: ids with control characters (a NUL in a JSON or CSV id was accepted and then
/// written out mangled), and a relation's date that is not a date (kept as an attribute named
/// `date`, leaving the relation undated with nothing said).
enum FragmentCheck {
    /// Appends a diagnostic for each such problem in `fragment`.
    static func check(_ fragment: GraphFragment, diagnostics: inout [Diagnostic]) {
        for i in fragment.entities.indices {
            controlCharacters(in: fragment.entities[i].id, what: "entity id", at: fragment.entities[i].location, &diagnostics)
        }
        for d in fragment.documents {
            controlCharacters(in: d.id, what: "document id", at: d.location, &diagnostics)
        }
        // Through a buffer pointer: iterating the array would copy each of a million relations.
        // A relation's ends are checked where they are declared, once per entity instead of once
        // per relation (two million times in a big file); an end no entity has is checked by the
        // assembler when it reports it (`Assembly.resolveEnds`).
        fragment.relations.withUnsafeBufferPointer { relations in
            for i in relations.indices {
                controlCharacters(in: relations[i].id, what: "relation id", at: relations[i].location, &diagnostics)
                if relations[i].time == nil && !relations[i].attributes.isEmpty, let date = relations[i].attributes["date"] {
                    diagnostics.append(Diagnostic(.warning, "relation '\(relations[i].id)': date '\(date.text)' is not a date "
                                                  + "(YYYY, YYYY-MM or YYYY-MM-DD, or an interval START..END); "
                                                  + "the relation is undated and keeps it as the attribute 'date'",
                                                  at: relations[i].location))
                }
            }
        }
    }

    /// Appends an error for each value longer than `Limits.valueBytes`, in files of every format.
    /// Runs on every load of a big file, so each record is first measured without copying it (a
    /// value's UTF-8 length is O(1) for native strings); only one with a value over the limit is
    /// gone through again to name it.
    static func checkValueSizes(_ fragment: GraphFragment, diagnostics: inout [Diagnostic]) {
        let entitiesFit = fragment.entities.withUnsafeBufferPointer { entities in
            entities.indices.allSatisfy { fits(entities[$0]) }
        }
        let relationsFit = fragment.relations.withUnsafeBufferPointer { relations in
            relations.indices.allSatisfy { fits(relations[$0]) }
        }
        guard entitiesFit && relationsFit else { return reportValueSizes(fragment, &diagnostics) }
        for d in fragment.documents where !fits(d) { return reportValueSizes(fragment, &diagnostics) }
    }

    private static func fits(_ s: String) -> Bool { s.utf8.count <= Limits.valueBytes }
    private static func fits(_ s: String?) -> Bool { s.map(fits) ?? true }

    private static func fits(_ v: AttributeValue) -> Bool {
        switch v {
        case .string(let s): fits(s)
        case .list(let items): items.allSatisfy(fits)
        case .map(let m): m.allSatisfy { fits($0.key) && fits($0.value) }
        default: true
        }
    }

    private static func fits(_ attributes: [String: AttributeValue]) -> Bool {
        attributes.isEmpty || attributes.allSatisfy { fits($0.key) && fits($0.value) }
    }

    private static func fits(_ e: Entity) -> Bool {
        fits(e.id) && fits(e.name) && fits(e.kind) && fits(e.description) && fits(e.note) && fits(e.country)
            && e.aliases.allSatisfy(fits) && fits(e.attributes)
    }

    private static func fits(_ r: Relation) -> Bool {
        fits(r.id) && fits(r.source) && fits(r.target) && fits(r.type) && fits(r.note)
            && r.sources.indices.allSatisfy { fits(r.sources[$0].document) && fits(r.sources[$0].quote) } && fits(r.attributes)
    }

    private static func fits(_ d: Document) -> Bool {
        fits(d.id) && fits(d.title) && fits(d.outlet) && fits(d.url) && fits(d.file) && fits(d.note)
    }

    /// The errors for every value over the limit, each naming its record.
    private static func reportValueSizes(_ fragment: GraphFragment, _ diagnostics: inout [Diagnostic]) {
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

    /// Appends an error when `s` holds a control character.
    static func controlCharacters(in s: String, what: String, at: FileLocation?, _ diagnostics: inout [Diagnostic]) {
        // Bytes first, in a plain loop: three million ids are checked on every load of a big file.
        let found = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for b in bytes where b < 0x20 || b == 0x7F { return true }
            return false
        }
        guard found ?? true, let byte = s.utf8.first(where: { $0 < 0x20 || $0 == 0x7F }) else { return }
        let hex = String(byte, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        let shown = s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? Character("\u{FFFD}") : Character($0) }
        diagnostics.append(Diagnostic(.error, "\(what) '\(String(shown))' contains the control character \(code); "
                                      + "ids must be printable text", at: at))
    }
}
