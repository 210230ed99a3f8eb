extension Assembly {
    /// Things that are allowed but probably not meant, in the native format: unused entities and
    /// documents, repeated aliases.
    mutating func warnings(_ fragments: [GraphFragment]) {
        guard fragments.allSatisfy(\.strictVocabulary) else { return }
        for i in 0..<Int32(graph.entityCount) where graph.degree(i) == 0 {
            let e = graph.entity(at: i)
            diagnostics.append(Diagnostic(.warning, "entity '\(e.id)' is in no relation", at: e.location))
        }
        for (i, doc) in graph.documents.enumerated() where !citedDocument[i] {
            diagnostics.append(Diagnostic(.warning, "document '\(doc.id)' is cited by no relation", at: doc.location))
        }
        for f in fragments {
            for (i, e) in f.entities.enumerated() {
                // Spellings that fold alike are kept on purpose (other tools do not fold); exact repeats are not.
                var seen = Set<IDKey>([IDKey(e.name)])
                for (j, a) in e.aliases.enumerated() where !seen.insert(IDKey(a)).inserted {
                    let at = i < f.entityPlaces.count && j < f.entityPlaces[i].aliases.count ? f.entityPlaces[i].aliases[j] : nil
                    diagnostics.append(Diagnostic(.warning, "alias '\(a)' of '\(e.id)' repeats its name or an earlier alias",
                                                  at: at ?? e.location))
                }
            }
        }
    }
}
