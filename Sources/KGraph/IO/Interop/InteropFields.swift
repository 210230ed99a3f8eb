/// The attribute names kgraph's exports give entity and relation fields, and how the attributes
/// of files from other tools map onto those fields when they are read. Every format's reader and
/// writer uses these, so a name means the same in GraphML, GEXF, JSON and CSV.
///
/// Reading a foreign file: a node's name is its `label` (else `name`, `Label`, `Name`, `title`, a
/// yEd label, else its id); its kind is `kind` (else TinkerPop's `labelV`, Neo4j's `labels`,
/// `type`, else `node`); an edge's relation type is `relation` (else `labelE`, `type`, `label`,
/// else `edge`). `aliases`, `description`, `note`, `ids`, `provenance`, `date`, `confidence`,
/// `assertion` and `sources` fill their fields when their values fit; `country` does when it names
/// an entity of the same file. Everything else, and every value that does not fit, is kept as an
/// attribute under its own name.
public enum InteropField {
    public enum Entity {
        public static let name = "label"
        public static let kind = "kind"
        public static let aliases = "aliases"
        public static let country = "country"
        public static let description = "description"
        public static let ids = "ids"
        public static let provenance = "provenance"
        public static let note = "note"
    }

    public enum Relation {
        /// The type's reading ("spoke for"), for tools that show edge labels.
        public static let label = "label"
        /// The type id.
        public static let relation = "relation"
        public static let date = "date"
        public static let datePrecision = "date_precision"
        public static let confidence = "confidence"
        public static let assertion = "assertion"
        public static let sources = "sources"
        public static let provenance = "provenance"
        public static let note = "note"
    }

    /// The kind given to entities whose file names none.
    public static let defaultKind = "node"
    /// The relation type given to relations whose file names none.
    public static let defaultType = "edge"
}

/// What a node attribute becomes.
enum NodeRole: Hashable {
    /// The entity's name; lower priority wins when several are present.
    case name(Int)
    case kind(Int)
    case aliases, country, description, ids, provenance, note
    /// kgraph's own id, kept beside an id another format had to change.
    case kgraphID
    case attribute

    /// The role of a foreign attribute called `name`.
    static func foreign(_ name: String) -> NodeRole {
        switch name {
        case "label": return .name(0)
        case "name": return .name(1)
        case "Label": return .name(2)
        case "Name": return .name(3)
        case "title": return .name(4)
        case "kind": return .kind(0)
        case "labelV": return .kind(1)
        case "labels": return .kind(2)
        case "type": return .kind(3)
        case "aliases": return .aliases
        case "country": return .country
        case "description": return .description
        case "ids": return .ids
        case "provenance": return .provenance
        case "note": return .note
        default: return .attribute
        }
    }

    /// Priority of a label drawn by yEd (below every named attribute).
    static let drawnLabel = NodeRole.name(9)
}

/// What an edge attribute becomes.
enum EdgeRole: Hashable {
    case type(Int)
    /// The type's reading, written for display; ignored when read back.
    case typeLabel
    case date, datePrecision, confidence, assertion, sources, provenance, note
    case kgraphID
    case attribute

    /// The role of a foreign attribute called `name`.
    static func foreign(_ name: String) -> EdgeRole {
        switch name {
        case "relation": return .type(0)
        case "labelE": return .type(1)
        case "type": return .type(2)
        case "label": return .type(3)
        case "date": return .date
        case "date_precision": return .datePrecision
        case "confidence": return .confidence
        case "assertion": return .assertion
        case "sources": return .sources
        case "provenance": return .provenance
        case "note": return .note
        default: return .attribute
        }
    }
}

