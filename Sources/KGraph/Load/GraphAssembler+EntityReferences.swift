extension GraphAssembler {
    /// Reports each value of a relation or citation field declared to name an entity
    /// (`FieldValue.entityID`, not required: e.g. who spoke a citation's quoted words) that is no
    /// entity id of any fragment, at the value's place (a relation field's: the relation's). A
    /// relation's ends are resolved, and reported, by the assembly itself.
    /// - Complexity: nothing when no such field is declared; else O(relations + citations), plus a
    ///   set of the entity ids once the first such value is met.
    static func checkEntityReferences(_ fragments: [GraphFragment], _ d: inout [Diagnostic]) {
        let relationFields = Relation.optionalEntityFields, citationFields = Citation.optionalEntityFields
        guard !relationFields.isEmpty || !citationFields.isEmpty else { return }
        var ids: Set<IDKey>?
        func unknown(_ v: String) -> Set<IDKey>? {
            if ids == nil { ids = Set(fragments.lazy.flatMap { $0.entities.lazy.map { IDKey($0.id) } }) }
            guard let known = ids, !known.contains(IDKey(v)) else { return nil }
            return known
        }
        let relationTable = Relation.fields, citationTable = Citation.fields
        // Each field's own text getter taken out once: reading it through the table, or through
        // `Field.text`, inside the loops copied the `Field` per value (a million citations).
        let relationText = relationFields.map { relationTable[$0].textGet ?? relationTable[$0].text }
        let citationText = citationFields.map { citationTable[$0].textGet ?? citationTable[$0].text }
        for f in fragments {
            // By index: `enumerated()` would copy each relation and citation (a million on a big graph).
            for i in f.relations.indices {
                for n in relationText.indices {
                    guard let v = relationText[n](f.relations[i]), let known = unknown(v) else { continue }
                    let k = relationFields[n]
                    d.append(Diagnostic(.error, "unknown entity '\(v)' as \(relationTable[k].key) of relation '\(f.relations[i].id)'"
                                        + didYouMean(v, among: known.map(\.id)), at: f.relations[i].location))
                }
                // Plain citations, a document and a quote, hold no optional field.
                guard !citationFields.isEmpty, !f.relations[i].citationList.isPlain else { continue }
                let citations = f.relations[i].sources
                for j in citations.indices {
                    for n in citationText.indices {
                        guard let v = citationText[n](citations[j]), let known = unknown(v) else { continue }
                        let k = citationFields[n]
                        let places = i < f.relationPlaces.count ? f.relationPlaces[i].citations : []
                        let at = j < places.count && k < places[j].count ? places[j][k] : nil
                        d.append(Diagnostic(.error, "unknown entity '\(v)' as \(citationTable[k].key) of a citation"
                                            + didYouMean(v, among: known.map(\.id)), at: at ?? f.relations[i].location))
                    }
                }
            }
        }
    }
}
