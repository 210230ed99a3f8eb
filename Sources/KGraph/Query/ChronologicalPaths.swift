/// Time-respecting paths: sequences of relations whose dates do not go back in time along the path.
///
/// A path is *chronological* when one can pick, for each hop, a day its relation may have held on
/// (within its date or interval, at its precision: `2024-01` may be any day of January 2024) so
/// that the picked days never decrease along the path. Walking the path, keep `t`, the earliest day
/// the path can have reached so far: a hop may follow when its relation may end on or after `t`,
/// and `t` becomes the later of `t` and the day the relation may begin. An open start may begin any
/// time, an open end may end any time; an undated relation counts as "any time" and is followed
/// only when the window says `includeUndated`.
///
/// Any walk that respects time holds a simple path that does too (cutting a cycle at an entity
/// keeps the earlier, no later, time there), so a breadth-first search over (entity, time) that
/// keeps, per entity, only arrivals earlier than every arrival before finds shortest ones.
struct ChronologicalSearch {
    let t: CompiledTraversal
    /// Per relation: the first and last day (`yyyymmdd`) it may hold on; `Int.min`/`Int.max` when open.
    /// `first > last` marks a relation the search may not follow (undated, not included).
    private let first: [Int]
    private let last: [Int]
    /// Per entity: bit 0 start, bit 1 end.
    private var role: [UInt8]
    private let sources: [Int32]
    private let targets: [Int32]
    /// Per entity: the earliest arrival time of this search (valid when `stamp[v] == generation`).
    private var best: [Int]
    private var stamp: [UInt32]
    private var banned: [UInt32]
    private var generation: UInt32 = 0

    private static let start: UInt8 = 1
    private static let end: UInt8 = 2

    init(_ t: CompiledTraversal, sources: [Int32], targets: [Int32], includeUndated: Bool) {
        self.t = t
        let g = t.graph
        var first = [Int](repeating: Int.min, count: g.relationCount)
        var last = [Int](repeating: Int.max, count: g.relationCount)
        let relations = g.relations
        for i in relations.indices {
            guard let time = relations[i].time else {
                if !includeUndated { first[i] = Int.max; last[i] = Int.min }
                continue
            }
            if let d = time.earliestDay { first[i] = d }
            if let d = time.latestDay { last[i] = d }
        }
        self.first = first
        self.last = last
        let n = g.entityCount
        var role = [UInt8](repeating: 0, count: n)
        for s in sources { role[Int(s)] |= Self.start }
        for e in targets where role[Int(e)] & Self.start == 0 { role[Int(e)] |= Self.end }
        var once = Set<Int32>()
        self.sources = sources.filter { once.insert($0).inserted }
        self.targets = targets.filter { role[Int($0)] & Self.end != 0 && once.insert($0).inserted }
        self.role = role
        best = [Int](repeating: 0, count: n)
        stamp = [UInt32](repeating: 0, count: n)
        banned = [UInt32](repeating: 0, count: n)
    }

    /// Whether relation `r` may follow a path that has reached time `time`, and the time after it.
    @inline(__always) func step(_ r: Int32, after time: Int) -> Int? {
        let i = Int(r)
        guard first[i] <= last[i], last[i] >= time else { return nil }
        return Swift.max(time, first[i])
    }

    /// The time a path has reached after following `relations` in order from the start, or nil when
    /// they go back in time.
    func time(after relations: [Int32]) -> Int? {
        var time = Int.min
        for r in relations {
            guard let next = step(r, after: time) else { return nil }
            time = next
        }
        return time
    }

    private mutating func nextGeneration() {
        if generation == UInt32.max {
            for i in stamp.indices { stamp[i] = 0; banned[i] = 0 }
            generation = 0
        }
        generation += 1
    }

    /// The shortest chronological entity sequence from `starts` (each reached at time `from`) to an
    /// end entity, of at most `budget` hops, not entering entities banned in this generation nor
    /// stepping from `spur` onto `blocked`. Inner entities are never starts or ends.
    private mutating func search(_ starts: [Int32], from: Int, budget: Int, spur: Int32 = -1,
                                 blocked: [Int32] = []) -> [Int32]? {
        let gen = generation
        let g = t.graph
        // Labels: an arrival at an entity at a time, with the label it came from.
        var entity: [Int32] = [], time: [Int] = [], parent: [Int32] = []
        var frontier: [Int32] = []
        for s in starts where banned[Int(s)] != gen && stamp[Int(s)] != gen {
            stamp[Int(s)] = gen; best[Int(s)] = from
            frontier.append(Int32(entity.count))
            entity.append(s); time.append(from); parent.append(-1)
        }
        var hops = 0
        while !frontier.isEmpty && hops < budget {
            var next: [Int32] = []
            var reached: (label: Int32, entity: Int32)?
            for label in frontier {
                let u = entity[Int(label)], now = time[Int(label)]
                for pass in 0..<2 {
                    for r in pass == 0 ? g.outRelations(u) : g.inRelations(u) {
                        guard let v = t.neighbor(across: r, outgoing: pass == 0, in: g) else { continue }
                        let vi = Int(v)
                        if v == u || banned[vi] == gen { continue }
                        if u == spur && blocked.contains(v) { continue }
                        guard let after = step(r, after: now) else { continue }
                        if role[vi] & Self.end != 0 {
                            if reached == nil { reached = (label, v) }
                            continue
                        }
                        if role[vi] != 0 || !t.canEnter(v) { continue }
                        if stamp[vi] == gen && best[vi] <= after { continue }
                        stamp[vi] = gen; best[vi] = after
                        next.append(Int32(entity.count))
                        entity.append(v); time.append(after); parent.append(label)
                    }
                }
            }
            if let reached {
                var path = [reached.entity]
                var l = reached.label
                while l >= 0 { path.append(entity[Int(l)]); l = parent[Int(l)] }
                return path.reversed()
            }
            frontier = next
            hops += 1
        }
        return nil
    }

