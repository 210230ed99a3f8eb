extension GraphFragment {
    /// Moves `country` values that name no entity of this fragment back into attributes (a foreign
    /// file's `country` is usually a place name, not an entity id).
    mutating func settleCountries() {
        guard entities.contains(where: { $0.country != nil }) else { return }
        let ids = Set(entities.map { IDKey($0.id) })
        for i in entities.indices {
            guard let c = entities[i].country, !ids.contains(IDKey(c)) else { continue }
            entities[i].country = nil
            if entities[i].attributes[InteropField.Entity.country] == nil {
                entities[i].attributes[InteropField.Entity.country] = .string(c)
            }
        }
    }
}
