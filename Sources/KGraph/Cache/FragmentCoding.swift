/// A compact binary form of a parsed file (`GraphFragment` and the diagnostics its parse gave),
/// for `FragmentCache`. Strings are stored once in a table and referred to by number, so an entity
/// id cited by a thousand relations is decoded once and shared.
///
/// Layout: varint-encoded integers (LEB128), a string table (count, then length + UTF-8 bytes
/// each), then the fragment. Decoding checks every read and every reference: a damaged or foreign
/// payload throws `FragmentDecodingError`, never traps.
enum FragmentCoding {
    static func encode(_ fragment: GraphFragment, diagnostics: [Diagnostic]) -> [UInt8] {
        var w = Writer()
        w.fragment(fragment)
        w.count(diagnostics.count)
        for d in diagnostics {
            w.byte(d.severity == .error ? 1 : 0)
            w.string(d.message)
            w.location(d.location)
            w.count(d.more)
        }
        // The string table goes first so the reader can build it before anything refers to it.
        var out = Writer()
        out.count(w.strings.count)
        for s in w.strings {
            var s = s
            s.withUTF8 { out.count($0.count); out.bytes.append(contentsOf: $0) }
        }
        out.bytes += w.bytes
        return out.bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws(FragmentDecodingError) -> (GraphFragment, [Diagnostic]) {
        var r = Reader(bytes)
        let n = try r.count()
        var table: [String] = []
        table.reserveCapacity(n)
        for _ in 0..<n { table.append(try r.rawString()) }
        r.table = table
        let fragment = try r.fragment()
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try r.count()) {
            let severity: Diagnostic.Severity = try r.byte() == 1 ? .error : .warning
            var d = Diagnostic(severity, try r.string(), at: try r.location())
            d.more = try r.count()
            diagnostics.append(d)
        }
        guard r.atEnd else { throw .malformed }
        return (fragment, diagnostics)
    }
}

/// Why a cached payload could not be read back.
enum FragmentDecodingError: Error { case malformed }

private struct Writer {
    var bytes: [UInt8] = []
    var strings: [String] = []
    var stringIndex: [String: Int] = [:]

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    mutating func count(_ n: Int) { varint(UInt64(n)) }

    /// Zigzag: small negative numbers stay short.
    mutating func int(_ n: Int) { varint(UInt64(UInt(bitPattern: (n << 1) ^ (n >> (Int.bitWidth - 1))))) }

    mutating func string(_ s: String) {
        if let i = stringIndex[s] { count(i); return }
        stringIndex[s] = strings.count
        count(strings.count)
        strings.append(s)
    }

    mutating func optional(_ s: String?) {
        if let s { byte(1); string(s) } else { byte(0) }
    }

    mutating func strings(_ list: [String]) { count(list.count); list.forEach { string($0) } }

    mutating func map(_ m: [String: String]) {
        count(m.count)
        for k in m.keys.sorted() { string(k); string(m[k]!) }
    }

    mutating func location(_ l: FileLocation?) {
        guard let l else { byte(0); return }
        byte(1); string(l.file); count(l.line); count(l.column)
    }

    mutating func value(_ v: AttributeValue) {
        switch v {
        case .string(let s): byte(0); string(s)
        case .int(let i): byte(1); int(i)
        case .double(let d): byte(2); varint(d.bitPattern)
        case .bool(let b): byte(b ? 4 : 3)
        case .list(let items): byte(5); count(items.count); items.forEach { value($0) }
        case .map(let m): byte(6); count(m.count); for k in m.keys.sorted() { string(k); value(m[k]!) }
        }
    }

    /// Every field of the table: a tag for its kind of data (0: none), then the data.
    mutating func record<R>(_ r: R, _ table: [Field<R>]) {
        for field in table {
            switch field.get(r) {
            case nil: byte(0)
            case .text(let s)?: byte(1); string(s)
            case .list(let l)?: byte(2); strings(l)
            case .map(let m)?: byte(3); map(m)
            case .attributes(let a)?: byte(4); attributes(a)
            case .citations(let c)?: byte(5); count(c.count); c.forEach { record($0, Citation.fields); location($0.location) }
            }
        }
    }

