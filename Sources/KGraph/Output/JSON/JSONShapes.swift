import Foundation

/// The stable JSON shape of an entity in lists (`entities`, path ends, neighbours, rankings,
/// speakers): a summary, `{"id","name","kind","aliases":[...]}`; `kgraph show` gives every field
/// (`EntityRecordJSON`).
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

/// `kgraph show` as JSON: `{"entity":E,"relations":[R,...]}`, `"parts":[E,...]` with
/// `--include-parts`, and `"statements":[S,...]` (what it said, as `kgraph quotes` gives them) when
/// it said anything. The entity and its parts carry every field they have (`EntityRecordJSON`).
public struct EntityCardJSON: Codable, Hashable, Sendable {
    public var entity: EntityRecordJSON
    public var relations: [RelationJSON]
    public var parts: [EntityRecordJSON]?
    public var statements: [StatementJSON]?

    public init(entity: EntityRecordJSON, relations: [RelationJSON], parts: [EntityRecordJSON]? = nil, statements: [StatementJSON]? = nil) {
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

extension Entity {
    /// This entity with every field it has, as `kgraph show` gives it.
    public var record: EntityRecordJSON { EntityRecordJSON(self) }
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
