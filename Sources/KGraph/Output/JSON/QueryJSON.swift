/// One hop of a path in JSON: `{"from","to","relation","direction","relationId","date"?,"confidence"?,
/// "assertion"?,"provenance","sources"}` (`confidence` and `assertion` absent when unrated); `from`/`to` follow the path order, `direction` is `forward` when the
/// stored relation points the same way.
public struct PathHopJSON: Codable, Hashable, Sendable {
    public var from: String
    public var to: String
    public var relation: String
    public var direction: String
    public var relationId: String
    public var date: String?
    /// Absent when none was recorded (unrated), as `assertion`.
    public var confidence: String?
    public var assertion: String?
    /// `reported` (from the cited reports) or `added` (from general knowledge).
    public var provenance: String
    public var sources: [CitationJSON]

    public init(from: String, to: String, relation: String, direction: String, relationId: String, date: String?,
                confidence: String?, assertion: String?, provenance: String, sources: [CitationJSON]) {
        self.from = from; self.to = to; self.relation = relation; self.direction = direction
        self.relationId = relationId; self.date = date; self.confidence = confidence
        self.assertion = assertion; self.provenance = provenance; self.sources = sources
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
        let r = g.relation(at: relation)
        return PathHopJSON(from: g.entity(at: from).id, to: g.entity(at: to).id, relation: r.type,
                           direction: isForward ? "forward" : "backward", relationId: r.id,
                           date: r.time?.description, confidence: r.confidence?.rawValue,
                           assertion: r.assertion?.rawValue, provenance: r.provenance.rawValue,
                           sources: r.sources.map { CitationJSON($0) })
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