    mutating func attributes(_ a: [String: AttributeValue]) {
        count(a.count)
        for k in a.keys.sorted() { string(k); value(a[k]!) }
    }

    mutating func fragment(_ f: GraphFragment) {
        string(f.file); optional(f.title); optional(f.description); byte(f.strictVocabulary ? 1 : 0)
        count(f.vocabulary.kinds.count)
        for k in f.vocabulary.kinds {
            string(k.id); string(k.label); string(k.shape); string(k.style); string(k.fill); map(k.codes)
        }
        count(f.vocabulary.types.count)
        for t in f.vocabulary.types {
            string(t.id); string(t.label); string(t.inverse); strings(t.domain); strings(t.range)
            byte(t.symmetric ? 1 : 0); string(t.color); string(t.style); map(t.codes)
        }
        count(f.vocabularyPlaces.count)
        for k in f.vocabularyPlaces.keys.sorted() { string(k); location(f.vocabularyPlaces[k]) }
        count(f.documents.count)
        for d in f.documents { record(d, Document.fields); location(d.location) }
        count(f.entities.count)
        for e in f.entities { record(e, Entity.fields); location(e.location) }
        count(f.entityPlaces.count)
        f.entityPlaces.forEach { places($0) }
        count(f.relations.count)
        for r in f.relations { record(r, Relation.fields); location(r.location) }
        count(f.relationPlaces.count)
        f.relationPlaces.forEach { places($0) }
    }

    /// A record's places, as lists of locations: they follow the tables, as the records do.
    mutating func places<R>(_ p: GraphFragment.Places<R>) {
        locations(p.fields)
        count(p.items.count); p.items.forEach { locations($0) }
        count(p.citations.count); p.citations.forEach { locations($0) }
    }

    mutating func locations(_ list: [FileLocation?]) { count(list.count); list.forEach { location($0) } }
}

private struct Reader {
    let bytes: UnsafeRawBufferPointer
    var at = 0
    var table: [String] = []

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { at == bytes.count }

    mutating func byte() throws(FragmentDecodingError) -> UInt8 {
        guard at < bytes.count else { throw .malformed }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func varint() throws(FragmentDecodingError) -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw .malformed }
            v |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    /// A count or index: at most the payload's size, so a damaged count cannot ask for huge arrays.
    mutating func count() throws(FragmentDecodingError) -> Int {
        let v = try varint()
        guard v <= UInt64(bytes.count) + (1 << 20) else { throw .malformed }
        return Int(v)
    }

    mutating func int() throws(FragmentDecodingError) -> Int {
        let u = try varint()
        return Int(bitPattern: UInt(u >> 1)) ^ -Int(bitPattern: UInt(u & 1))
    }

