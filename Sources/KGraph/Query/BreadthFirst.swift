/// The entities a breadth-first search reached, nearest first, with their distances.
public struct BreadthFirstOrder: Hashable, Sendable {
    /// The start first, then every entity reached, in the order reached.
    public var entities: [Int32]
    /// Distance in hops of each entity of `entities`, position by position.
    public var distances: [Int32]

    public init(entities: [Int32], distances: [Int32]) {
        self.entities = entities
        self.distances = distances
    }
}

extension Graph {
    /// Breadth-first search from `start` under `options` (direction, relation types, time window,
    /// confidence, avoided entities, kinds) to at most `depth` hops; outgoing relations are tried
    /// before incoming ones, each in graph order. `neighborhood(of:depth:options:)` is this plus
    /// the relations among the entities reached.
    ///
    ///     let order = graph.breadthFirst(from: kh)          // everything connected to kh
    ///     order.entities.count
    ///
    /// - Complexity: O(V) to set up, then O(degrees of the entities reached); O(V) memory.
    public func breadthFirst(from start: Int32, depth: Int = .max,
                             options: TraversalOptions = TraversalOptions()) -> BreadthFirstOrder {
        let t = CompiledTraversal(options, graph: self)
        var distance = [Int32](repeating: -1, count: entityCount)
        return breadthFirst(from: start, depth: depth, t, &distance)
    }

    /// The search itself; leaves each reached entity's distance in `distance` (-1 elsewhere).
    func breadthFirst(from start: Int32, depth: Int, _ t: CompiledTraversal,
                      _ distance: inout [Int32]) -> BreadthFirstOrder {
        if let rows { return breadthFirst(from: start, depth: depth, t, &distance, rows) }
        distance[Int(start)] = 0
        var order: [Int32] = [start]
        var distances: [Int32] = [0]
        var head = 0
        while head < order.count {
            let u = order[head]
            let d = distances[head]
            head += 1
            if Int(d) >= depth { continue }
            for r in outRelations(u) where t.followsForward(r) {
                let v = targetIndex(ofRelation: r)
                if distance[Int(v)] < 0 && t.canEnter(v) {
                    distance[Int(v)] = d + 1
                    order.append(v)
                    distances.append(d + 1)
                }
            }
            for r in inRelations(u) where t.followsBackward(r) {
                let v = sourceIndex(ofRelation: r)
                if distance[Int(v)] < 0 && t.canEnter(v) {
                    distance[Int(v)] = d + 1
                    order.append(v)
                    distances.append(d + 1)
                }
            }
        }
        return BreadthFirstOrder(entities: order, distances: distances)
    }

    /// The same search over the contiguous rows: reads each entity's relations and their other
    /// ends in order, without looking the ends up relation by relation.
    private func breadthFirst(from start: Int32, depth: Int, _ t: CompiledTraversal,
                              _ distance: inout [Int32], _ rows: AdjacencyRows) -> BreadthFirstOrder {
        var order: [Int32] = [start]
        var distances: [Int32] = [0]
        let limit = Int32(clamping: depth)
        distance.withUnsafeMutableBufferPointer { dist in
            dist[Int(start)] = 0
            rows.outStart.withUnsafeBufferPointer { outStart in
            rows.outRelation.withUnsafeBufferPointer { outRelation in
            rows.outOther.withUnsafeBufferPointer { outOther in
            rows.inStart.withUnsafeBufferPointer { inStart in
            rows.inRelation.withUnsafeBufferPointer { inRelation in
            rows.inOther.withUnsafeBufferPointer { inOther in
                let unfiltered = t.relationFlags == nil && t.enterable == nil && t.direction == .both
                var head = 0
                while head < order.count {
                    let u = Int(order[head])
                    let d = distances[head]
                    head += 1
                    if d >= limit { continue }
                    for j in Int(outStart[u])..<Int(outStart[u + 1]) {
                        let v = outOther[j]
                        guard dist[Int(v)] < 0 else { continue }
                        if !unfiltered && !(t.followsForward(outRelation[j]) && t.canEnter(v)) { continue }
                        dist[Int(v)] = d + 1
                        order.append(v)
                        distances.append(d + 1)
                    }
                    for j in Int(inStart[u])..<Int(inStart[u + 1]) {
                        let v = inOther[j]
                        guard dist[Int(v)] < 0 else { continue }
                        if !unfiltered && !(t.followsBackward(inRelation[j]) && t.canEnter(v)) { continue }
                        dist[Int(v)] = d + 1
                        order.append(v)
                        distances.append(d + 1)
                    }
                }
            }}}}}}
        }
        return BreadthFirstOrder(entities: order, distances: distances)
    }
}
