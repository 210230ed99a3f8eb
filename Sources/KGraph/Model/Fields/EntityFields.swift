extension Entity {
    /// Every field of an entity, in the order files give them. The YAML reader and writer, the
    /// parse cache, every export's writer and reader (`InteropField.entityColumns`) and the output
    /// go through this table.
    public static let fields: [Field<Entity>] = [
        Field("id", .id, required: true, text: { $0.id }, set: { $0.id = $1; return true }),
        Field("name", .text, required: true, column: .structure, text: { $0.name }, set: { $0.name = $1; return true }),
        Field("kind", .text, required: true, text: { $0.kind }, set: { $0.kind = $1; return true }),
        Field("aliases", .list, get: { $0.aliases.isEmpty ? nil : .list($0.aliases) }, set: { e, d in
            guard case .list(let l) = d else { return false }
            e.aliases = l
            return true
        }),
        Field("shared-aliases", .list, get: { $0.sharedAliases.isEmpty ? nil : .list($0.sharedAliases) }, set: { e, d in
            guard case .list(let l) = d else { return false }
            e.sharedAliases = l
            return true
        }),
        Field("country", .entityID, text: { $0.country }, set: { $0.country = $1; return true }),
        Field("description", .prose, text: { $0.description }, set: { $0.description = $1; return true }),
        Field("ids", .map, get: { $0.externalIDs.isEmpty ? nil : .map($0.externalIDs) }, set: { e, d in
            guard case .map(let m) = d else { return false }
            e.externalIDs = m
            return true
        }),
        Field("attributes", .attributes, get: { $0.attributes.isEmpty ? nil : .attributes($0.attributes) }, set: { e, d in
            guard case .attributes(let a) = d else { return false }
            e.attributes = a
            return true
        }),
        Field("provenance", choice: Provenance.self, unrated: false, default: .reported, get: { $0.provenance },
              set: { if let p = $1 { $0.provenance = p } }),
        Field("note", .prose, text: { $0.note }, set: { $0.note = $1; return true }),
    ]

    /// An entity with every required field empty, for readers to fill from `fields`.
    static var empty: Entity { Entity(id: "", name: "", kind: "") }
}
