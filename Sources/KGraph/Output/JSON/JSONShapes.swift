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

/// The stable JSON shape of a relation:
/// `{"id","source","relation","target","date"?,"confidence"?,"assertion"?,"provenance","sources":[...]}`
/// (`confidence` and `assertion` absent when none was recorded: unrated),
/// plus `attributes` and `note` when it has them. `source` and `target` are entity ids.
public struct RelationJSON: Codable, Hashable, Sendable {
    public var id: String
    public var source: String
    public var relation: String
    public var target: String
    public var date: String?
    /// Absent when none was recorded (unrated), as `assertion`.
    public var confidence: String?
    public var assertion: String?
    public var sources: [CitationJSON]
    public var attributes: [String: AttributeValue]?
    public var note: String?
    /// `reported` (taken from the cited reports) or `added` (from general knowledge); on every relation.
    public var provenance: String?

    public init(id: String, source: String, relation: String, target: String, date: String?, confidence: String?,
                assertion: String?, sources: [CitationJSON], attributes: [String: AttributeValue]? = nil,
                note: String? = nil, provenance: String? = nil) {
        self.id = id; self.source = source; self.relation = relation; self.target = target; self.date = date
        self.confidence = confidence; self.assertion = assertion; self.sources = sources
        self.attributes = attributes; self.note = note; self.provenance = provenance
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
    public var json: RelationJSON {
        RelationJSON(id: id, source: source, relation: type, target: target, date: time?.description,
                     confidence: confidence?.rawValue, assertion: assertion?.rawValue,
                     sources: sources.map { CitationJSON($0) },
                     attributes: attributes.isEmpty ? nil : attributes, note: note,
                     provenance: provenance.rawValue)
    }
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
