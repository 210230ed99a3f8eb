/// One field of a record (a citation, a document), described once: its key, what its values are,
/// and how to read and set it as text. The YAML reader and writer, every export's JSON for the
/// record, the parse cache, `kgraph import`, `kgraph check` and the text and JSON output iterate a
/// record's table of these (`Citation.fields`, `Document.fields`) instead of naming its fields, so
/// a new field is one entry in the table plus its stored property.
public struct Field<Record>: Sendable {
    /// The key in YAML and in JSON (exports and `--format json` alike).
    public let key: String
    /// What the values are, which decides how they are checked and written.
    public let value: FieldValue
    /// A record without it is an error in YAML and is not read from other formats.
    public let required: Bool
    /// The value as text; nil when the record has none.
    public let get: @Sendable (Record) -> String?
    /// Sets the value from text; false when the text is not a valid value (the record is unchanged).
    public let set: @Sendable (inout Record, String) -> Bool

    public init(_ key: String, _ value: FieldValue, required: Bool = false,
                get: @escaping @Sendable (Record) -> String?, set: @escaping @Sendable (inout Record, String) -> Bool) {
        self.key = key
        self.value = value
        self.required = required
        self.get = get
        self.set = set
    }
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
    /// An http(s) address.
    case url
    /// The id of a document of the graph: `kgraph check` says when none has it.
    case documentID
    /// The id of an entity of the graph: `kgraph check` says when none has it.
    case entityID
}
