/// Where something stands in a source file, 1-based (columns count Unicode scalars).
public struct FileLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    // 32-bit storage: every relation of a big graph carries locations, and no file has 4 billion lines.
    private var line32: Int32
    private var column32: Int32

    public var line: Int {
        get { Int(line32) }
        set { line32 = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(column32) }
        set { column32 = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line32 = Int32(clamping: line)
        self.column32 = Int32(clamping: column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// How sure the graph's author is of a fact.
public enum Confidence: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    /// 0 for low, 1 for medium, 2 for high.
    public var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
}

/// Who says a fact is so: the report itself, a party about itself, or one party about another.
public enum Assertion: String, Sendable, Codable, CaseIterable {
    /// The report states it as fact.
    case reported
    /// A party says it did it.
    case claimed
    /// Someone (a spokesperson, an official) blames a party.
    case attributed
    /// One side's media accuses another.
    case alleged
    /// A party denies it.
    case denied
}

/// Whether a fact or identity comes from the cited reports or was added from general knowledge.
public enum Provenance: String, Sendable, Codable, CaseIterable {
    case reported, added
}

/// A free attribute value: scalars, lists and maps, as YAML and JSON have them.
public indirect enum AttributeValue: Hashable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([AttributeValue])
    case map([String: AttributeValue])

    /// The value as plain text: scalars as written, lists and maps as JSON.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .list, .map: return jsonText
        }
    }

    /// The value as compact JSON with sorted keys.
    public var jsonText: String {
        switch self {
        case .string(let s): return JSONText.quote(s)
        case .int, .double, .bool: return text
        case .list(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .map(let m):
            return "{" + m.keys.sorted().map { JSONText.quote($0) + ":" + m[$0]!.jsonText }.joined(separator: ",") + "}"
        }
    }
}

/// A report that facts are cited to.
public struct Document: Hashable, Sendable {
    public var id: String
    public var title: String
    public var outlet: String?
    public var published: PartialDate?
    public var url: String?
    /// The file name of the report's text, where it is kept.
    public var file: String?
    public var note: String?
    public var location: FileLocation?

    public init(id: String, title: String, outlet: String? = nil, published: PartialDate? = nil,
                url: String? = nil, file: String? = nil, note: String? = nil, location: FileLocation? = nil) {
        self.id = id
        self.title = title
        self.outlet = outlet
        self.published = published
        self.url = url
        self.file = file
        self.note = note
        self.location = location
    }
}

/// A supporting citation: the document and the words in it.
public struct Citation: Hashable, Sendable {
    public var document: String
    public var quote: String

    public init(document: String, quote: String) {
        self.document = document
        self.quote = quote
    }
}

/// An actor, official, site, place or agreement.
public struct Entity: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: String
    public var aliases: [String]
    /// Entity id of the state it belongs to or lies in.
    public var country: String?
    public var description: String?
    /// External identifiers, e.g. `["wikidata": "Q193620"]`.
    public var externalIDs: [String: String]
    public var attributes: [String: AttributeValue]
    public var provenance: Provenance
    public var note: String?
    public var location: FileLocation?

    public init(id: String, name: String, kind: String, aliases: [String] = [], country: String? = nil,
                description: String? = nil, externalIDs: [String: String] = [:],
                attributes: [String: AttributeValue] = [:], provenance: Provenance = .reported,
                note: String? = nil, location: FileLocation? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.country = country
        self.description = description
        self.externalIDs = externalIDs
        self.attributes = attributes
        self.provenance = provenance
        self.note = note
        self.location = location
    }
}

/// A dated, cited fact between two entities. Two entities may share many relations.
public struct Relation: Hashable, Sendable {
    public var id: String
    /// Entity id at the tail.
    public var source: String
    /// Relation type id from the vocabulary.
    public var type: String
    /// Entity id at the head.
    public var target: String
    public var time: TimeSpan?
    public var confidence: Confidence
    public var assertion: Assertion
    public var sources: [Citation]
    public var attributes: [String: AttributeValue]
    public var provenance: Provenance
    public var note: String?
    public var location: FileLocation?

    public init(id: String, source: String, type: String, target: String, time: TimeSpan? = nil,
                confidence: Confidence = .high, assertion: Assertion = .reported, sources: [Citation] = [],
                attributes: [String: AttributeValue] = [:], provenance: Provenance = .reported,
                note: String? = nil, location: FileLocation? = nil) {
        self.id = id
        self.source = source
        self.type = type
        self.target = target
        self.time = time
        self.confidence = confidence
        self.assertion = assertion
        self.sources = sources
        self.attributes = attributes
        self.provenance = provenance
        self.note = note
        self.location = location
    }
}
