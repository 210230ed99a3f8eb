extension GraphAssembler {
    /// Reports each citation field declared to name an entity (`FieldValue.entityID`, e.g. who
    /// spoke the quoted words) whose value is no entity id of any fragment, at the value's place.
    /// - Complexity: nothing when no citation field names an entity; else O(citations), plus a set
    ///   of the entity ids once the first such value is met.
    static func checkCitationEntities(_ fragments: [GraphFragment], _ d: inout [Diagnostic]) {
        let fields = Citation.fields.indices.filter { Citation.fields[$0].value == .entityID }
        guard !fields.isEmpty else { return }
        var ids: Set<IDKey>?
        let described = Citation.fields
        for f in fragments {
            // By index: `enumerated()` would copy each relation and citation (a million on a big graph).
            for i in f.relations.indices {
                let citations = f.relations[i].sources
                for j in citations.indices {
                    for k in fields {
                        guard let v = described[k].text(citations[j]) else { continue }
                        if ids == nil { ids = Set(fragments.lazy.flatMap { $0.entities.lazy.map { IDKey($0.id) } }) }
                        guard let known = ids, !known.contains(IDKey(v)) else { continue }
                        let places = i < f.relationPlaces.count ? f.relationPlaces[i].citations : []
                        let at = j < places.count && k < places[j].count ? places[j][k] : nil
                        d.append(Diagnostic(.error, "unknown entity '\(v)' as \(Citation.fields[k].key) of a citation"
                                            + didYouMean(v, among: known.map(\.id)), at: at ?? f.relations[i].location))
                    }
                }
            }
        }
    }
}
