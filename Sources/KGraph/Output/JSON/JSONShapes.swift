import Foundation

/// The stable JSON shape of an entity: `{"id","name","kind","aliases":[...]}`.
public struct EntityJSON: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: String
    public var aliases: [String]

    public init(id: String, name: String, kind: String, aliases: [String]) {
        self.id = id; self.name = name; self.kind = kind; self.aliases = aliases
    }
}

/// The stable JSON shape of a citation: `{"document","quote"}` and its other fields of
/// `Citation.fields` that it has, each under the field's key.
public struct CitationJSON: Codable, Hashable, Sendable {
    /// The citation's fields by key (absent ones left out).
    public var fields: [String: String]

    public var document: String { fields["document"] ?? "" }
    public var quote: String { fields["quote"] ?? "" }

    public init(_ c: Citation) {
        var f: [String: String] = [:]
        for field in Citation.fields { if let v = field.text(c) { f[field.key] = v } }
        fields = f
    }

    public init(document: String, quote: String) { self.init(Citation(document: document, quote: quote)) }

    public init(from decoder: Decoder) throws { fields = try [String: String](from: decoder) }
    public func encode(to encoder: Encoder) throws { try fields.encode(to: encoder) }
}

/// The stable JSON shape of a relation: each field of `Relation.fields` it has, under the name
/// the exports give it (`Field.column`: `relation` for the type) or else its key:
/// `{"id","source","relation","target","date"?,"confidence"?,"assertion"?,"sources":[...],
/// "attributes"?,"provenance","note"?}` (`confidence` and `assertion` absent when none was
/// recorded: unrated). `source` and `target` are entity ids; `sources` is
/// there (maybe empty) on every relation.
public struct RelationJSON: Codable, Hashable, Sendable {
    /// The relation's field values by JSON name (absent ones left out).
    public var fields: [String: FieldJSON]

    public var id: String { fields["id"]?.text ?? "" }

    public init(_ r: Relation) {
        var f: [String: FieldJSON] = [:]
        for field in Relation.fields {
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
    static func name(_ field: Field<Relation>) -> String { field.column ?? field.key }

    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Name.self)
        var f: [String: FieldJSON] = [:]
        for field in Relation.fields {
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

/// `kgraph show` as JSON: `{"entity":E,"relations":[R,...]}`, `"parts":[E,...]` with
/// `--include-parts`, and `"statements":[S,...]` (what it said, as `kgraph quotes` gives them) when it said anything.
public struct EntityCardJSON: Codable, Hashable, Sendable {
    public var entity: EntityJSON
    public var relations: [RelationJSON]
    public var parts: [EntityJSON]?
    public var statements: [StatementJSON]?

    public init(entity: EntityJSON, relations: [RelationJSON], parts: [EntityJSON]? = nil, statements: [StatementJSON]? = nil) {
        self.entity = entity; self.relations = relations; self.parts = parts; self.statements = statements
    }
}

extension AttributeValue: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let l = try? c.decode([AttributeValue].self) { self = .list(l) }
        else { self = .map(try c.decode([String: AttributeValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        case .list(let l): try c.encode(l)
        case .map(let m): try c.encode(m)
        }
    }
}

extension Entity {
    /// This entity in the stable JSON shape.
    public var json: EntityJSON { EntityJSON(id: id, name: name, kind: kind, aliases: aliases) }
}

extension Relation {
    /// This relation in the stable JSON shape.
    public var json: RelationJSON { RelationJSON(self) }
}

/// Encodes values as the stable JSON kgraph prints: pretty, keys sorted, slashes unescaped.
public enum StableJSON {
    /// `value` as JSON text ending in a newline.
    public static func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
