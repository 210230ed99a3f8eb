import Testing
@testable import KGraph

/// `FragmentCheck.checkValueSizes` names a record's fields by hand in its first pass (through the
/// tables it was 10 % of a big load): each field of the tables that holds text a file gives, set
/// over the limit, must be caught and named. A new field that pass misses fails here.
@Suite struct FragmentCheckTests {
    static let long = String(repeating: "x", count: Limits.valueBytes + 1)

    /// The value over the limit for a field of this kind; nil for values made short (dates, words).
    static func data(_ value: FieldValue) -> FieldData? {
        switch value {
        case .list: .list(["short", long])
        case .map: .map(["key": long])
        case .attributes: .attributes(["a": .string(long)])
        case .citations, .date, .timeSpan, .choice: nil
        case .id, .text, .prose, .url, .documentID, .entityID: .text(long)
        }
    }

    /// The errors for `fragment`, without their places.
    func errors(_ fragment: GraphFragment, twoThreads: Bool? = nil) -> [String] {
        var d: [Diagnostic] = []
        FragmentCheck.checkValueSizes(fragment, diagnostics: &d, twoThreads: twoThreads)
        return d.map(\.message)
    }

    static let over = "is \(Limits.valueBytes + 1) bytes long, over the limit"

    /// How the error names a field: by its key, free attributes by their own name.
    static func named<R>(_ field: Field<R>) -> String { field.value == .attributes ? "attribute 'a'" : field.key }

    @Test func everyEntityField() {
        for field in Entity.fields {
            guard let data = Self.data(field.value) else { continue }
            var e = Entity(id: "a", name: "A", kind: "state")
            #expect(field.set(&e, data), "\(field.key)")
            var f = GraphFragment(file: "t", strictVocabulary: false)
            f.entities = [e]
            let found = errors(f)
            #expect(found.count == 1 && found[0].contains(Self.named(field)) && found[0].contains(Self.over), "\(field.key): \(found)")
        }
    }

    @Test func everyRelationAndCitationField() {
        func relation() -> Relation { Relation(id: "r", source: "a", type: "backs", target: "b", sources: [Citation(document: "d", quote: "q")]) }
        var cases: [(String, Relation)] = []
        for field in Relation.fields {
            guard let data = Self.data(field.value) else { continue }
            var r = relation()
            #expect(field.set(&r, data), "\(field.key)")
            cases.append((Self.named(field), r))
        }
        for field in Citation.fields {
            guard let data = Self.data(field.value) else { continue }
            var r = relation()
            #expect(field.set(&r.sources[0], data), "\(field.key)")
            cases.append((Self.named(field), r))
        }
        #expect(cases.map(\.0).contains("speaker") && cases.map(\.0).contains("note"))
        for (key, r) in cases {
            var f = GraphFragment(file: "t", strictVocabulary: false)
            f.relations = [r]
            let found = errors(f)
            #expect(found.count == 1 && found[0].contains(key) && found[0].contains(Self.over), "\(key): \(found)")
        }
    }

    @Test func everyDocumentField() {
        for field in Document.fields {
            guard let data = Self.data(field.value) else { continue }
            var d = Document(id: "d", title: "T")
            #expect(field.set(&d, data), "\(field.key)")
            var f = GraphFragment(file: "t", strictVocabulary: false)
            f.documents = [d]
            let found = errors(f)
            #expect(found.count == 1 && found[0].contains(Self.named(field)) && found[0].contains(Self.over), "\(field.key): \(found)")
        }
    }

    @Test func valuesWithinTheLimitPass() {
        var f = GraphFragment(file: "t", strictVocabulary: false)
        f.entities = [Entity(id: "a", name: String(repeating: "y", count: Limits.valueBytes), kind: "state")]
        #expect(errors(f).isEmpty)
    }

