/// One field that differs between two versions of a record: its name and both values as text
/// (nil when absent).
public struct FieldChange: Hashable, Sendable {
    public var field: String
    public var old: String?
    public var new: String?
}

/// A record (entity, relation or document) present in both graphs under the same id, with the
/// fields that differ.
public struct RecordChange: Hashable, Sendable {
    public var id: String
    public var changes: [FieldChange]
}

/// What changed between two graphs, matched by id: per kind of record, the ids added and removed
/// (in the order of the graph that has them) and the records changed, field by field.
///
///     let d = GraphDiff(old: before, new: after)
///     d.isEmpty    // true when the graphs hold the same records with the same fields
///
/// File locations, the order of records and formatting do not count; every field of the model does.
public struct GraphDiff: Sendable {
    /// Added, removed and changed records of one kind.
    public struct Part: Sendable {
        public var added: [String] = []
        public var removed: [String] = []
        public var changed: [RecordChange] = []
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    public var entities = Part()
    public var relations = Part()
    public var documents = Part()

    public var isEmpty: Bool { entities.isEmpty && relations.isEmpty && documents.isEmpty }

    /// Compares `old` with `new`.
    /// - Complexity: O(records + their fields), with hash lookups by id.
    public init(old: Graph, new: Graph) {
        entities = Self.compare(old.entities, new.entities, id: \.id, fields: { Self.flatten($0, Entity.fields) })
        relations = Self.compare(old.relations, new.relations, id: \.id, fields: { Self.flatten($0, Relation.fields) })
        documents = Self.compare(old.documents, new.documents, id: \.id, fields: { Self.flatten($0, Document.fields) })
    }

    private static func compare<R>(_ old: [R], _ new: [R], id: (R) -> String,
                                   fields: (R) -> [(String, String?)]) -> Part {
        var part = Part()
        var oldByID: [String: Int] = [:]
        for (i, r) in old.enumerated() { oldByID[id(r)] = i }
        var seen = Set<String>()
        for r in new {
            let key = id(r)
            seen.insert(key)
            guard let i = oldByID[key] else { part.added.append(key); continue }
            let before = fields(old[i]), after = fields(r)
            var names: [String] = before.map(\.0)
            for (name, _) in after where !names.contains(name) { names.append(name) }
            let a = Dictionary(before, uniquingKeysWith: { x, _ in x }), b = Dictionary(after, uniquingKeysWith: { x, _ in x })
            let changes = names.compactMap { name -> FieldChange? in
                let x = a[name] ?? nil, y = b[name] ?? nil
                return x == y ? nil : FieldChange(field: name, old: x, new: y)
            }
            if !changes.isEmpty { part.changed.append(RecordChange(id: key, changes: changes)) }
        }
        part.removed = old.map(id).filter { !seen.contains($0) }
        return part
    }

    /// A record's fields (its field table, id aside) as named texts: a list joined by "; ", a map
    /// or attributes one name per key (`attributes.killed`), citations one name per field of each
    /// (`sources[2].quote`).
    static func flatten<R>(_ record: R, _ fields: [Field<R>]) -> [(String, String?)] {
        var out: [(String, String?)] = []
        for f in fields where f.value != .id {
            switch f.get(record) {
            case nil: out.append((f.key, nil))
            case .text(let s)?: out.append((f.key, s))
            case .list(let l)?: out.append((f.key, l.isEmpty ? nil : l.joined(separator: "; ")))
            case .map(let m)?: out += m.keys.sorted().map { ("\(f.key).\($0)", m[$0]) }
            case .attributes(let a)?: out += a.keys.sorted().map { ("\(f.key).\($0)", a[$0]?.text) }
            case .citations(let cs)?:
                for (i, c) in cs.enumerated() {
                    out += flatten(c, Citation.fields).map { ("\(f.key)[\(i + 1)].\($0.0)", $0.1) }
                }
            }
        }
        return out
    }
}
