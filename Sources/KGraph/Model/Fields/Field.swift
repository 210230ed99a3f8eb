/// One field of a record (an entity, a relation, a citation, a document), described once: its
/// key, what its values are, and how to read and set it. The YAML reader and writer, the parse
/// cache, every export's JSON for citations and documents, `kgraph import`, `kgraph check` and the
/// text and JSON output iterate a record's table of these (`Entity.fields`, `Relation.fields`,
/// `Citation.fields`, `Document.fields`) instead of naming its fields, so a new field is one entry
/// in the table plus its stored property.
public struct Field<Record>: Sendable {
    /// The key in YAML and in JSON (exports and `--format json` alike).
    public let key: String
    /// What the values are, which decides how they are checked and written.
    public let value: FieldValue
    /// A record without it is an error in YAML and is not read from other formats.
    public let required: Bool
    /// The name the exports (GraphML, GEXF, Neo4j CSV, Cypher, node-link and Cytoscape JSON) give
    /// its column (key, attribute, property, member), and their readers read it by; nil when they
    /// carry it in their own structure instead (a node or edge id, an edge's ends, a node's
    /// label, free attributes as columns of their own).
    public let column: String?
    /// The value; nil when the record has none (an empty list or map counts as none).
    public let get: @Sendable (Record) -> FieldData?
    /// Sets the value; false when it is not a valid value (the record is unchanged).
    public let set: @Sendable (inout Record, FieldData) -> Bool
    /// A text field's getter and setter as declared: readers and checks that run once per record
    /// (a million citations) read and set text through these, without a `FieldData` around each
    /// value. Nil for other fields.
    let textGet: (@Sendable (Record) -> String?)?
    let textSet: (@Sendable (inout Record, String) -> Bool)?
    /// For a field whose text is parsed (a date, a word of a choice): the setter of that text as
    /// UTF-8 bytes, which readers that decode straight from their buffer call without making a
    /// String per value. It takes and refuses exactly what `textSet` does. Nil for other fields.
    let bytesSet: (@Sendable (inout Record, UnsafeBufferPointer<UInt8>) -> Bool)?

    public init(_ key: String, _ value: FieldValue, required: Bool = false, column: Column = .key,
                get: @escaping @Sendable (Record) -> FieldData?, set: @escaping @Sendable (inout Record, FieldData) -> Bool) {
        self.init(key, value, required, column, get, set, textGet: nil, textSet: nil, bytesSet: nil)
    }

    /// A text field: read and set as text.
    public init(_ key: String, _ value: FieldValue, required: Bool = false, column: Column = .key,
                text get: @escaping @Sendable (Record) -> String?, set: @escaping @Sendable (inout Record, String) -> Bool) {
        self.init(key, value, required: required, column: column, text: get, set: set, bytes: nil)
    }

    /// A text field whose text is parsed, also set from the text's UTF-8 bytes (`bytesSet`).
    init(_ key: String, _ value: FieldValue, required: Bool = false, column: Column = .key,
         text get: @escaping @Sendable (Record) -> String?, set: @escaping @Sendable (inout Record, String) -> Bool,
         bytes: (@Sendable (inout Record, UnsafeBufferPointer<UInt8>) -> Bool)?) {
        self.init(key, value, required, column, { get($0).map(FieldData.text) }, { r, d in
            guard case .text(let s) = d else { return false }
            return set(&r, s)
        }, textGet: get, textSet: set, bytesSet: bytes)
    }

    private init(_ key: String, _ value: FieldValue, _ required: Bool, _ column: Column,
                 _ get: @escaping @Sendable (Record) -> FieldData?, _ set: @escaping @Sendable (inout Record, FieldData) -> Bool,
                 textGet: (@Sendable (Record) -> String?)?, textSet: (@Sendable (inout Record, String) -> Bool)?,
                 bytesSet: (@Sendable (inout Record, UnsafeBufferPointer<UInt8>) -> Bool)?) {
        self.key = key
        self.value = value
        self.required = required
        switch column {
        case .key: self.column = value == .id || value == .attributes ? nil : key
        case .named(let name): self.column = name
        case .structure: self.column = nil
        }
        self.get = get
        self.set = set
        self.textGet = textGet
        self.textSet = textSet
        self.bytesSet = bytesSet
    }

    /// How the exports name a field's column.
    public enum Column: Sendable {
        /// Its key (the default), or none for the record's id and its free attributes.
        case key
        /// A name of its own (a relation's `type` is the `relation` column).
        case named(String)
        /// No column: the format's structure carries it (an entity's name is the node's label).
        case structure
    }

    /// The value when it is text.
    public func text(_ r: Record) -> String? {
        if let textGet { return textGet(r) }
        if case .text(let s)? = get(r) { return s }
        return nil
    }

    /// Sets a text value; false when it is not valid.
    public func set(_ r: inout Record, text: String) -> Bool {
        if let textSet { return textSet(&r, text) }
        return set(&r, .text(text))
    }
}

/// A field's value as files carry it.
public enum FieldData: Hashable, Sendable {
    case text(String)
    case list([String])
    case map([String: String])
    case attributes([String: AttributeValue])
    case citations([Citation])
}

/// What a field's values are.
public enum FieldValue: Sendable, Equatable {
    /// The record's own id: a slug.
    case id
    /// One line of text.
    case text
    /// Free text that may run long (YAML wraps it over lines).
    case prose
    /// A reduced-precision ISO date (`2024`, `2024-01`, `2024-01-28`).
    case date
    /// A date or an interval of them (`2019-12..2024-02`).
    case timeSpan
    /// An http(s) address.
    case url
    /// One of these words; `default` when none is given (and YAML leaves it out).
    case choice([String], default: String)
    /// The id of a document of the graph: `kgraph check` says when none has it.
    case documentID
    /// The id of an entity of the graph: `kgraph check` says when none has it.
    case entityID
    /// A list of text (`FieldData.list`).
    case list
    /// Text by text (`FieldData.map`).
    case map
    /// Free attributes: scalars, lists and maps, typed (`FieldData.attributes`).
    case attributes
    /// Citations (`FieldData.citations`), each of `Citation.fields`.
    case citations
}

extension FieldValue {
    /// Its values are text as a file gives it, of any length (an id, a name, prose, an address),
    /// not text made from a typed value (a date, a word of a choice).
    var isGivenText: Bool {
        switch self {
        case .id, .text, .prose, .url, .documentID, .entityID: true
        case .date, .timeSpan, .choice, .list, .map, .attributes, .citations: false
        }
    }
}