/// Collects one node's values and turns them into an entity.
struct EntityValues {
    private(set) var items: [(role: NodeRole, name: String, value: AttributeValue)] = []

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }
    mutating func add(_ role: NodeRole, _ name: String, _ value: AttributeValue) { items.append((role, name, value)) }
    var isEmpty: Bool { items.isEmpty }
    /// True when an attribute of this name was given.
    func has(_ name: String) -> Bool { items.contains { $0.name == name } }

    /// The entity these values describe.
    func entity(id: String, location: FileLocation?) -> Entity {
        var e = Entity(id: id, name: id, kind: InteropField.defaultKind, location: location)
        var nameRank = Int.max, kindRank = Int.max
        var attrs: [String: AttributeValue] = [:]
        // Losing candidates for name and kind stay attributes.
        for (role, _, value) in items {
            switch role {
            case .name(let rank):
                if rank < nameRank, !value.text.isEmpty { nameRank = rank }
            case .kind(let rank):
                if rank < kindRank, kindText(value) != nil { kindRank = rank }
            default: break
            }
        }
        for (role, name, value) in items {
            switch role {
            case .name(let rank):
                if rank == nameRank, !value.text.isEmpty { e.name = value.text; nameRank = -1 }
                else if role != NodeRole.drawnLabel && !(nameRank == -1 && value.text == e.name) { attrs[name] = value }
            case .kind(let rank):
                if rank == kindRank, let k = kindText(value) { e.kind = k; kindRank = -1 } else { attrs[name] = value }
            case .aliases:
                if let list = InteropValues.stringList(value) { e.aliases = list } else { attrs[name] = value }
            case .country:
                if case .string(let s) = value, !s.isEmpty { e.country = s } else { attrs[name] = value }
            case .description: e.description = value.text
            case .note: e.note = value.text
            case .ids:
                if let m = InteropValues.stringMap(value) { e.externalIDs = m } else { attrs[name] = value }
            case .provenance:
                if let p = Provenance(rawValue: value.text) { e.provenance = p } else { attrs[name] = value }
            case .kgraphID:
                if !value.text.isEmpty { e.id = value.text }
            case .attribute:
                attrs[name] = value
            }
        }
        if e.name == id, e.id != id { e.name = e.id }
        e.attributes = attrs
        return e
    }

    private func kindText(_ v: AttributeValue) -> String? {
        var s = InteropValues.trimmed(v.text)
        // Neo4j's labels column: ":Person:Actor" -> "Person".
        if s.hasPrefix(":") { s = String(s.dropFirst()).split(separator: ":").first.map(String.init) ?? "" }
        return s.isEmpty ? nil : s
    }
}

