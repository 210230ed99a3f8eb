/// Checks on what a reader of another tool's format produced, for changes a reader would otherwise
/// make silently: ids with control characters (a NUL in a JSON or CSV id was accepted and then
/// written out mangled), and a relation's date that is not a date (kept as an attribute named
/// `date`, leaving the relation undated with nothing said).
enum FragmentCheck {
    /// Fragments with at least this many relations have the second half of them checked on
    /// another thread when a second core is free: the checks run after the read, on the load's
    /// critical path, at about 330 instructions a relation (0.1 s at 1,000,000 relations).
    static let relationsForTwoThreads = 65_536

    /// Appends a diagnostic for each such problem in `fragment`, in the order of its records.
    /// `twoThreads` nil: when the fragment is big and a second core is free.
    static func check(_ fragment: GraphFragment, diagnostics: inout [Diagnostic], twoThreads: Bool? = nil) {
        let halves = relationHalves(fragment, twoThreads)
        let other = halves.map { h in
            OtherThread { () -> [Diagnostic] in
                var found: [Diagnostic] = []
                checkRelations(fragment, h.second, &found)
                return found
            }
        }
        for i in fragment.entities.indices {
            controlCharacters(in: fragment.entities[i].id, what: "entity id", at: fragment.entities[i].location, &diagnostics)
        }
        for d in fragment.documents {
            controlCharacters(in: d.id, what: "document id", at: d.location, &diagnostics)
        }
        checkRelations(fragment, halves?.first ?? fragment.relations.indices, &diagnostics)
        if let other { diagnostics += other.wait() }
    }

    /// The relations' two halves when two threads check them, else nil.
    private static func relationHalves(_ fragment: GraphFragment, _ twoThreads: Bool?) -> (first: Range<Int>, second: Range<Int>)? {
        let n = fragment.relations.count
        guard n > 1, twoThreads ?? (n >= relationsForTwoThreads && Cores.available > 1) else { return nil }
        return (0..<(n / 2), (n / 2)..<n)
    }