    mutating func rawString() throws(FragmentDecodingError) -> String {
        let n = try count()
        guard n <= bytes.count - at else { throw .malformed }
        defer { at += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
    }

    mutating func string() throws(FragmentDecodingError) -> String {
        let i = try count()
        guard i < table.count else { throw .malformed }
        return table[i]
    }

    mutating func optional() throws(FragmentDecodingError) -> String? { try byte() == 1 ? try string() : nil }

    mutating func strings() throws(FragmentDecodingError) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    mutating func map() throws(FragmentDecodingError) -> [String: String] {
        var m: [String: String] = [:]
        for _ in 0..<(try count()) { m[try string()] = try string() }
        return m
    }

    mutating func location() throws(FragmentDecodingError) -> FileLocation? {
        guard try byte() == 1 else { return nil }
        return FileLocation(file: try string(), line: try count(), column: try count())
    }

    mutating func value(depth: Int = 0) throws(FragmentDecodingError) -> AttributeValue {
        guard depth <= Limits.attributeNesting else { throw .malformed }
        switch try byte() {
        case 0: return .string(try string())
        case 1: return .int(try int())
        case 2: return .double(Double(bitPattern: try varint()))
        case 3: return .bool(false)
        case 4: return .bool(true)
        case 5:
            var items: [AttributeValue] = []
            for _ in 0..<(try count()) { items.append(try value(depth: depth + 1)) }
            return .list(items)
        case 6:
            var m: [String: AttributeValue] = [:]
            for _ in 0..<(try count()) { m[try string()] = try value(depth: depth + 1) }
            return .map(m)
        default: throw .malformed
        }
    }

    /// A record as `Writer.record` wrote it: a required field must be there and every value must fit.
    mutating func record<R>(_ start: R, _ table: [Field<R>]) throws(FragmentDecodingError) -> R {
        var r = start
        for field in table {
            let data: FieldData
            switch try byte() {
            case 0:
                if field.required { throw .malformed }
                continue
            case 1: data = .text(try string())
            case 2: data = .list(try strings())
            case 3: data = .map(try map())
            case 4: data = .attributes(try attributes())
            case 5:
                let n = try count()
                var c: [Citation] = []
                c.reserveCapacity(n)
                for _ in 0..<n {
                    var citation = try record(Citation.empty, Citation.fields)
                    citation.location = try location()
                    c.append(citation)
                }
                data = .citations(c)
            default: throw .malformed
            }
            guard field.set(&r, data) else { throw .malformed }
        }
        return r
    }

    mutating func attributes() throws(FragmentDecodingError) -> [String: AttributeValue] {
        let n = try count()
        if n == 0 { return [:] }
        var a: [String: AttributeValue] = [:]
        for _ in 0..<n { a[try string()] = try value() }
        return a
    }

    mutating func fragment() throws(FragmentDecodingError) -> GraphFragment {
        let file = try string()
        let title = try optional(), description = try optional()
        var f = GraphFragment(file: file, strictVocabulary: try byte() == 1)
        f.title = title
        f.description = description
        for _ in 0..<(try count()) {
            var k = EntityKind(id: try string(), label: try string())
            k.shape = try string(); k.style = try string(); k.fill = try string(); k.codes = try map()
            f.vocabulary.define(k)
        }
        for _ in 0..<(try count()) {
            var t = RelationType(id: try string(), label: try string(), inverse: try string())
            t.domain = try strings(); t.range = try strings(); t.symmetric = try byte() == 1
            t.color = try string(); t.style = try string(); t.codes = try map()
            f.vocabulary.define(t)
        }
        for _ in 0..<(try count()) { f.vocabularyPlaces[try string()] = try location() }
        let documents = try count()
        f.documents.reserveCapacity(documents)
        for _ in 0..<documents {
            var d = try record(Document.empty, Document.fields)
            d.location = try location()
            f.documents.append(d)
        }
        let entities = try count()
        f.entities.reserveCapacity(entities)
        for _ in 0..<entities {
            var e = try record(Entity.empty, Entity.fields)
            e.location = try location()
            f.entities.append(e)
        }
        let entityPlaces = try count()
        f.entityPlaces.reserveCapacity(entityPlaces)
        for _ in 0..<entityPlaces { f.entityPlaces.append(try places()) }
        let relations = try count()
        f.relations.reserveCapacity(relations)
        for _ in 0..<relations {
            var r = try record(Relation.empty, Relation.fields)
            r.location = try location()
            f.relations.append(r)
        }
        let relationPlaces = try count()
        f.relationPlaces.reserveCapacity(relationPlaces)
        for _ in 0..<relationPlaces { f.relationPlaces.append(try places()) }
        return f
    }

    /// A record's places as `Writer.places` wrote them.
    mutating func places<R>() throws(FragmentDecodingError) -> GraphFragment.Places<R> {
        var p = GraphFragment.Places<R>()
        p.fields = try locations()
        for _ in 0..<(try count()) { p.items.append(try locations()) }
        for _ in 0..<(try count()) { p.citations.append(try locations()) }
        return p
    }

    mutating func locations() throws(FragmentDecodingError) -> [FileLocation?] {
        let n = try count()
        if n == 0 { return [] }
        var list: [FileLocation?] = []
        list.reserveCapacity(n)
        for _ in 0..<n { list.append(try location()) }
        return list
    }
}