/// Collects one edge's values and turns them into a relation.
struct RelationValues {
    /// A named struct, not a tuple: its copies and destruction are specialised code instead of
    /// the runtime's generic tuple witnesses (a reader clears these once per edge).
    private struct Item {
        var role: EdgeRole
        var name: String
        var value: AttributeValue
    }
    private var items: [Item] = []
    private var presetSources: [Citation]?
    private var presetTime: TimeSpan?
    private var presetConfidence: Confidence?
    private var presetAssertion: Assertion?
    private var presetProvenance: Provenance?

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        presetSources = nil; presetTime = nil; presetConfidence = nil; presetAssertion = nil; presetProvenance = nil
    }
    /// Values a reader decoded straight from its bytes.
    mutating func setSources(_ c: [Citation]) { presetSources = c }
    mutating func setTime(_ t: TimeSpan) { presetTime = t }
    mutating func setConfidence(_ c: Confidence) { presetConfidence = c }
    mutating func setAssertion(_ a: Assertion) { presetAssertion = a }
    mutating func setProvenance(_ p: Provenance) { presetProvenance = p }
    mutating func add(_ role: EdgeRole, _ name: String, _ value: AttributeValue) { items.append(Item(role: role, name: name, value: value)) }

    /// Adds a text value given as UTF-8. Short texts repeat from edge to edge (relation types,
    /// date precisions): each is made into a value once and shared after.
    mutating func addText(_ role: EdgeRole, _ name: String, _ bytes: UnsafeBufferPointer<UInt8>) {
        let value: AttributeValue
        if bytes.count <= TextValues.longest {
            if texts == nil { texts = TextValues() }
            value = texts!.value(bytes)
        } else {
            value = .string(String(decoding: bytes, as: UTF8.self))
        }
        items.append(Item(role: role, name: name, value: value))
    }

    /// Text values made so far, by their bytes; at most `limit` (later new ones are not kept).
    private struct TextValues {
        static let longest = 32
        static let limit = 1024
        var table = ByteTable()
        var values: [AttributeValue] = []

        mutating func value(_ bytes: UnsafeBufferPointer<UInt8>) -> AttributeValue {
            if values.count < Self.limit {
                let (i, inserted) = table.insert(bytes)
                if inserted { values.append(.string(String(decoding: bytes, as: UTF8.self))) }
                return values[Int(i)]
            }
            if let i = table.find(bytes) { return values[Int(i)] }
            return .string(String(decoding: bytes, as: UTF8.self))
        }
    }
    /// Made when first needed: readers that never add text need no table.
    private var texts: TextValues?

    /// The relation these values describe.
    func relation(id: String, source: String, target: String, location: FileLocation?) -> Relation {
        // Fields gathered in locals and the relation made once at the end (building it first and
        // assigning field by field copied it whole).
        var id = id
        var type = InteropField.defaultType
        var relationTime: TimeSpan?
        var confidence = Confidence.high, assertion = Assertion.reported, provenance = Provenance.reported
        var sources: [Citation] = []
        var note: String?
        var typeRank = Int.max
        var time: TimeSpan?
        for item in items {
            if case .type(let rank) = item.role, rank < typeRank, !item.value.text.isEmpty { typeRank = rank }
            if item.role == .date, time == nil { time = InteropValues.timeSpan(item.value.text) }
        }
        if time == nil { time = presetTime }
        let dated = time != nil
        var attrs: [String: AttributeValue] = [:]
        for item in items {
            let value = item.value
            switch item.role {
            case .type(let rank):
                if rank == typeRank, !value.text.isEmpty { type = value.text; typeRank = -1; continue }
                // The same type under a second name (Cytoscape's interaction beside relation) says nothing new.
                if typeRank == -1 && value.text == type { continue }
                // Beside `relation`, `label` is the type's reading (kgraph's own layout): not an attribute.
                if rank == 3 && wonByRelation(value) { continue }
                attrs[item.name] = value
            case .typeLabel:
                break
            case .date:
                if let time, relationTime == nil { relationTime = time } else if InteropValues.timeSpan(value.text) == nil { attrs[item.name] = value }
            case .datePrecision:
                if !dated { attrs[item.name] = value }
            case .confidence:
                if let c = Confidence(rawValue: value.text) { confidence = c } else { attrs[item.name] = value }
            case .assertion:
                if let a = Assertion(rawValue: value.text) { assertion = a } else { attrs[item.name] = value }
            case .sources:
                if let c = InteropValues.citations(value) { sources = c } else { attrs[item.name] = value }
            case .provenance:
                if let p = Provenance(rawValue: value.text) { provenance = p } else { attrs[item.name] = value }
            case .note:
                note = value.text
            case .kgraphID:
                if !value.text.isEmpty { id = value.text }
            case .attribute:
                attrs[item.name] = value
            }
        }
        if let presetSources { sources = presetSources }
        if let presetTime, relationTime == nil { relationTime = presetTime }
        if let presetConfidence { confidence = presetConfidence }
        if let presetAssertion { assertion = presetAssertion }
        if let presetProvenance { provenance = presetProvenance }
        return Relation(id: id, source: source, type: type, target: target, time: relationTime, confidence: confidence,
                        assertion: assertion, sources: sources, attributes: attrs, provenance: provenance, note: note,
                        location: location)
    }

    private func wonByRelation(_ label: AttributeValue) -> Bool {
        guard let winner = items.first(where: { $0.role == .type(0) })?.value.text else { return false }
        let l = label.text
        return l == winner || l == Vocabulary.standard.type(winner)?.label
    }
}

