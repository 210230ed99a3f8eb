/// One step of a path: the relation followed and which way it points.
public struct PathHop: Hashable, Sendable {
    /// The relation shown for this step (the strongest of those linking the two entities).
    public var relation: Int32
    /// Entity the step leaves, in path order.
    public var from: Int32
    /// Entity the step reaches, in path order.
    public var to: Int32
    /// True when the stored relation points from `from` to `to`.
    public var isForward: Bool
    /// Other relations that also link `from` and `to` and pass the same filters, strongest first.
    public var alternatives: [Int32]

    public init(relation: Int32, from: Int32, to: Int32, isForward: Bool, alternatives: [Int32] = []) {
        self.relation = relation
        self.from = from
        self.to = to
        self.isForward = isForward
        self.alternatives = alternatives
    }
}

/// A loopless path: a sequence of distinct entities and the relation behind each step.
public struct GraphPath: Hashable, Sendable {
    /// The entities in order, first to last.
    public var entities: [Int32]
    public var hops: [PathHop]

    public init(entities: [Int32], hops: [PathHop]) {
        self.entities = entities
        self.hops = hops
    }

    /// Number of relations followed.
    public var length: Int { hops.count }
    public var start: Int32 { entities[0] }
    public var end: Int32 { entities[entities.count - 1] }
}

/// Why a path query cannot be asked.
public enum PathQueryError: Error, Equatable, CustomStringConvertible {
    /// An entity is both a start and an end.
    case sameEntityAtBothEnds([String])
    /// `--avoid` removed every entity an endpoint stood for.
    case endpointAvoided(String)
    case badCount(Int)
    case badMaxHops(Int)

    public var description: String {
        switch self {
        case .sameEntityAtBothEnds(let names):
            return "FROM and TO both stand for " + names.joined(separator: ", ") + "; a path needs two different ends"
        case .endpointAvoided(let text): return "'\(text)' stands only for avoided entities"
        case .badCount(let k): return "the number of paths must be at least 1 (got \(k))"
        case .badMaxHops(let h): return "the hop limit must be at least 1 (got \(h))"
        }
    }
}

/// The answer to "how is FROM connected to TO": the endpoints as resolved, the filters, and the paths.
public struct PathAnswer: Sendable {
    public var from: Endpoint
    public var to: Endpoint
    public var options: TraversalOptions
    /// How many paths were asked for.
    public var count: Int
    /// Shortest first; distinct as sequences of entities.
    public var paths: [GraphPath]
    /// When no path was found: the length of the shortest path that the hop limit alone ruled out, if any.
    public var shortestBeyondHopLimit: Int?
}

extension Graph {
    /// Up to `count` shortest loopless paths from any entity in `sources` to any in `targets`, fewest
    /// hops first (bidirectional breadth-first search; Yen's algorithm for more than one). Paths are distinct as
    /// sequences of entities; where several relations link two consecutive entities, the hop shows
    /// the strongest (highest confidence, then most sources, then dated, then first in the file) and
    /// lists the others as alternatives. With `options.chronological`, only paths whose relations
    /// keep time order (see `ChronologicalSearch`), each hop showing a relation that keeps it. A path leaves from the last start entity it passes and
    /// stops at the first end entity it reaches, so no other start or end lies inside it. Entities in
    /// both sets are dropped from `targets`. Avoided entities may still be endpoints.
    ///
    ///     let kh = graph.index(ofEntity: "kataib-hezbollah")!, t22 = graph.index(ofEntity: "tower-22")!
    ///     graph.shortestPaths(from: [kh], to: [t22], count: 3)
    ///
    /// - Complexity: O(V + E) for one path; O(count · L · (V + E)) for `count` paths of up to L hops,
    ///   with O(V) memory reused across the searches.
    public func shortestPaths(from sources: [Int32], to targets: [Int32], count: Int = 1,
                              options: TraversalOptions = TraversalOptions()) -> [GraphPath] {
        let traversal = CompiledTraversal(options, graph: self)
        if options.chronological {
            var search = ChronologicalSearch(traversal, sources: sources, targets: targets,
                                             includeUndated: options.window.includeUndated)
            return search.kShortest(count, maxHops: options.maxHops).map { search.hops(of: $0) }
        }
        var search = PathSearch(traversal, sources: sources, targets: targets)
        return search.kShortest(count, maxHops: options.maxHops).map { hops(of: $0, traversal) }
    }

