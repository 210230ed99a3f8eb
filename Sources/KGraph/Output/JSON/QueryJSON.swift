/// One hop of a path in JSON: `{"from","to","direction","relationId"}`, then the relation's
/// fields as `RelationJSON` gives them but those the hop says itself (the id and the ends) and the
/// free attributes: `"relation","date"?,"confidence","assertion","provenance","sources","note"?`.
/// `from`/`to` follow the path order, `direction` is `forward` when the stored relation points the
/// same way.
public struct PathHopJSON: Codable, Hashable, Sendable {
    public var from: String
    public var to: String
    public var direction: String
    public var relationId: String
    /// The relation's other fields, by JSON name.
    public var fields: [String: FieldJSON]

    /// The names of `RelationJSON` a hop leaves out.
    static let omitted: Set<String> = Set(Relation.fields.filter { $0.column == nil }.map(RelationJSON.name))

    public init(from: String, to: String, direction: String, relation r: Relation) {
        self.from = from; self.to = to; self.direction = direction; relationId = r.id
        fields = RelationJSON(r).fields.filter { !Self.omitted.contains($0.key) }
    }

    private enum Own: String, CodingKey { case from, to, direction, relationId }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Own.self)
        from = try c.decode(String.self, forKey: .from)
        to = try c.decode(String.self, forKey: .to)
        direction = try c.decode(String.self, forKey: .direction)
        relationId = try c.decode(String.self, forKey: .relationId)
        fields = try RelationJSON(from: decoder).fields.filter { !Self.omitted.contains($0.key) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Own.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(direction, forKey: .direction)
        try c.encode(relationId, forKey: .relationId)
        try RelationJSON(fields: fields).encode(to: encoder)
    }
}

/// One path in JSON: `{"length":N,"hops":[...]}`.
public struct PathJSON: Codable, Hashable, Sendable {
    public var length: Int
    public var hops: [PathHopJSON]

    public init(length: Int, hops: [PathHopJSON]) { self.length = length; self.hops = hops }
}

/// `kgraph path` as JSON: `{"from":[E...],"to":[E...],"paths":[...]}`.
public struct PathAnswerJSON: Codable, Hashable, Sendable {
    public var from: [EntityJSON]
    public var to: [EntityJSON]
    public var paths: [PathJSON]

    public init(from: [EntityJSON], to: [EntityJSON], paths: [PathJSON]) {
        self.from = from; self.to = to; self.paths = paths
    }
}

extension PathHop {
    /// This hop in the stable JSON shape.
    public func json(in g: Graph) -> PathHopJSON {
        PathHopJSON(from: g.entity(at: from).id, to: g.entity(at: to).id, direction: isForward ? "forward" : "backward",
                    relation: g.relation(at: relation))
    }
}

extension PathAnswer {
    /// This answer in the stable JSON shape.
    public func json(in g: Graph) -> PathAnswerJSON {
        PathAnswerJSON(from: from.entities.map { g.entity(at: $0).json },
                       to: to.entities.map { g.entity(at: $0).json },
                       paths: paths.map { PathJSON(length: $0.length, hops: $0.hops.map { $0.json(in: g) }) })
    }
}

/// An entity at a distance, in `kgraph neighbors` JSON: `{"entity":E,"distance":N}`.
public struct DistantEntityJSON: Codable, Hashable, Sendable {
    public var entity: EntityJSON
    public var distance: Int

    public init(entity: EntityJSON, distance: Int) { self.entity = entity; self.distance = distance }
}

/// `kgraph neighbors` as JSON: `{"center":E,"entities":[{"entity":E,"distance":N}],"relations":[R...]}`.
/// `entities` holds the entities around the centre (not the centre), nearest first.
public struct NeighborhoodJSON: Codable, Hashable, Sendable {
    public var center: EntityJSON
    public var entities: [DistantEntityJSON]
    public var relations: [RelationJSON]

    public init(center: EntityJSON, entities: [DistantEntityJSON], relations: [RelationJSON]) {
        self.center = center; self.entities = entities; self.relations = relations
    }
}

extension Neighborhood {
    /// This neighbourhood in the stable JSON shape.
    public func json(in g: Graph) -> NeighborhoodJSON {
        NeighborhoodJSON(center: g.entity(at: center).json,
                         entities: zip(entities, distances).dropFirst().map {
                             DistantEntityJSON(entity: g.entity(at: $0.0).json, distance: $0.1)
                         },
                         relations: relations.map { g.relation(at: $0).json })
    }
}

/// An entity and its score in `kgraph stats` JSON: `{"entity":E,"score":X}`.
public struct RankedEntityJSON: Codable, Hashable, Sendable {
    public var entity: EntityJSON
    public var score: Double

    public init(entity: EntityJSON, score: Double) { self.entity = entity; self.score = score }
}

/// Connected components in `kgraph stats` JSON: `{"count":N,"sizes":[...]}`.
public struct ComponentsJSON: Codable, Hashable, Sendable {
    public var count: Int
    public var sizes: [Int]

    public init(count: Int, sizes: [Int]) { self.count = count; self.sizes = sizes }
}

/// `kgraph stats` as JSON: `{"entities","relations","documents","kinds":{kind:N},"relationTypes":{type:N},
/// "components":{"count","sizes"},"degree":[...],"betweenness":[...],"pageRank":[...],
/// "betweennessSamples"?}`; the three lists are `{"entity":E,"score":X}`, highest first.
public struct StatisticsJSON: Codable, Hashable, Sendable {
    public var entities: Int
    public var relations: Int
    public var documents: Int
    public var kinds: [String: Int]
    public var relationTypes: [String: Int]
    public var components: ComponentsJSON
    public var degree: [RankedEntityJSON]
    public var betweenness: [RankedEntityJSON]
    public var pageRank: [RankedEntityJSON]
    /// Present when betweenness was estimated from this many sampled source entities.
    public var betweennessSamples: Int?
}

extension GraphStatistics {
    /// These statistics in the stable JSON shape.
    public func json(in g: Graph) -> StatisticsJSON {
        func list(_ r: [RankedEntity]) -> [RankedEntityJSON] {
            r.map { RankedEntityJSON(entity: g.entity(at: $0.entity).json, score: $0.score) }
        }
        return StatisticsJSON(
            entities: entityCount, relations: relationCount, documents: documentCount,
            kinds: Dictionary(uniqueKeysWithValues: kinds.map { ($0.name, $0.count) }),
            relationTypes: Dictionary(uniqueKeysWithValues: relationTypes.map { ($0.name, $0.count) }),
            components: ComponentsJSON(count: components.count, sizes: components.sizes),
            degree: list(topByDegree), betweenness: list(topByBetweenness), pageRank: list(topByPageRank),
            betweennessSamples: betweennessSamples)
    }
}