    /// A big fragment's relations are checked in two halves on two threads: the same findings, in
    /// the same order, as one thread finds, wherever they are.
    @Test func twoThreadsFindWhatOneFinds() {
        var f = GraphFragment(file: "t", strictVocabulary: false)
        f.entities = [Entity(id: "a\u{1}", name: "A", kind: "state")]
        for i in 0..<1000 {
            var r = Relation(id: i % 97 == 0 ? "r\u{7}\(i)" : "r\(i)", source: "a", type: "backs", target: "b")
            r.location = FileLocation(file: "t", line: i + 2, column: 3)
            if i % 89 == 0 { r.attributes["date"] = .string("soon") }
            f.relations.append(r)
        }
        var one: [Diagnostic] = [], two: [Diagnostic] = []
        FragmentCheck.check(f, diagnostics: &one, twoThreads: false)
        FragmentCheck.check(f, diagnostics: &two, twoThreads: true)
        #expect(one.count == 1 + 11 + 12)
        #expect(one.map(\.description) == two.map(\.description))
        #expect(two.last?.location?.line == 981, "\(two.last.map(\.description) ?? "")")
        #expect(errors(f, twoThreads: true).isEmpty)
        for i in [10, 990] {
            var g = f
            g.relations[i].note = Self.long
            let found = errors(g, twoThreads: true)
            #expect(found.count == 1 && found[0].contains("relation 'r\(i)'") && found[0].contains(Self.over), "\(i): \(found)")
        }
    }
}

/// `FragmentCheck.controlCharacters` looks at eight bytes at a time: a control character (C0 or
/// DEL) must be found at every offset, in ids of every length, and bytes that only look like one
/// in their low bits (UTF-8's continuation bytes 0x80-0x9F, 0xFF) must not be taken for one.
/// It checks ids whatever made them: the fragments here are built by hand, not read from a file.
@Suite struct ControlCharacterTests {
    func naive(_ b: [UInt8]) -> Bool { b.contains { $0 < 0x20 || $0 == 0x7F } }

    @Test func everyOffsetOfEveryLength() {
        for length in 0...40 {
            let plain = Array(repeating: UInt8(ascii: "x"), count: length)
            #expect(!plain.withUnsafeBufferPointer(FragmentCheck.hasControlCharacter))
            for at in 0..<length {
                for byte: UInt8 in [0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x20, 0x7E, 0x80, 0x85, 0x9F, 0xA0, 0xFF] {
                    var b = plain
                    b[at] = byte
                    #expect(b.withUnsafeBufferPointer(FragmentCheck.hasControlCharacter) == naive(b), "\(length) \(at) \(byte)")
                }
            }
        }
    }

    @Test func idsFromAnyReaderAreChecked() {
        // U+0085 (a C1 control, 0xC2 0x85 in UTF-8) and U+00FF are printable as far as ids go.
        let ids = ["abcdefg\u{7F}", "abcdefgh\u{0}", "a\tb", "0123456789abcdef\u{1F}", "\u{85}\u{FF}ÿ-long-enough-id", "plain-id-of-some-length"]
        var f = GraphFragment(file: "t", strictVocabulary: false)
        f.entities = ids.map { Entity(id: $0, name: "n", kind: "state") }
        f.relations = ids.map { Relation(id: $0, source: "a", type: "backs", target: "b") }
        var d: [Diagnostic] = []
        FragmentCheck.check(f, diagnostics: &d, twoThreads: false)
        let found = d.map(\.message)
        #expect(found.count == 8, "\(found)")
        for (id, code) in [("abcdefg", "U+007F"), ("abcdefgh", "U+0000"), ("a", "U+0009"), ("0123456789abcdef", "U+001F")] {
            #expect(found.filter { $0.contains("entity id '\(id)") && $0.contains(code) }.count == 1, "\(id)")
            #expect(found.filter { $0.contains("relation id '\(id)") && $0.contains(code) }.count == 1, "\(id)")
        }
    }
}
