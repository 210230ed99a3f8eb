extension GraphImport.Result {
    /// What loading the written file would report, found from the converted graph itself: the
    /// same strict fragment a native file gives, assembled against the standard vocabulary as a
    /// load does. Parsing the YAML text back through the YAML library instead took 231 s and
    /// 1.5 GB for a 166 MB GraphML import. (That the writer's text reads back as this graph is
    /// what GraphYAMLWriter's round-trip tests check.)
    public func check(file: String) -> [Diagnostic] {
        let fragment = GraphImport.fragment(file: file, title: graph.title, description: graph.description, kinds: kinds, types: types,
                                            documents: graph.documents, entities: Array(graph.entities),
                                            relations: Array(graph.relations))
        var diagnostics: [Diagnostic] = []
        _ = GraphAssembler.assemble([fragment], diagnostics: &diagnostics)
        return diagnostics.sortedByLocation()
    }
}

extension GraphImport {
    /// The strict fragment reading these records from a native file named `file` would give
    /// (without file locations).
    public static func fragment(file: String, title: String? = nil, description: String? = nil,
                                kinds: [EntityKind], types: [RelationType],
                                documents: [Document], entities: [Entity], relations: [Relation]) -> GraphFragment {
        var fragment = GraphFragment(file: file, strictVocabulary: true)
        fragment.title = title
        fragment.description = description
        for k in kinds { fragment.vocabulary.define(k) }
        for t in types { fragment.vocabulary.define(t) }
        fragment.documents = documents
        fragment.entities = entities
        fragment.entityPlaces = Array(repeating: GraphFragment.EntityPlaces(), count: entities.count)
        fragment.relations = relations
        fragment.relationPlaces = Array(repeating: GraphFragment.RelationPlaces(), count: relations.count)
        return fragment
    }
}