/// Decoding the structured values exports carry as JSON text.
enum InteropValues {
    /// The value plain text stands for in a `mixed` column: a boolean, an integer, a real number
    /// (with `.` or an exponent), else the text itself.
    static func inferred(_ s: String) -> AttributeValue {
        if s == "true" { return .bool(true) }
        if s == "false" { return .bool(false) }
        if let i = Int(s) { return .int(i) }
        if s.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let d = Double(s), d.isFinite,
           s.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
            return .double(d)
        }
        return .string(s)
    }

    /// `s` without leading and trailing ASCII whitespace (cheap when there is none).
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        func ws(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
        guard let f = u.first, let l = u.last, ws(f) || ws(l) else { return s }
        var a = u.startIndex, b = u.endIndex
        while a < b, ws(u[a]) { a = u.index(after: a) }
        while b > a, ws(u[u.index(before: b)]) { b = u.index(before: b) }
        return String(s[a..<b])
    }

    /// A date or interval as `TimeSpan.parse` reads it, without Foundation for the usual shapes
    /// (`2024`, `2024-01`, `2024-01-28`, `A..B`); nil when it is not one.
    static func timeSpan(_ text: String) -> TimeSpan? {
        var text = text
        if let fast = text.withUTF8({ timeSpan(utf8: $0) }) { return fast }
        if case .success(let t) = TimeSpan.parse(text) { return t }
        return nil
    }

    /// The byte-level part of `timeSpan`: `.some(span or nil)` for the plain shapes, `.none` when
    /// `TimeSpan.parse` must decide (spaces, other spellings).
    static func timeSpan(utf8 b: UnsafeBufferPointer<UInt8>) -> TimeSpan?? {
        do {
            // The outer nil means "not a plain shape": let TimeSpan.parse decide.
            func date(_ from: Int, _ to: Int) -> PartialDate?? {
                let n = to - from
                guard n == 4 || n == 7 || n == 10 else { return .none }
                func digits(_ i: Int, _ count: Int) -> Int? {
                    var v = 0
                    for k in i..<(i + count) {
                        let c = b[k]
                        guard c >= 0x30 && c <= 0x39 else { return nil }
                        v = v * 10 + Int(c - 0x30)
                    }
                    return v
                }
                guard let y = digits(from, 4) else { return .none }
                var m: Int?, d: Int?
                if n >= 7 {
                    guard b[from + 4] == UInt8(ascii: "-"), let mm = digits(from + 5, 2) else { return .none }
                    m = mm
                }
                if n == 10 {
                    guard b[from + 7] == UInt8(ascii: "-"), let dd = digits(from + 8, 2) else { return .none }
                    d = dd
                }
                return .some(PartialDate(year: y, month: m, day: d))
            }
            var dots = -1
            var i = 0
            while i + 1 < b.count {
                if b[i] == UInt8(ascii: ".") && b[i + 1] == UInt8(ascii: ".") { dots = i; break }
                i += 1
            }
            if dots < 0 {
                guard let d = date(0, b.count) else { return .none }
                return .some(d.map { TimeSpan($0) })
            }
            var s: PartialDate?, e: PartialDate?
            if dots > 0 { guard let d = date(0, dots) else { return .none }; guard let dd = d else { return .some(nil) }; s = dd }
            if dots + 2 < b.count {
                guard let d = date(dots + 2, b.count) else { return .none }
                guard let dd = d else { return .some(nil) }
                e = dd
            }
            return .some(TimeSpan(start: s, end: e))
        }
    }

    /// A list of strings: a list value, or JSON text of one; any other text is one item.
    static func stringList(_ v: AttributeValue) -> [String]? {
        switch v {
        case .list(let items): return items.map(\.text)
        case .string(let s):
            if s.hasPrefix("["), let j = JSONParser.parse(s), let a = j.array {
                let strings = a.compactMap(\.string)
                return strings.count == a.count ? strings : nil
            }
            return s.isEmpty ? [] : [s]
        default: return nil
        }
    }

    /// A map of strings: a map value, or JSON text of one.
    static func stringMap(_ v: AttributeValue) -> [String: String]? {
        var value = v
        if case .string(let s) = v {
            guard let j = JSONParser.parse(s), let av = j.attributeValue else { return nil }
            value = av
        }
        guard case .map(let m) = value else { return nil }
        var out: [String: String] = [:]
        for (k, x) in m {
            guard case .string(let s) = x else { return nil }
            out[k] = s
        }
        return out
    }

    /// Citations: a list of `{document, quote}` maps, or JSON text of one.
    static func citations(_ v: AttributeValue) -> [Citation]? {
        var value = v
        if case .string(var s) = v {
            if let fast = s.withUTF8({ citations(json: $0) }) { return fast }
            guard let j = JSONParser.parse(s), let av = j.attributeValue else { return nil }
            value = av
        }
        guard case .list(let items) = value else { return nil }
        var out: [Citation] = []
        for item in items {
            guard case .map(let m) = item, case .string(let d)? = m["document"], case .string(let q)? = m["quote"],
                  m.count == 2 else { return nil }
            out.append(Citation(document: d, quote: q))
        }
        return out
    }

    /// Citations from JSON text of the exact shape kgraph writes (`[{"document":..,"quote":..}]`,
    /// in either key order), without building a JSON tree; nil for anything else.
    static func citations(json b: UnsafeBufferPointer<UInt8>) -> [Citation]? {
        guard let base = b.baseAddress else { return nil }
        var r = PlainJSON(p: base, n: b.count)
        guard r.byte(UInt8(ascii: "[")) else { return nil }
        var out: [Citation] = []
        if r.byte(UInt8(ascii: "]")) { r.space(); return r.atEnd ? out : nil }
        // Room for the usual one or two at once (growing from empty took the general path).
        out.reserveCapacity(2)
        repeat {
            guard r.byte(UInt8(ascii: "{")) else { return nil }
            var document: String?, quote: String?
            repeat {
                guard let key = r.string(), r.byte(UInt8(ascii: ":")), let value = r.string() else { return nil }
                if document == nil && r.spells(key, "document") {
                    document = r.text(value)
                } else if quote == nil && r.spells(key, "quote") {
                    quote = r.text(value)
                } else {
                    return nil
                }
            } while r.byte(UInt8(ascii: ","))
            guard r.byte(UInt8(ascii: "}")), let document, let quote else { return nil }
            out.append(Citation(document: document, quote: quote))
        } while r.byte(UInt8(ascii: ","))
        guard r.byte(UInt8(ascii: "]")) else { return nil }
        r.space()
        return r.atEnd ? out : nil
    }

    /// Citations as compact JSON: `[{"document":"...","quote":"..."}]`.
    static func citationsJSON(_ c: [Citation]) -> String {
        "[" + c.map { "{\"document\":" + JSONText.quote($0.document) + ",\"quote\":" + JSONText.quote($0.quote) + "}" }
            .joined(separator: ",") + "]"
    }

    /// Strings as a compact JSON list.
    static func stringsJSON(_ s: [String]) -> String { "[" + s.map(JSONText.quote).joined(separator: ",") + "]" }

    /// A string map as compact JSON with sorted keys.
    static func mapJSON(_ m: [String: String]) -> String {
        "{" + m.keys.sorted().map { JSONText.quote($0) + ":" + JSONText.quote(m[$0]!) }.joined(separator: ",") + "}"
    }
}

