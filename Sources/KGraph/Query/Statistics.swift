/// An entity with a score, for top-N lists.
public struct RankedEntity: Hashable, Sendable {
    public var entity: Int32
    public var score: Double

    public init(entity: Int32, score: Double) { self.entity = entity; self.score = score }
}

/// A name with how often it occurs.
public struct Tally: Hashable, Sendable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) { self.name = name; self.count = count }
}

/// An overview of a graph: counts by kind and type, components, and who matters most.
public struct GraphStatistics: Sendable {
    public var entityCount: Int
    public var relationCount: Int
    public var documentCount: Int
    /// Entities per kind, most first (ties by name).
    public var kinds: [Tally]
    /// Relations per type, most first (ties by name).
    public var relationTypes: [Tally]
    /// The connected components (relations in either direction), largest first.
    public var components: ConnectedComponents
    public var topByDegree: [RankedEntity]
    public var topByBetweenness: [RankedEntity]
    public var topByPageRank: [RankedEntity]
    /// Source entities the betweenness was estimated from; nil when exact.
    public var betweennessSamples: Int?
}

extension Graph {
    /// Counts by kind and relation type, connected components, and the `top` entities by degree,
    /// betweenness and PageRank (see `degreeCentrality()` for the conventions). Ties are broken by id.
    /// - Complexity: dominated by betweenness: O(V · E), or O(samples · E) with `betweennessSamples`.
    public func statistics(top: Int = 10, betweennessSamples: Int? = nil, seed: UInt64 = 0) -> GraphStatistics {
        func tally(_ names: [String]) -> [Tally] {
            var counts: [String: Int] = [:]
            for n in names { counts[n, default: 0] += 1 }
            return counts.map { Tally(name: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        }
        let samples = betweennessSamples.flatMap { $0 < entityCount ? $0 : nil }
        return GraphStatistics(
            entityCount: entityCount, relationCount: relationCount, documentCount: documents.count,
            kinds: tally(entities.map(\.kind)), relationTypes: tally(relations.map(\.type)),
            components: connectedComponents(),
            topByDegree: ranked(degreeCentrality().map(Double.init), top: top),
            topByBetweenness: ranked(betweennessCentrality(samples: samples, seed: seed), top: top),
            topByPageRank: ranked(pageRank(), top: top),
            betweennessSamples: samples)
    }

    /// The `top` highest scores, ties broken by entity id.
    /// - Complexity: O(V log V).
    public func ranked(_ scores: [Double], top: Int) -> [RankedEntity] {
        let order = scores.indices.sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : entity(at: Int32(a)).id < entity(at: Int32(b)).id
        }
        return order.prefix(max(0, top)).map { RankedEntity(entity: Int32($0), score: scores[$0]) }
    }
}