    private static func checkRelations(_ fragment: GraphFragment, _ range: Range<Int>, _ diagnostics: inout [Diagnostic]) {
        // Through a buffer pointer: iterating the array would copy each of a million relations.
        // A relation's ends are checked where they are declared, once per entity instead of once
        // per relation (two million times in a big file); an end no entity has is checked by the
        // assembler when it reports it (`Assembly.resolveEnds`).
        fragment.relations.withUnsafeBufferPointer { relations in
            for i in range {
                // The bytes first, where they are: passing the id and its place to the report
                // retained and released both, 100 instructions a relation. A derived id
                // (`Relation.deriveID`) is searched in its parts: it is made only to be reported.
                if Relation.idPart(of: relations.baseAddress! + i, where: hasControlCharacter) {
                    controlCharacters(in: relations[i].id, what: "relation id", at: relations[i].location, &diagnostics)
                }
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
    /// gone through again, over the field tables, to name it. A big fragment's relations are
    /// measured by two threads as in `check`.
    ///
    /// The first pass names the fields by hand: through the tables' getters it cost 2,600
    /// instructions per relation (each getter call copies the record), +10 % on a
    /// 100,000-relation load. `FragmentCheckTests` sets each field of the tables over the limit and checks that
    /// this pass catches it, so a new field it misses fails there.
    static func checkValueSizes(_ fragment: GraphFragment, diagnostics: inout [Diagnostic], twoThreads: Bool? = nil) {
        let halves = relationHalves(fragment, twoThreads)
        let other = halves.map { h in OtherThread { relationsFit(fragment, h.second) } }
        // Through pointers: passing each record would copy it (retaining every string in it).
        let entitiesFit = fragment.entities.withUnsafeBufferPointer { entities in
            entities.indices.allSatisfy { fits(entities.baseAddress! + $0) }
        }
        let fit = entitiesFit && relationsFit(fragment, halves?.first ?? fragment.relations.indices)
            && fragment.documents.allSatisfy(fits)
        // Waited for whatever this thread found: it reads the fragment.
        let otherFit = other?.wait() ?? true
        guard fit && otherFit else { return reportValueSizes(fragment, &diagnostics) }
    }

    private static func relationsFit(_ fragment: GraphFragment, _ range: Range<Int>) -> Bool {
        fragment.relations.withUnsafeBufferPointer { relations in
            range.allSatisfy { fits(relations.baseAddress! + $0) }
        }
    }

    private static func fits(_ e: UnsafePointer<Entity>) -> Bool {
        fits(e.pointee.id) && fits(e.pointee.name) && fits(e.pointee.kind) && fits(e.pointee.description) && fits(e.pointee.note)
            && fits(e.pointee.country) && e.pointee.aliases.allSatisfy(fits) && e.pointee.sharedAliases.allSatisfy(fits)
            && (e.pointee.externalIDs.isEmpty || e.pointee.externalIDs.allSatisfy { fits($0.key) && fits($0.value) })
            && fits(e.pointee.attributes)
    }

    private static func fits(_ r: UnsafePointer<Relation>) -> Bool {
        Relation.idByteCount(of: r) <= Limits.valueBytes && fits(r.pointee.source) && fits(r.pointee.target) && fits(r.pointee.type) && fits(r.pointee.note)
            && r.pointee.citationList.longestText <= Limits.valueBytes
            && fits(r.pointee.attributes)
    }

    private static func fits(_ d: Document) -> Bool {
        fits(d.id) && fits(d.title) && fits(d.outlet) && fits(d.url) && fits(d.file) && fits(d.note)
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

    /// The errors for every value over the limit, each naming its field and record.
    private static func reportValueSizes(_ fragment: GraphFragment, _ diagnostics: inout [Diagnostic]) {
        func check(_ s: String, _ what: @autoclosure () -> String, _ at: FileLocation?) {
            guard !fits(s) else { return }
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
        func check<R: DescribedRecord>(_ r: R, _ of: String, _ at: FileLocation?) {
            for field in R.fields where field.textGet == nil || field.value.isGivenText {
                switch field.get(r) {
                case nil: break
                case .text(let s)?: check(s, "the \(field.key) of \(of)", at)
                case .list(let l)?: for s in l { check(s, "an item of the \(field.key) of \(of)", at) }
                case .map(let m)?: for (k, v) in m { check(k, "a key of the \(field.key) of \(of)", at); check(v, "a value of the \(field.key) of \(of)", at) }
                case .attributes(let a)?:
                    for (name, value) in a {
                        check(name, "an attribute name", at)
                        check(value, "attribute '\(name.prefix(40))'", at)
                    }
                case .citations(let c)?: for citation in c { check(citation, "a citation of \(of)", at) }
                }
            }
        }
        for e in fragment.entities { check(e, "entity '\(e.id.prefix(40))'", e.location) }
        for r in fragment.relations { check(r, "relation '\(r.id.prefix(40))'", r.location) }
        for d in fragment.documents { check(d, "document '\(d.id.prefix(40))'", d.location) }
    }

    /// Whether `b` holds a C0 control character or DEL. A word at a time: byte by byte it cost
    /// 277 instructions per relation id of the 100,000-relation foreign GraphML (about 40 bytes).
    static func hasControlCharacter(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let raw = UnsafeRawPointer(base), n = b.count
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // A lane keeps its high bit clear where the byte is ASCII and below 0x20 (adding 0x60 does
        // not reach 0x80) or 0x7F (xor 0x7F is zero, and adding 0x7F does not reach 0x80).
        func controls(_ x: UInt64) -> Bool {
            let xl = x & low
            return ~(((xl &+ 0x6060_6060_6060_6060) & ((xl ^ low) &+ low)) | x) & 0x8080_8080_8080_8080 != 0
        }
        guard n >= 8 else {
            for i in 0..<n where b[i] < 0x20 || b[i] == 0x7F { return true }
            return false
        }
        var i = 0
        while i + 8 < n {
            if controls(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
            i += 8
        }
        // The last eight bytes, overlapping the word before: a byte checked twice is the same answer.
        return controls(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
    }

    /// Whether `s` may hold a control character: false when its bytes, seen in place, hold none.
    @inline(__always)
    private static func hasControlCharacter(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable(hasControlCharacter) ?? true
    }

    /// Appends an error when `s` holds a control character.
    static func controlCharacters(in s: String, what: String, at: FileLocation?, _ diagnostics: inout [Diagnostic]) {
        // Bytes first, eight at a time: three million ids are checked on every load of a big file.
        guard hasControlCharacter(s), let byte = s.utf8.first(where: { $0 < 0x20 || $0 == 0x7F }) else { return }
        let hex = String(byte, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        let shown = s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? Character("\u{FFFD}") : Character($0) }
        diagnostics.append(Diagnostic(.error, "\(what) '\(String(shown))' contains the control character \(code); "
                                      + "ids must be printable text", at: at))
    }
}