extension GraphFragment {
    /// Moves `country` values that name no entity of this fragment back into attributes (a foreign
    /// file's `country` is usually a place name, not an entity id).
    mutating func settleCountries() {
        guard entities.contains(where: { $0.country != nil }) else { return }
        let ids = Set(entities.map(\.id))
        for i in entities.indices {
            guard let c = entities[i].country, !ids.contains(c) else { continue }
            entities[i].country = nil
            if entities[i].attributes[InteropField.Entity.country] == nil {
                entities[i].attributes[InteropField.Entity.country] = .string(c)
            }
        }
    }
}

/// A cursor over JSON text for the plain shapes exports write: strings without escapes, found
/// eight bytes at a time. Anything else makes its readers give up (nil), for the general parser.
private struct PlainJSON {
    let p: UnsafePointer<UInt8>
    let n: Int
    var i = 0

    var atEnd: Bool { i == n }

    mutating func space() {
        while i < n, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
    }

    /// Skips whitespace and `c`; false when something else comes.
    mutating func byte(_ c: UInt8) -> Bool {
        space()
        guard i < n, p[i] == c else { return false }
        i += 1
        return true
    }

    /// The bytes of a string without escapes or control characters (offsets into the text), or nil.
    mutating func string() -> Range<Int>? {
        space()
        guard i < n, p[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        let raw = UnsafeRawPointer(p)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // A lane lacks the high bit where the byte is `"`, `\` or below 0x20 (non-ASCII bytes never).
        while i + 8 <= n {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
            let xl = x & low
            let stops = ((xl ^ 0x2222_2222_2222_2222) &+ low) & ((xl ^ 0x5C5C_5C5C_5C5C_5C5C) &+ low) & (xl &+ 0x6060_6060_6060_6060)
            let hits = ~(stops | x) & 0x8080_8080_8080_8080
            if hits != 0 { i += hits.trailingZeroBitCount >> 3; break }
            i += 8
        }
        while i < n, p[i] != UInt8(ascii: "\""), p[i] != UInt8(ascii: "\\") {
            if p[i] < 0x20 { return nil }
            i += 1
        }
        // Escapes: the general path decides.
        guard i < n, p[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        return start..<(i - 1)
    }

    /// True when the bytes of `r` are `word` (ASCII).
    func spells(_ r: Range<Int>, _ word: StaticString) -> Bool {
        guard r.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        var k = 0
        while k < r.count && p[r.lowerBound + k] == w[k] { k += 1 }
        return k == r.count
    }

    func text(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: p + r.lowerBound, count: r.count), as: UTF8.self)
    }
}
