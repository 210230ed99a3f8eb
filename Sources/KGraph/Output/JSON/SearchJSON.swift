/// One place a search matched, in JSON: `{"field", "document"?, "context"}`.
public struct SearchMatchJSON: Codable, Hashable, Sendable {
    public var field: String
    public var document: String?
    public var context: String
}

/// An entity a search found, in JSON: `{"entity": Entity, "score", "matches": [...]}`.
public struct EntityHitJSON: Codable, Hashable, Sendable {
    public var entity: EntityJSON
    public var score: Int
    public var matches: [SearchMatchJSON]
}

/// A relation a search found, in JSON: `{"relation": Relation, "score", "matches": [...]}`.
public struct RelationHitJSON: Codable, Hashable, Sendable {
    public var relation: RelationJSON
    public var score: Int
    public var matches: [SearchMatchJSON]
}

/// `kgraph search` as JSON: `{"query", "entities": [...], "relations": [...]}`, each list best first.
public struct SearchJSON: Codable, Hashable, Sendable {
    public var query: String
    public var entities: [EntityHitJSON]
    public var relations: [RelationHitJSON]

    /// The hits of a search for `query` in `g`, at most `limit` of each kind.
    public init(query: String, hits: [SearchHit], in g: Graph, limit: Int) {
        self.query = query
        func matches(_ h: SearchHit) -> [SearchMatchJSON] {
            h.matches.map { SearchMatchJSON(field: $0.field.rawValue, document: $0.document, context: $0.context) }
        }
        entities = hits.compactMap { h -> EntityHitJSON? in
            guard case .entity(let i) = h.item else { return nil }
            return EntityHitJSON(entity: g.entity(at: i).json, score: h.score, matches: matches(h))
        }.prefix(limit).map { $0 }
        relations = hits.compactMap { h -> RelationHitJSON? in
            guard case .relation(let r) = h.item else { return nil }
            return RelationHitJSON(relation: g.relation(at: r).json, score: h.score, matches: matches(h))
        }.prefix(limit).map { $0 }
    }
}
