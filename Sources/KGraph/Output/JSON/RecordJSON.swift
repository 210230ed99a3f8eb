/// The stable JSON shape of a record: each field of its table (`Record.fields`) it has, under the
/// name the exports give it (`Field.column`: `relation` for a relation's type) or else its key; a
/// choice left unrated is absent, a citations field is there (maybe empty) on every record.
///
/// A relation (`RelationJSON`): `{"id","source","relation","target","date"?,"confidence"?,
/// "assertion"?,"sources":[...],"attributes"?,"provenance","note"?}`; `source` and `target` are
/// entity ids. An entity (`EntityRecordJSON`, `kgraph show`): `{"id","name","kind","aliases"?,
/// "shared-aliases"?,"country"?,"description"?,"ids"?,"attributes"?,"provenance","note"?}`. A
/// document (`DocumentRecordJSON`): `{"id","title","outlet"?,"published"?,"url"?,"file"?,"note"?}`.
public struct RecordJSON<Record: DescribedRecord>: Codable, Hashable, Sendable {
    /// The record's field values by JSON name (absent ones left out).
    public var fields: [String: FieldJSON]

    public var id: String { fields["id"]?.text ?? "" }

    public init(_ r: Record) {
        var f: [String: FieldJSON] = [:]
        for field in Record.fields {
            switch field.recorded(r) {
            case nil: if field.value == .citations { f[Self.name(field)] = .citations([]) }
            case let d?: f[Self.name(field)] = FieldJSON(d)
            }
        }
        fields = f
    }

    /// These field values.
    public init(fields: [String: FieldJSON]) { self.fields = fields }

    /// A field's name in this shape.
    static func name(_ field: Field<Record>) -> String { field.column ?? field.key }

    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Name.self)
        var f: [String: FieldJSON] = [:]
        for field in Record.fields {
            let key = Name(stringValue: Self.name(field))
            guard c.contains(key) else { continue }
            switch field.value {
            case .list: f[key.stringValue] = .list(try c.decode([String].self, forKey: key))
            case .map: f[key.stringValue] = .map(try c.decode([String: String].self, forKey: key))
            case .attributes: f[key.stringValue] = .attributes(try c.decode([String: AttributeValue].self, forKey: key))
            case .citations: f[key.stringValue] = .citations(try c.decode([CitationJSON].self, forKey: key))
            case .id, .text, .prose, .date, .timeSpan, .url, .choice, .documentID, .entityID:
                f[key.stringValue] = .text(try c.decode(String.self, forKey: key))
            }
        }
        fields = f
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Name.self)
        for (k, v) in fields { try c.encode(v, forKey: Name(stringValue: k)) }
    }
}

/// A relation in the stable JSON shape (`RecordJSON`).
public typealias RelationJSON = RecordJSON<Relation>
/// An entity with every field it has (`RecordJSON`), as `kgraph show` gives it.
public typealias EntityRecordJSON = RecordJSON<Entity>
/// A document with every field it has (`RecordJSON`).
public typealias DocumentRecordJSON = RecordJSON<Document>

/// A field's value in the JSON output: text, a list, a map, free attributes or citations.
public enum FieldJSON: Encodable, Hashable, Sendable {
    case text(String)
    case list([String])
    case map([String: String])
    case attributes([String: AttributeValue])
    case citations([CitationJSON])

    init(_ d: FieldData) {
        switch d {
        case .text(let s): self = .text(s)
        case .list(let l): self = .list(l)
        case .map(let m): self = .map(m)
        case .attributes(let a): self = .attributes(a)
        case .citations(let c): self = .citations(c.map { CitationJSON($0) })
        }
    }

    /// The value when it is text.
    public var text: String? { if case .text(let s) = self { return s }; return nil }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        case .map(let m): try c.encode(m)
        case .attributes(let a): try c.encode(a)
        case .citations(let cs): try c.encode(cs)
        }
    }
}