    /// Answers a path query between two endpoints: checks it, finds up to `count` paths, and when
    /// there is none says whether the hop limit alone was in the way.
    public func findPaths(from: Endpoint, to: Endpoint, count: Int = 1,
                          options: TraversalOptions = TraversalOptions()) throws(PathQueryError) -> PathAnswer {
        guard count >= 1 else { throw .badCount(count) }
        guard options.maxHops >= 1 else { throw .badMaxHops(options.maxHops) }
        let shared = Set(from.entities).intersection(to.entities)
        if !shared.isEmpty { throw .sameEntityAtBothEnds(shared.sorted().map { entity(at: $0).name }) }
        var f = from, t = to
        f.entities.removeAll { options.avoidedEntities.contains($0) }
        t.entities.removeAll { options.avoidedEntities.contains($0) }
        if f.entities.isEmpty { throw .endpointAvoided(from.text) }
        if t.entities.isEmpty { throw .endpointAvoided(to.text) }
        let paths = shortestPaths(from: f.entities, to: t.entities, count: count, options: options)
        var beyond: Int?
        if paths.isEmpty && options.maxHops < entityCount {
            var unlimited = options
            unlimited.maxHops = entityCount
            beyond = shortestPaths(from: f.entities, to: t.entities, options: unlimited).first?.length
        }
        return PathAnswer(from: f, to: t, options: options, count: count, paths: paths, shortestBeyondHopLimit: beyond)
    }

    /// The hops along an entity sequence: for each step, the strongest followable relation and the others.
    func hops(of entities: [Int32], _ t: CompiledTraversal) -> GraphPath {
        var hops: [PathHop] = []
        hops.reserveCapacity(entities.count - 1)
        for i in 1..<max(1, entities.count) {
            let u = entities[i - 1], v = entities[i]
            var links: [(r: Int32, forward: Bool)] = []
            for r in outRelations(u) where targetIndex(ofRelation: r) == v && t.followsForward(r) { links.append((r, true)) }
            for r in inRelations(u) where sourceIndex(ofRelation: r) == v && t.followsBackward(r) { links.append((r, false)) }
            links.sort { a, b in strongerEvidence(a.r, b.r) }
            hops.append(PathHop(relation: links[0].r, from: u, to: v, isForward: links[0].forward,
                                alternatives: links.dropFirst().map(\.r)))
        }
        return GraphPath(entities: entities, hops: hops)
    }

    /// Orders relations by the strength of their evidence: confidence (unrated below low), number
    /// of sources, dated before undated, then file order.
    func strongerEvidence(_ a: Int32, _ b: Int32) -> Bool {
        let x = relation(at: a), y = relation(at: b)
        let cx = x.confidence?.rank ?? -1, cy = y.confidence?.rank ?? -1
        if cx != cy { return cx > cy }
        // Counted as held: `sources` would make every citation's Strings.
        let nx = x.citationList.count, ny = y.citationList.count
        if nx != ny { return nx > ny }
        if (x.time != nil) != (y.time != nil) { return x.time != nil }
        return a < b
    }
}

