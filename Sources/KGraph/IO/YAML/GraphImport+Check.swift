extension GraphImport.Result {
    /// What loading the written file would report, found from the converted graph itself: the
    /// same strict fragment a native file gives, assembled against the standard vocabulary as a
    /// load does. Parsing the YAML text back through the YAML library instead took 231 s and
    /// 1.5 GB for a 166 MB GraphML import. (That the writer's text reads back as this graph is
    /// what GraphYAMLWriter's round-trip tests check.)
    public func check(file: String) -> [Diagnostic] {
        var fragment = GraphFragment(file: file, strictVocabulary: true)
        fragment.title = graph.title
        fragment.description = graph.description
        for k in kinds { fragment.vocabulary.define(k) }
        for t in types { fragment.vocabulary.define(t) }
        fragment.documents = graph.documents
        fragment.entities = Array(graph.entities)
        fragment.entityPlaces = Array(repeating: GraphFragment.EntityPlaces(), count: fragment.entities.count)
        fragment.relations = Array(graph.relations)
        fragment.relationPlaces = Array(repeating: GraphFragment.RelationPlaces(), count: fragment.relations.count)
        var diagnostics: [Diagnostic] = []
        _ = GraphAssembler.assemble([fragment], diagnostics: &diagnostics)
        return diagnostics.sortedByLocation()
    }
}
