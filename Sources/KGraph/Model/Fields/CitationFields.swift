extension Citation {
    /// Every field of a citation, in the order files and output give them. Each format that carries
    /// citations carries every field here: YAML under `sources:`, the exports (GraphML, GEXF, CSV,
    /// Cypher, node-link and Cytoscape JSON) as members of each `sources` JSON object, the parse
    /// cache, `--format json` and the text output.
    public static let fields: [Field<Citation>] = [
        Field("document", .documentID, required: true, text: { $0.document }, set: { $0.document = $1; return true }),
        Field("quote", .prose, required: true, text: { $0.quote }, set: { $0.quote = $1; return true }),
        Field("speaker", .entityID, text: { $0.speaker }, set: { $0.speaker = $1; return true }),
        Field("said", .date, text: { $0.said?.description }, set: { c, s in
            guard let d = PartialDate(s) else { return false }
            c.said = d
            return true
        }),
    ]

    /// A citation with every required field empty, for readers to fill from `fields`.
    static var empty: Citation { Citation(document: "", quote: "") }
}