/// Bidirectional breadth-first search and Yen's k shortest loopless paths over flat arrays
/// indexed by entity. Visit marks are generation stamps, so a new search costs nothing to reset.
struct PathSearch {
    let t: CompiledTraversal
    /// Per entity: bit 0 start, bit 1 end.
    private var role: [UInt8]
    private let sources: [Int32]
    private let targets: [Int32]
    private var generation: UInt32 = 0
    /// Forward search from the starts: `seen[v] == generation` when v is visited or banned;
    /// `parent` is the entity before v (-1 at a start, `banned` when banned); `depth` its distance.
    private var seen: [UInt32]
    private var parent: [Int32]
    private var depth: [Int32]
    /// Backward search from the ends: `child` is the entity after v on its way to an end (-1 at an end).
    private var seenBack: [UInt32]
    private var child: [Int32]
    private var depthBack: [Int32]
    /// Frontier buffers, kept between searches.
    private var buffers: [[Int32]] = [[], [], []]

    private static let start: UInt8 = 1
    private static let end: UInt8 = 2
    private static let banned: Int32 = -2

    init(_ t: CompiledTraversal, sources: [Int32], targets: [Int32]) {
        self.t = t
        let n = t.graph.entityCount
        var role = [UInt8](repeating: 0, count: n)
        for s in sources { role[Int(s)] |= Self.start }
        for e in targets where role[Int(e)] & Self.start == 0 { role[Int(e)] |= Self.end }
        var once = Set<Int32>()
        self.sources = sources.filter { once.insert($0).inserted }
        self.targets = targets.filter { role[Int($0)] & Self.end != 0 && once.insert($0).inserted }
        self.role = role
        seen = [UInt32](repeating: 0, count: n)
        parent = [Int32](repeating: -1, count: n)
        depth = [Int32](repeating: 0, count: n)
        seenBack = [UInt32](repeating: 0, count: n)
        child = [Int32](repeating: -1, count: n)
        depthBack = [Int32](repeating: 0, count: n)
    }

    private mutating func nextGeneration() {
        if generation == UInt32.max {
            for i in seen.indices { seen[i] = 0; seenBack[i] = 0 }
            generation = 0
        }
        generation += 1
    }

    /// Keeps the next search off `v` (Yen's root path and used first hops).
    private mutating func ban(_ v: Int32) {
        seen[Int(v)] = generation
        parent[Int(v)] = Self.banned
    }

