/// Who matters most: degree, betweenness (Brandes) and PageRank, one score per entity index.
///
/// Conventions (the tests compare with NetworkX 3.6.1 under the same ones):
/// - Degree counts relations, parallel ones each time and a self-loop twice (`MultiDiGraph.degree`).
/// - Betweenness is over the simple undirected graph of the relations: direction ignored, parallel
///   relations collapsed into one link, self-loops dropped — the graph `kgraph path` searches by
///   default. Normalised by `(n-1)(n-2)` as `networkx.betweenness_centrality(nx.Graph(G))`.
/// - PageRank follows relations forward, each parallel relation counting once
///   (`networkx.pagerank(MultiDiGraph)`); entities with no outgoing relation spread their rank evenly.
extension Graph {
    /// The number of relations touching each entity (a self-loop counts twice).
    /// - Complexity: O(V).
    public func degreeCentrality() -> [Int] {
        (0..<Int32(entityCount)).map { degree($0) }
    }

    /// Brandes' betweenness centrality of each entity on the simple undirected graph, normalised to
    /// [0, 1]. With `samples` (fewer than the entities), an estimate from that many source entities
    /// drawn with a seeded generator, scaled as NetworkX scales its `k` estimate.
    ///
    ///     let b = graph.betweennessCentrality()      // b[i] for entity i
    ///
    /// - Complexity: O(V · E) time, O(V + E) memory; O(samples · E) with `samples`.
    public func betweennessCentrality(samples: Int? = nil, seed: UInt64 = 0) -> [Double] {
        guard let samples, samples < entityCount else { return betweenness(sources: nil) }
        var rng = SplitMix64(seed: seed)
        var all = Array(0..<Int32(entityCount))
        all.shuffle(using: &rng)
        return betweenness(sources: Array(all.prefix(max(1, samples))))
    }

    /// Betweenness estimated from these source entities (distinct), scaled as NetworkX scales its
    /// estimate from `k` sampled sources; every entity when `sources` is nil (exact).
    /// - Complexity: O(sources · E) time, O(V + E) memory.
    public func betweennessCentrality(sampling sources: [Int32]) -> [Double] {
        betweenness(sources: sources)
    }

    private func betweenness(sources chosen: [Int32]?) -> [Double] {
        let n = entityCount
        var bc = [Double](repeating: 0, count: n)
        guard n > 2 else { return bc }
        let adj = UndirectedAdjacency(self)
        let sources = chosen ?? Array(0..<Int32(n))
        var sampled: [Bool]?
        if chosen != nil {
            var mark = [Bool](repeating: false, count: n)
            for s in sources { mark[Int(s)] = true }
            sampled = mark
        }
        var dist = [Int32](repeating: -1, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var delta = [Double](repeating: 0, count: n)
        var order: [Int32] = []
        order.reserveCapacity(n)
        for s in sources {
            order.removeAll(keepingCapacity: true)
            dist[Int(s)] = 0
            sigma[Int(s)] = 1
            order.append(s)
            var head = 0
            while head < order.count {
                let v = order[head]
                head += 1
                let dv = dist[Int(v)]
                for j in Int(adj.offsets[Int(v)])..<Int(adj.offsets[Int(v) + 1]) {
                    let w = adj.neighbors[j]
                    if dist[Int(w)] < 0 {
                        dist[Int(w)] = dv + 1
                        order.append(w)
                    }
                    if dist[Int(w)] == dv + 1 { sigma[Int(w)] += sigma[Int(v)] }
                }
            }
            // Dependencies in reverse BFS order; predecessors are the neighbours one hop nearer.
            for w in order.reversed() {
                let dw = dist[Int(w)]
                let coefficient = (1 + delta[Int(w)]) / sigma[Int(w)]
                for j in Int(adj.offsets[Int(w)])..<Int(adj.offsets[Int(w) + 1]) {
                    let v = adj.neighbors[j]
                    if dist[Int(v)] == dw - 1 { delta[Int(v)] += sigma[Int(v)] * coefficient }
                }
                if w != s { bc[Int(w)] += delta[Int(w)] }
            }
            for v in order { dist[Int(v)] = -1; sigma[Int(v)] = 0; delta[Int(v)] = 0 }
        }
        // Ordered pairs (s, t) with s, t != v: (n-1)(n-2); with k sampled sources, NetworkX's scaling.
        let pairs = Double(n - 1) * Double(n - 2)
        if let sampled {
            let k = Double(sources.count)
            let source = k > 1 ? 1 / ((k - 1) * Double(n - 2)) : 0
            let other = 1 / (k * Double(n - 2))
            for v in 0..<n { bc[v] *= sampled[v] ? source : other }
        } else {
            for v in 0..<n { bc[v] /= pairs }
        }
        return bc
    }

    /// PageRank of each entity, following relations forward (parallel relations each count), with
    /// damping `damping`; stops when the L1 change per iteration falls below `n · tolerance` or after
    /// `maxIterations`. The scores sum to 1.
    ///
    ///     let pr = graph.pageRank()
    ///
    /// - Complexity: O(iterations · (V + E)) time, O(V + E) memory.
    public func pageRank(damping: Double = 0.85, tolerance: Double = 1e-12, maxIterations: Int = 1000) -> [Double] {
        let n = entityCount
        guard n > 0 else { return [] }
        let m = relationCount
        var tail = [Int32](repeating: 0, count: m), head = [Int32](repeating: 0, count: m)
        var outDegree = [Double](repeating: 0, count: n)
        for r in 0..<Int32(m) {
            tail[Int(r)] = sourceIndex(ofRelation: r)
            head[Int(r)] = targetIndex(ofRelation: r)
            outDegree[Int(tail[Int(r)])] += 1
        }
        let uniform = 1 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        var share = [Double](repeating: 0, count: n)
        for _ in 0..<maxIterations {
            var dangling = 0.0
            for v in 0..<n {
                if outDegree[v] > 0 { share[v] = x[v] / outDegree[v] } else { share[v] = 0; dangling += x[v] }
            }
            let base = damping * dangling * uniform + (1 - damping) * uniform
            for v in 0..<n { next[v] = base }
            for r in 0..<m { next[Int(head[r])] += damping * share[Int(tail[r])] }
            var err = 0.0
            for v in 0..<n { err += abs(next[v] - x[v]) }
            swap(&x, &next)
            if err < Double(n) * tolerance { break }
        }
        return x
    }
}

/// The simple undirected graph of the relations in compressed rows: the distinct neighbours of each
/// entity, self-loops dropped.
struct UndirectedAdjacency {
    /// `neighbors[offsets[v]..<offsets[v+1]]` are v's neighbours, ascending.
    var offsets: [Int32]
    var neighbors: [Int32]

    init(_ g: Graph) {
        let n = g.entityCount
        offsets = [Int32](repeating: 0, count: n + 1)
        neighbors = []
        neighbors.reserveCapacity(2 * g.relationCount)
        var scratch: [Int32] = []
        for u in 0..<Int32(n) {
            scratch.removeAll(keepingCapacity: true)
            for r in g.outRelations(u) { scratch.append(g.targetIndex(ofRelation: r)) }
            for r in g.inRelations(u) { scratch.append(g.sourceIndex(ofRelation: r)) }
            scratch.sort()
            var last: Int32 = -1
            for v in scratch where v != last && v != u {
                neighbors.append(v)
                last = v
            }
            offsets[Int(u) + 1] = Int32(neighbors.count)
        }
    }
}

/// SplitMix64: a small, fast, seeded generator, so sampled answers are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
