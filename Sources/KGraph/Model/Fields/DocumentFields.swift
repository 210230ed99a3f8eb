extension Document {
    /// Every field of a document, in the order files and output give them. YAML (`documents:`),
    /// the parse cache, the exports that carry the document list (GraphML, node-link and
    /// Cytoscape JSON, as members of each `documents` JSON object; Cypher, as properties of a
    /// `:Document` node) and `kgraph import` go through this table. GEXF and Neo4j CSV have no
    /// place for the list (see `GraphFormat.carries`).
    public static let fields: [Field<Document>] = [
        Field("id", .id, required: true, text: { $0.id }, set: { $0.id = $1; return true }),
        Field("title", .text, required: true, text: { $0.title }, set: { $0.title = $1; return true }),
        Field("outlet", .text, text: { $0.outlet }, set: { $0.outlet = $1; return true }),
        Field("published", .date, text: { $0.published?.description }, set: { d, s in
            guard let p = PartialDate(s) else { return false }
            d.published = p
            return true
        }),
        Field("url", .url, text: { $0.url }, set: { $0.url = $1; return true }),
        Field("file", .text, text: { $0.file }, set: { $0.file = $1; return true }),
        Field("note", .prose, text: { $0.note }, set: { $0.note = $1; return true }),
    ]

    /// A document with every required field empty, for readers to fill from `fields`.
    static var empty: Document { Document(id: "", title: "") }
}