    /// The shortest entity sequence from any of `starts` to an end entity, of at most `budget` hops,
    /// not entering entities banned in this generation, and not stepping from `spur` onto `blocked`.
    /// Inner entities are never starts or ends, and may be entered (`canEnter`).
    ///
    /// Searches from both sides, a whole level at a time, always growing the smaller frontier; the
    /// first level on which the two meet holds a shortest path (the best meeting of that level).
    private mutating func search(_ starts: [Int32], budget: Int, spur: Int32 = -1, blocked: [Int32] = []) -> [Int32]? {
        let gen = generation
        let t = self.t
        let g = t.graph
        var forward = buffers[0], backward = buffers[1], next = buffers[2]
        buffers = []
        forward.removeAll(keepingCapacity: true)
        backward.removeAll(keepingCapacity: true)
        for s in starts where seen[Int(s)] != gen {
            seen[Int(s)] = gen; parent[Int(s)] = -1; depth[Int(s)] = 0
            forward.append(s)
        }
        for e in targets where seenBack[Int(e)] != gen {
            seenBack[Int(e)] = gen; child[Int(e)] = -1; depthBack[Int(e)] = 0
            backward.append(e)
        }
        var df = 0, db = 0
        var best = Int.max, meetA: Int32 = -1, meetB: Int32 = -1
        while !forward.isEmpty && !backward.isEmpty && df + db < budget {
            next.removeAll(keepingCapacity: true)
            if forward.count <= backward.count {
                for u in forward {
                    // Outgoing relations first, then incoming.
                    for pass in 0..<2 {
                        for r in pass == 0 ? g.outRelations(u) : g.inRelations(u) {
                            guard let v = t.neighbor(across: r, outgoing: pass == 0, in: g) else { continue }
                            let vi = Int(v)
                            if seen[vi] == gen { continue }
                            if u == spur && blocked.contains(v) { continue }
                            if seenBack[vi] == gen {
                                let total = df + 1 + Int(depthBack[vi])
                                if total < best { best = total; meetA = u; meetB = v }
                                continue
                            }
                            if role[vi] != 0 || !t.canEnter(v) { continue }
                            seen[vi] = gen; parent[vi] = u; depth[vi] = Int32(df + 1)
                            next.append(v)
                        }
                    }
                }
                swap(&forward, &next)
                df += 1
            } else {
                for w in backward {
                    // Entities x with a step x -> w the forward search could take.
                    for pass in 0..<2 {
                        for r in pass == 0 ? g.inRelations(w) : g.outRelations(w) {
                            let x: Int32
                            if pass == 0 {
                                guard t.followsForward(r) else { continue }
                                x = g.sourceIndex(ofRelation: r)
                            } else {
                                guard t.followsBackward(r) else { continue }
                                x = g.targetIndex(ofRelation: r)
                            }
                            let xi = Int(x)
                            if seenBack[xi] == gen { continue }
                            if x == spur && blocked.contains(w) { continue }
                            if seen[xi] == gen {
                                if parent[xi] == Self.banned { continue }
                                let total = Int(depth[xi]) + 1 + db
                                if total < best { best = total; meetA = x; meetB = w }
                                continue
                            }
                            if role[xi] != 0 || !t.canEnter(x) { continue }
                            seenBack[xi] = gen; child[xi] = w; depthBack[xi] = Int32(db + 1)
                            next.append(x)
                        }
                    }
                }
                swap(&backward, &next)
                db += 1
            }
            if meetA >= 0 { break }
        }
        buffers = [forward, backward, next]
        guard meetA >= 0 else { return nil }
        var path: [Int32] = []
        path.reserveCapacity(best + 1)
        var v = meetA
        while v >= 0 { path.append(v); v = parent[Int(v)] }
        path.reverse()
        v = meetB
        while v >= 0 { path.append(v); v = child[Int(v)] }
        return path
    }

    /// Up to `k` shortest loopless entity sequences, in non-decreasing length (Yen's algorithm).
    /// The many sources act as one virtual start joined to each, so choosing another source is a
    /// deviation at the virtual start like any other.
    mutating func kShortest(_ k: Int, maxHops: Int) -> [[Int32]] {
        guard k >= 1 else { return [] }
        nextGeneration()
        guard let first = search(sources, budget: maxHops) else { return [] }
        var accepted: [[Int32]] = [first]
        var candidates: [[Int32]] = []
        var known: Set<[Int32]> = [first]
        while accepted.count < k {
            let previous = accepted[accepted.count - 1]
            // Deviate at the virtual start (i == 0) or at previous[i - 1]; never at the end entity.
            for i in 0..<previous.count {
                nextGeneration()
                var spurPath: [Int32]?
                var root: ArraySlice<Int32> = []
                if i == 0 {
                    for p in accepted { ban(p[0]) }
                    spurPath = search(sources, budget: maxHops)
                } else {
                    let spur = previous[i - 1]
                    root = previous[0..<(i - 1)]
                    for v in root { ban(v) }
                    var blocked: [Int32] = []
                    for p in accepted where p.count > i && p[0..<i] == previous[0..<i] { blocked.append(p[i]) }
                    spurPath = search([spur], budget: maxHops - (i - 1), spur: spur, blocked: blocked)
                }
                guard let spurPath else { continue }
                let path = Array(root) + spurPath
                if known.insert(path).inserted { candidates.append(path) }
            }
            guard !candidates.isEmpty else { break }
            var best = 0
            for j in candidates.indices where candidates[j].count < candidates[best].count { best = j }
            accepted.append(candidates.remove(at: best))
        }
        return accepted
    }
}
