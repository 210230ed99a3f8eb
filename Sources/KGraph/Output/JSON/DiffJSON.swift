/// One changed field in JSON: `{"field", "old"?, "new"?}`.
public struct FieldChangeJSON: Codable, Hashable, Sendable {
    public var field: String
    public var old: String?
    public var new: String?
}

/// One changed record in JSON: `{"id", "changes": [...]}`.
public struct RecordChangeJSON: Codable, Hashable, Sendable {
    public var id: String
    public var changes: [FieldChangeJSON]
}

/// One kind of record in a diff: `{"added": [id...], "removed": [id...], "changed": [...]}`.
public struct DiffPartJSON: Codable, Hashable, Sendable {
    public var added: [String]
    public var removed: [String]
    public var changed: [RecordChangeJSON]
}

/// `kgraph diff` as JSON: `{"equal", "entities", "relations", "documents"}`.
public struct GraphDiffJSON: Codable, Hashable, Sendable {
    public var equal: Bool
    public var entities: DiffPartJSON
    public var relations: DiffPartJSON
    public var documents: DiffPartJSON
}

extension GraphDiff {
    /// This diff in the stable JSON shape.
    public var json: GraphDiffJSON {
        func part(_ p: Part) -> DiffPartJSON {
            DiffPartJSON(added: p.added, removed: p.removed, changed: p.changed.map { c in
                RecordChangeJSON(id: c.id, changes: c.changes.map { FieldChangeJSON(field: $0.field, old: $0.old, new: $0.new) })
            })
        }
        return GraphDiffJSON(equal: isEmpty, entities: part(entities), relations: part(relations), documents: part(documents))
    }
}
