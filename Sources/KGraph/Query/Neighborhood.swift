/// The entities within a few hops of one entity and the relations that link them.
public struct Neighborhood: Hashable, Sendable {
    public var center: Int32
    /// Entities in the order they were reached, the centre first; nearer before farther.
    public var entities: [Int32]
    /// Distance of each entity in `entities`, in hops (0 for the centre).
    public var distances: [Int]
    /// The relations among them, in graph order.
    public var relations: [Int32]

    public init(center: Int32, entities: [Int32], distances: [Int], relations: [Int32]) {
        self.center = center
        self.entities = entities
        self.distances = distances
        self.relations = relations
    }
}

extension Graph {
    /// Who surrounds an entity: every entity within `depth` hops (breadth-first) under `options`
    /// (direction, relation types, time window, confidence, avoided entities, entity kinds; the hop
    /// limit is `depth`), and every relation among them that passes the type, time and confidence
    /// filters, whichever way it points (the ego network: each entity listed is linked to the centre
    /// by listed relations, and links between neighbours are shown too).
    ///
    ///     let kh = graph.index(ofEntity: "kataib-hezbollah")!
    ///     graph.neighborhood(of: kh, depth: 2).entities
    ///
    /// - Complexity: O(V) to set up, then O(degrees of the entities reached); O(V) memory.
    public func neighborhood(of center: Int32, depth: Int = 1,
                             options: TraversalOptions = TraversalOptions()) -> Neighborhood {
        let t = CompiledTraversal(options, graph: self)
        var distance = [Int32](repeating: -1, count: entityCount)
        let reached = breadthFirst(from: center, depth: depth, t, &distance)
        let order = reached.entities
        // Each relation among them once, from its source, in graph order.
        var among: [Int32] = []
        for u in order {
            for r in outRelations(u) where distance[Int(targetIndex(ofRelation: r))] >= 0 && t.isAdmitted(r) { among.append(r) }
        }
        if among.count > relationCount / 16 {
            // A big part of the graph: marking and scanning is linear, sorting is not.
            var marked = [Bool](repeating: false, count: relationCount)
            for r in among { marked[Int(r)] = true }
            var i = 0
            for r in 0..<relationCount where marked[r] { among[i] = Int32(r); i += 1 }
        } else {
            among.sort()
        }
        return Neighborhood(center: center, entities: order, distances: reached.distances.map { Int($0) },
                            relations: among)
    }
}
