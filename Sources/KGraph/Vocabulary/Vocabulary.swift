/// A kind of entity (state, militia, site, ...) and how it is drawn.
public struct EntityKind: Hashable, Sendable {
    public var id: String
    public var label: String
    /// Graphviz node shape.
    public var shape: String
    /// Graphviz node style (default `filled`).
    public var style: String
    /// Fill colour.
    public var fill: String
    /// Codes in public standards, e.g. `["wikidata": "Q7275"]`.
    public var codes: [String: String]

    public init(id: String, label: String? = nil, shape: String = "box", style: String = "filled",
                fill: String = "#ffffff", codes: [String: String] = [:]) {
        self.id = id
        self.label = label ?? id
        self.shape = shape
        self.style = style
        self.fill = fill
        self.codes = codes
    }
}

/// A type of relation: which kinds may stand at each end, how it reads both ways, how it is drawn.
public struct RelationType: Hashable, Sendable {
    public var id: String
    /// Reading forwards: "A backs B".
    public var label: String
    /// Reading backwards: "B backed by A".
    public var inverse: String
    /// Kinds allowed at the source; empty allows any.
    public var domain: [String]
    /// Kinds allowed at the target; empty allows any.
    public var range: [String]
    /// True when A–B means the same as B–A (allied with).
    public var symmetric: Bool
    public var color: String
    /// `solid`, `dashed`, `dotted` or `bold`. Pictures draw `bold` heavier; the pattern of a line
    /// is the strength of its evidence (`StrengthStyle`), so `dashed` and `dotted` here are not drawn.
    public var style: String
    public var codes: [String: String]

    public init(id: String, label: String? = nil, inverse: String? = nil, domain: [String] = [], range: [String] = [],
                symmetric: Bool = false, color: String = "#555555", style: String = "solid",
                codes: [String: String] = [:]) {
        self.id = id
        self.label = label ?? id
        self.inverse = inverse ?? ((label ?? id) + " (inverse)")
        self.domain = domain
        self.range = range
        self.symmetric = symmetric
        self.color = color
        self.style = style
        self.codes = codes
    }
}

/// Entity kinds and relation types, in the order they were declared. Data, not code: graphs extend it.
public struct Vocabulary: Sendable {
    public private(set) var kinds: [EntityKind] = []
    public private(set) var types: [RelationType] = []
    private var kindIndex: [String: Int] = [:]
    private var typeIndex: [String: Int] = [:]

    public init() {}

    /// The built-in vocabulary (`defaultVocabularyYAML`).
    public static let standard: Vocabulary = {
        var diagnostics: [Diagnostic] = []
        // Read by every process. Yams' default resolver compiles seven regular expressions and tries
        // them on each scalar: 25 M of the 35 M instructions this took (84 M before a graph is read).
        // The text says which scalars are not strings instead (`defaultVocabularyYAML`); a test
        // checks both ways read the same.
        let v = GraphFileParser.parseVocabulary(yaml: defaultVocabularyYAML, file: "<default vocabulary>",
                                                diagnostics: &diagnostics, resolver: .basic)
        precondition(diagnostics.isEmpty, "the default vocabulary is invalid: \(diagnostics)")
        return v
    }()

    /// The kind with this id.
    public func kind(_ id: String) -> EntityKind? { kindIndex[id].map { kinds[$0] } }

    /// The relation type with this id.
    public func type(_ id: String) -> RelationType? { typeIndex[id].map { types[$0] } }

    /// Adds or replaces a kind (a graph may restyle a built-in one).
    public mutating func define(_ kind: EntityKind) {
        if let i = kindIndex[kind.id] { kinds[i] = kind } else { kindIndex[kind.id] = kinds.count; kinds.append(kind) }
    }

    /// Adds or replaces a relation type.
    public mutating func define(_ type: RelationType) {
        if let i = typeIndex[type.id] { types[i] = type } else { typeIndex[type.id] = types.count; types.append(type) }
    }

    /// This vocabulary with `other`'s kinds and types added (`other` wins on the same id).
    public func merging(_ other: Vocabulary) -> Vocabulary {
        var v = self
        other.kinds.forEach { v.define($0) }
        other.types.forEach { v.define($0) }
        return v
    }
}
