import Testing
@testable import KGraph

/// Yen's k shortest loopless paths against brute-force enumeration of every simple path, on small
/// random multigraphs (parallel relations, self-loops, symmetric types, dates, confidences) with
/// random filters and several starts and ends. Every case replays from its seed.
@Suite struct KShortestPathsTests {
    static let types = ["a", "b", "allied-with"]  // allied-with is symmetric in the standard vocabulary

    struct Case {
        var graph: Graph
        var sources: [Int32]
        var targets: [Int32]
        var options: TraversalOptions
        var k: Int
    }

    static func randomCase(seed: UInt64) -> Case {
        var rng = SeededRandom(seed: seed)
        let n = Int.random(in: 3...9, using: &rng)
        var g = Graph()
        for i in 0..<n { _ = try! g.add(Entity(id: "e\(i)", name: "E\(i)", kind: "thing")) }
        let m = Int.random(in: 0..<6, using: &rng) == 0 ? Int.random(in: 0..<n, using: &rng) : Int.random(in: n...(4 * n), using: &rng)
        let dates = [nil, "2020", "2021-06", "2022-03-04", "2019..2021", "2023-10.."]
        for j in 0..<m {
            let s = Int.random(in: 0..<n, using: &rng), t = Int.random(in: 0..<n, using: &rng)
            let time = dates.randomElement(using: &rng)!.map { try! TimeSpan.parse($0).get() }
            let r = Relation(id: "r\(j)", source: "e\(s)", type: types.randomElement(using: &rng)!, target: "e\(t)",
                             time: time, confidence: Confidence.allCases.randomElement(using: &rng)!,
                             sources: Array(repeating: Citation(document: "d", quote: "q"), count: Int.random(in: 0...2, using: &rng)))
            _ = try! g.add(r)
        }
        var all = Array(0..<Int32(n))
        all.shuffle(using: &rng)
        let ns = Int.random(in: 1...2, using: &rng), nt = min(n - ns, Int.random(in: 1...2, using: &rng))
        let sources = Array(all[0..<ns]), targets = Array(all[ns..<(ns + nt)])
        var o = TraversalOptions()
        o.direction = Bool.random(using: &rng) ? .both : TraversalDirection.allCases.randomElement(using: &rng)!
        o.maxHops = Int.random(in: 0..<4, using: &rng) == 0 ? Int.random(in: 1...2, using: &rng) : Int.random(in: 3...7, using: &rng)
        if Int.random(in: 0..<6, using: &rng) == 0 { o.relationTypes = Set(types.filter { _ in Bool.random(using: &rng) }) }
        if Int.random(in: 0..<6, using: &rng) == 0 { o.excludedTypes = [types.randomElement(using: &rng)!] }
        if Int.random(in: 0..<3, using: &rng) == 0 && all.count > ns + nt {
            o.avoidedEntities = [all[ns + nt]]
        }
        if Int.random(in: 0..<6, using: &rng) == 0 { o.strength.minimumConfidence = .medium }
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: o.window = TimeWindow(since: PartialDate("2021"))
        case 1: o.window = TimeWindow(until: PartialDate("2021-12"), datedOnly: true)
        case 2: o.window = TimeWindow(since: PartialDate("2021-07"), includeUndated: true)
        case 3: o.window = TimeWindow(datedOnly: true)
        default: break
        }
        return Case(graph: g, sources: sources, targets: targets, options: o, k: Int.random(in: 1...15, using: &rng))
    }

    /// Whether relation r may be followed from `from` to `to` under the options, decided from first principles.
    static func followable(_ g: Graph, _ r: Int32, from: Int32, to: Int32, _ o: TraversalOptions) -> Bool {
        let rel = g.relation(at: r)
        if let only = o.relationTypes, !only.contains(rel.type) { return false }
        if o.excludedTypes.contains(rel.type) { return false }
        if !o.strength.admits(rel) { return false }
        let bounded = o.window.since != nil || o.window.until != nil
        if let t = rel.time {
            // An open end holds as far as the documents know; "d" is not in these graphs, so up to the start.
            if let s = o.window.since, let end = t.end ?? t.start, end.latestDay < s.earliestDay { return false }
            if let u = o.window.until, let start = t.start, start.earliestDay > u.latestDay { return false }
        } else if o.window.datedOnly || (bounded && !o.window.includeUndated) { return false }
        let s = g.sourceIndex(ofRelation: r), t = g.targetIndex(ofRelation: r)
        let symmetric = rel.type == "allied-with"
        let forward = s == from && t == to, backward = t == from && s == to
        switch o.direction {
        case .both: return forward || backward
        case .outgoing: return forward || (symmetric && backward)
        case .incoming: return backward || (symmetric && forward)
        }
    }

    /// Every simple path from a source to a target of 1...maxHops hops whose inner entities are
    /// neither sources, targets nor avoided, by depth-first enumeration over entity pairs.
    static func allPaths(_ c: Case) -> Set<[Int32]> {
        let g = c.graph, o = c.options
        let n = Int32(g.entityCount)
        let sources = Set(c.sources), targets = Set(c.targets)
        func linked(_ u: Int32, _ v: Int32) -> Bool {
            (0..<Int32(g.relationCount)).contains { followable(g, $0, from: u, to: v, o) }
        }
        var found = Set<[Int32]>()
        func extend(_ path: [Int32]) {
            let u = path.last!
            guard path.count - 1 < o.maxHops else { return }
            for v in 0..<n where v != u && !path.contains(v) && linked(u, v) {
                if targets.contains(v) { found.insert(path + [v]); continue }
                if sources.contains(v) || o.avoidedEntities.contains(v) { continue }
                extend(path + [v])
            }
        }
        for s in sources { extend([s]) }
        return found
    }

    @Test(arguments: 0..<1000)
    func yenMatchesBruteForce(seed: Int) throws {
        let c = Self.randomCase(seed: UInt64(seed))
        let g = c.graph
        let expected = Self.allPaths(c)
        let got = g.shortestPaths(from: c.sources, to: c.targets, count: c.k, options: c.options)
        // As many as asked, or every path there is; distinct; each a real path; shortest first.
        #expect(got.count == min(c.k, expected.count), "seed \(seed)")
        #expect(Set(got.map(\.entities)).count == got.count, "seed \(seed): duplicate paths")
        for p in got { #expect(expected.contains(p.entities), "seed \(seed): \(g.ids(p)) is not a valid path") }
        let lengths = got.map(\.length)
        #expect(lengths == expected.map { $0.count - 1 }.sorted().prefix(c.k).map { $0 }, "seed \(seed)")
        // Every hop shows a followable relation between its two entities, pointing the way it says,
        // and lists every other followable one.
        for p in got {
            for hop in p.hops {
                #expect(Self.followable(g, hop.relation, from: hop.from, to: hop.to, c.options))
                let s = g.sourceIndex(ofRelation: hop.relation)
                #expect(hop.isForward == (s == hop.from), "seed \(seed)")
                let others = (0..<Int32(g.relationCount)).filter {
                    $0 != hop.relation && Self.followable(g, $0, from: hop.from, to: hop.to, c.options)
                }
                #expect(Set(hop.alternatives) == Set(others) && hop.alternatives.count == others.count, "seed \(seed)")
                for alt in hop.alternatives { #expect(!g.strongerEvidence(alt, hop.relation), "seed \(seed)") }
            }
        }
    }

    @Test func randomCasesAreNotTrivial() {
        // The generator must produce cases with many paths, with none, and with fewer than asked.
        var many = 0, none = 0, fewer = 0
        for seed in 0..<1000 {
            let c = Self.randomCase(seed: UInt64(seed))
            let count = Self.allPaths(c).count
            if count >= 5 { many += 1 }
            if count == 0 { none += 1 }
            if count > 0 && count < c.k { fewer += 1 }
        }
        #expect(many >= 40 && none >= 30 && fewer >= 30, "many \(many), none \(none), fewer \(fewer)")
    }
}
