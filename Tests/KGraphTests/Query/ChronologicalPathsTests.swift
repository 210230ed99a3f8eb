import Testing
@testable import KGraph

/// `path --chronological` against brute force: on the random dated multigraphs of the Yen tests,
/// every simple path whose relations can be given non-decreasing days (tried over every choice of
/// relation per hop and every candidate day), compared with what the search returns.
@Suite struct ChronologicalPathsTests {
    /// The days a relation may hold on, as a closed range of `yyyymmdd` (open ends unbounded);
    /// nil when the chronological search may not follow it (undated, not included).
    static func days(_ r: Relation, includeUndated: Bool) -> ClosedRange<Int>? {
        guard let t = r.time else { return includeUndated ? Int.min...Int.max : nil }
        return (t.start?.earliestDay ?? Int.min)...(t.end?.latestDay ?? Int.max)
    }

    /// Whether some day in each range, in order, never decreases: tried over every candidate day
    /// (a range's own first or last day), not by the search's greedy rule.
    static func hasNonDecreasingDays(_ ranges: [ClosedRange<Int>]) -> Bool {
        let candidates = Set(ranges.flatMap { [$0.lowerBound, $0.upperBound] }).sorted()
        func pick(_ i: Int, _ previous: Int) -> Bool {
            if i == ranges.count { return true }
            return candidates.contains { d in d >= previous && ranges[i].contains(d) && pick(i + 1, d) }
        }
        return pick(0, Int.min)
    }

    /// The relations that may stand at each hop of an entity sequence.
    static func choices(_ c: KShortestPathsTests.Case, _ path: [Int32]) -> [[Int32]] {
        let g = c.graph
        return (1..<path.count).map { i in
            (0..<Int32(g.relationCount)).filter { KShortestPathsTests.followable(g, $0, from: path[i - 1], to: path[i], c.options) }
        }
    }

    /// Whether some choice of relations along `path` (with `fixed` hops pinned) is in time order.
    static func isChronological(_ c: KShortestPathsTests.Case, _ path: [Int32], fixed: [Int: Int32] = [:]) -> Bool {
        let g = c.graph, include = c.options.window.includeUndated
        let options = choices(c, path).enumerated().map { i, rs in fixed[i].map { [$0] } ?? rs }
        func choose(_ i: Int, _ picked: [ClosedRange<Int>]) -> Bool {
            if i == options.count { return hasNonDecreasingDays(picked) }
            return options[i].contains { r in
                guard let d = days(g.relation(at: r), includeUndated: include) else { return false }
                return choose(i + 1, picked + [d])
            }
        }
        return choose(0, [])
    }

    static func chronologicalCase(seed: UInt64) -> KShortestPathsTests.Case {
        var c = KShortestPathsTests.randomCase(seed: seed)
        c.options.chronological = true
        if seed % 3 == 0 { c.options.window.includeUndated = true }
        return c
    }

    @Test(arguments: 0..<1000)
    func matchesBruteForce(seed: Int) throws {
        let c = Self.chronologicalCase(seed: UInt64(seed))
        let g = c.graph
        let expected = KShortestPathsTests.allPaths(c).filter { Self.isChronological(c, $0) }
        let got = g.shortestPaths(from: c.sources, to: c.targets, count: c.k, options: c.options)
        #expect(got.count == min(c.k, expected.count), "seed \(seed)")
        #expect(Set(got.map(\.entities)).count == got.count, "seed \(seed): duplicate paths")
        for p in got { #expect(expected.contains(p.entities), "seed \(seed): \(g.ids(p)) is not a chronological path") }
        #expect(got.map(\.length) == expected.map { $0.count - 1 }.sorted().prefix(c.k).map { $0 }, "seed \(seed)")
        for p in got {
            // The hops shown are themselves in time order, and each points the way it says.
            let shown = p.hops.map { Self.days(g.relation(at: $0.relation), includeUndated: c.options.window.includeUndated) }
            #expect(shown.allSatisfy { $0 != nil } && Self.hasNonDecreasingDays(shown.compactMap { $0 }), "seed \(seed)")
            for (i, hop) in p.hops.enumerated() {
                #expect(KShortestPathsTests.followable(g, hop.relation, from: hop.from, to: hop.to, c.options), "seed \(seed)")
                #expect(hop.isForward == (g.sourceIndex(ofRelation: hop.relation) == hop.from), "seed \(seed)")
                // Alternatives: exactly the other relations that could stand here with the path still in order.
                let others = Self.choices(c, p.entities)[i].filter {
                    $0 != hop.relation && Self.isChronological(c, p.entities, fixed: [i: $0])
                }
                #expect(Set(hop.alternatives) == Set(others) && hop.alternatives.count == others.count, "seed \(seed)")
            }
        }
    }

    @Test func casesAreNotTrivial() {
        // Time must rule out paths in many cases, or the comparison shows little.
        var ruledOut = 0, some = 0
        for seed in 0..<1000 {
            let c = Self.chronologicalCase(seed: UInt64(seed))
            let all = KShortestPathsTests.allPaths(c)
            let kept = all.filter { Self.isChronological(c, $0) }
            if kept.count < all.count { ruledOut += 1 }
            if kept.count >= 3 { some += 1 }
        }
        #expect(ruledOut >= 100 && some >= 40, "ruled out \(ruledOut), some \(some)")
    }

    @Test func aHopMayNotEndBeforeThePreviousMayBegin() throws {
        // a -2024-> b -2021-> c goes back in time; a -2021-> b -2024-> c does not; b -2019..2022-> d
        // may follow 2021 (it may end in 2022) but not 2024.
        let g = makeGraph(["a t b 2024", "b t c 2021", "a t e 2021", "e t c 2024-01", "e t f 2019..2022", "f t c 2021-06"])
        var o = TraversalOptions()
        o.chronological = true
        #expect(g.paths(["a"], ["c"], k: 5, o).map(g.ids) == [["a", "e", "c"], ["a", "e", "f", "c"]])
        o.chronological = false
        #expect(g.paths(["a"], ["c"], k: 5, o).map(g.ids) == [["a", "b", "c"], ["a", "e", "c"], ["a", "e", "f", "c"]])
    }

    @Test func theHopShowsTheRelationThatKeepsThePathInOrder() throws {
        // Two relations link a and b: the 2024 one is stronger, but only the 2020 one lets b -2022-> c follow.
        let g = makeGraph(["a t b 2024 high", "a t b 2020 low", "b t c 2022"])
        var o = TraversalOptions()
        o.chronological = true
        let p = try #require(g.paths(["a"], ["c"], o).first)
        #expect(p.hops.map { g.relation(at: $0.relation).id } == ["r1", "r2"])
        #expect(p.hops[0].alternatives.isEmpty)
    }

    @Test func undatedHopsOnlyWhenIncluded() throws {
        let g = makeGraph(["a t b", "b t c 2024"])
        var o = TraversalOptions()
        o.chronological = true
        #expect(g.paths(["a"], ["c"], o).isEmpty)
        o.window.includeUndated = true
        #expect(g.paths(["a"], ["c"], o).map(g.ids) == [["a", "b", "c"]])
    }
}