    /// The relation to show for the step `u -> v` after time `now`: the one leaving the path
    /// earliest in time, then the strongest; nil when none may follow.
    func bestStep(from u: Int32, to v: Int32, after now: Int) -> (relation: Int32, forward: Bool, time: Int)? {
        let g = t.graph
        var chosen: (relation: Int32, forward: Bool, time: Int)?
        func consider(_ r: Int32, _ forward: Bool) {
            guard let after = step(r, after: now) else { return }
            if let c = chosen, c.time < after || (c.time == after && !g.strongerEvidence(r, c.relation)) { return }
            chosen = (r, forward, after)
        }
        for r in g.outRelations(u) where g.targetIndex(ofRelation: r) == v && t.followsForward(r) { consider(r, true) }
        for r in g.inRelations(u) where g.sourceIndex(ofRelation: r) == v && t.followsBackward(r) { consider(r, false) }
        return chosen
    }

    /// The time reached after walking `entities` with the best step at each hop, or nil.
    func time(along entities: ArraySlice<Int32>, from: Int = Int.min) -> Int? {
        var now = from
        var previous: Int32?
        for v in entities {
            if let u = previous {
                guard let s = bestStep(from: u, to: v, after: now) else { return nil }
                now = s.time
            }
            previous = v
        }
        return now
    }

    /// Up to `k` shortest loopless chronological entity sequences, in non-decreasing length (Yen's
    /// algorithm; the spur search starts at the time its root path has reached).
    mutating func kShortest(_ k: Int, maxHops: Int) -> [[Int32]] {
        guard k >= 1 else { return [] }
        nextGeneration()
        guard let firstPath = search(sources, from: Int.min, budget: maxHops) else { return [] }
        var accepted: [[Int32]] = [firstPath]
        var candidates: [[Int32]] = []
        var known: Set<[Int32]> = [firstPath]
        while accepted.count < k {
            let previous = accepted[accepted.count - 1]
            for i in 0..<previous.count {
                nextGeneration()
                var spurPath: [Int32]?
                var root: ArraySlice<Int32> = []
                if i == 0 {
                    for p in accepted { banned[Int(p[0])] = generation }
                    spurPath = search(sources, from: Int.min, budget: maxHops)
                } else {
                    let spur = previous[i - 1]
                    root = previous[0..<(i - 1)]
                    guard let reached = time(along: previous[0..<i]) else { continue }
                    for v in root { banned[Int(v)] = generation }
                    var blocked: [Int32] = []
                    for p in accepted where p.count > i && p[0..<i] == previous[0..<i] { blocked.append(p[i]) }
                    spurPath = search([spur], from: reached, budget: maxHops - (i - 1), spur: spur, blocked: blocked)
                }
                guard let spurPath else { continue }
                let path = Array(root) + spurPath
                if known.insert(path).inserted { candidates.append(path) }
            }
            guard !candidates.isEmpty else { break }
            var pick = 0
            for j in candidates.indices where candidates[j].count < candidates[pick].count { pick = j }
            accepted.append(candidates.remove(at: pick))
        }
        return accepted
    }

    /// The hops of a chronological entity sequence: at each step the relation that keeps the path
    /// in time order and leaves it earliest (then the strongest), and as alternatives the other
    /// relations between the two that could stand in its place with the path still in order.
    func hops(of entities: [Int32]) -> GraphPath {
        let g = t.graph
        var hops: [PathHop] = []
        var now = Int.min
        for i in 1..<Swift.max(1, entities.count) {
            let u = entities[i - 1], v = entities[i]
            guard let chosen = bestStep(from: u, to: v, after: now) else { break }
            var alternatives: [Int32] = []
            var links: [(Int32, Bool)] = []
            for r in g.outRelations(u) where g.targetIndex(ofRelation: r) == v && t.followsForward(r) { links.append((r, true)) }
            for r in g.inRelations(u) where g.sourceIndex(ofRelation: r) == v && t.followsBackward(r) { links.append((r, false)) }
            for (r, _) in links where r != chosen.relation {
                guard let after = step(r, after: now), time(along: entities[i...], from: after) != nil else { continue }
                alternatives.append(r)
            }
            alternatives.sort { g.strongerEvidence($0, $1) }
            hops.append(PathHop(relation: chosen.relation, from: u, to: v, isForward: chosen.forward, alternatives: alternatives))
            now = chosen.time
        }
        return GraphPath(entities: entities, hops: hops)
    }
}
