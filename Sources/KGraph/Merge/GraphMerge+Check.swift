extension GraphMerge {
    /// What loading the existing graph's `files` together with the added records, written to
    /// `file` with the vocabulary entries `kinds` and `types`, would report: the added records
    /// must not make the folder fail to load.
    public func check(file: String, beside files: [String], kinds: [EntityKind], types: [RelationType]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var fragments = files.map { GraphLoader.readFragment(file: $0, diagnostics: &diagnostics) }
        fragments.append(GraphImport.fragment(file: file, kinds: kinds, types: types, documents: addedDocuments,
                                              entities: addedEntities, relations: addedRelations))
        _ = GraphAssembler.assemble(fragments, diagnostics: &diagnostics)
        return diagnostics.sortedByLocation()
    }
}
