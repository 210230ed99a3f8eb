import Foundation
import Testing
@testable import KGraph

@Suite struct PathTests {
    // a -> b <- c -> d: only reachable by following relations both ways.
    let zigzag = makeGraph(["a backs b", "c struck b", "c attacked d"])

    @Test func followsRelationsEitherWayAndKeepsTheirTrueDirection() throws {
        let p = try #require(zigzag.paths(["a"], ["d"]).first)
        #expect(zigzag.ids(p) == ["a", "b", "c", "d"])
        #expect(p.hops.map(\.isForward) == [true, false, true])
        #expect(p.hops.map { zigzag.entity(at: $0.from).id } == ["a", "b", "c"])
        let steps = p.hops.map { QueryText.step(from: $0.from, to: $0.to, relation: $0.relation, forward: $0.isForward, in: zigzag) }
        #expect(steps == ["A --backs--> B", "B <--struck-- C", "C --attacked--> D"])
    }

    @Test func directedFollowsOnlyForward() {
        #expect(zigzag.paths(["a"], ["d"], TraversalOptions(direction: .outgoing)).isEmpty)
        let chain = makeGraph(["a backs b", "b backs c", "d backs c"])
        #expect(chain.paths(["a"], ["c"], TraversalOptions(direction: .outgoing)).map(chain.ids) == [["a", "b", "c"]])
        #expect(chain.paths(["c"], ["a"], TraversalOptions(direction: .outgoing)).isEmpty)
        #expect(chain.paths(["c"], ["a"], TraversalOptions(direction: .incoming)).map(chain.ids) == [["c", "b", "a"]])
    }

    @Test func directedStillFollowsSymmetricTypesBothWays() throws {
        // "allied-with" is symmetric in the standard vocabulary: b allied with a is a allied with b.
        let g = makeGraph(["b allied-with a", "b backs c"])
        let p = try #require(g.paths(["a"], ["c"], TraversalOptions(direction: .outgoing)).first)
        #expect(g.ids(p) == ["a", "b", "c"])
        #expect(p.hops.map(\.isForward) == [false, true])
        #expect(g.paths(["c"], ["a"], TraversalOptions(direction: .outgoing)).isEmpty)
    }

    @Test func viaAndExcludeRestrictRelationTypes() {
        let g = makeGraph(["a x b", "b x d", "a y d", "a z c", "c z d"])
        #expect(g.paths(["a"], ["d"]).map(g.ids) == [["a", "d"]])
        #expect(g.paths(["a"], ["d"], TraversalOptions(relationTypes: ["x"])).map(g.ids) == [["a", "b", "d"]])
        #expect(g.paths(["a"], ["d"], TraversalOptions(relationTypes: ["z"])).map(g.ids) == [["a", "c", "d"]])
        #expect(g.paths(["a"], ["d"], TraversalOptions(excludedTypes: ["y"])).map(g.ids) == [["a", "b", "d"]])
        #expect(g.paths(["a"], ["d"], TraversalOptions(excludedTypes: ["x", "y", "z"])).isEmpty)
        #expect(g.paths(["a"], ["d"], TraversalOptions(relationTypes: ["x", "z"], excludedTypes: ["x"])).map(g.ids)
                == [["a", "c", "d"]])
    }

    @Test func avoidKeepsPathsOffEntities() {
        let g = makeGraph(["a t b", "b t d", "a t c", "c t e", "e t d"])
        #expect(g.paths(["a"], ["d"]).map(g.ids) == [["a", "b", "d"]])
        #expect(g.paths(["a"], ["d"], TraversalOptions(avoidedEntities: [g.at("b")])).map(g.ids) == [["a", "c", "e", "d"]])
        #expect(g.paths(["a"], ["d"], TraversalOptions(avoidedEntities: [g.at("b"), g.at("e")])).isEmpty)
    }

    @Test func maxHopsLimitsLengthAndTheAnswerSaysWhatTheLimitHid() throws {
        let g = makeGraph(["a t b", "b t c", "c t d"])
        #expect(g.paths(["a"], ["d"], TraversalOptions(maxHops: 3)).map(\.length) == [3])
        #expect(g.paths(["a"], ["d"], TraversalOptions(maxHops: 2)).isEmpty)
        let a = try g.findPaths(from: Endpoint(text: "a", entities: [g.at("a")]), to: Endpoint(text: "d", entities: [g.at("d")]),
                                options: TraversalOptions(maxHops: 2))
        #expect(a.paths.isEmpty && a.shortestBeyondHopLimit == 3)
        #expect(QueryText.noPath(a, in: g) == "no path from A [a] to D [d] within the limits: at most 2 hops; "
                + "the shortest path without the hop limit has 3 hops")
        // Other filters rule it out whatever the hop limit: no hint then.
        var o = TraversalOptions(maxHops: 2)
        o.relationTypes = ["none"]
        let b = try g.findPaths(from: Endpoint(text: "a", entities: [g.at("a")]), to: Endpoint(text: "d", entities: [g.at("d")]),
                                options: o)
        #expect(b.shortestBeyondHopLimit == nil)
        #expect(QueryText.noPath(b, in: g) == "no path from A [a] to D [d] within the limits: at most 2 hops; only via none")
    }

    @Test func timeWindowCountsOverlapsAndUndatedOnlyWhenIncluded() {
        // Direct a-c in May 2021; around it a-d (undated) and d-c (February 2024, month precision).
        let g = makeGraph(["a t c 2021-05", "a t d", "d t c 2024-02"])
        func path(_ w: TimeWindow) -> [[String]] { g.paths(["a"], ["c"], TraversalOptions(window: w)).map(g.ids) }
        #expect(path(TimeWindow()) == [["a", "c"]])
        #expect(path(TimeWindow(since: PartialDate("2024"))) == [])
        #expect(path(TimeWindow(since: PartialDate("2024"), includeUndated: true)) == [["a", "d", "c"]])
        #expect(path(TimeWindow(datedOnly: true)) == [["a", "c"]])
        // A month-precision date overlaps a window that starts inside that month.
        #expect(path(TimeWindow(since: PartialDate("2024-02-15"), includeUndated: true)) == [["a", "d", "c"]])
        #expect(path(TimeWindow(since: PartialDate("2024-03"))) == [])
        #expect(path(TimeWindow(since: PartialDate("2024"), datedOnly: true)) == [])
        #expect(path(TimeWindow(until: PartialDate("2021-12"))) == [["a", "c"]])
        #expect(path(TimeWindow(until: PartialDate("2021-04"))) == [])
        #expect(path(TimeWindow(since: PartialDate("2021-05-31"), until: PartialDate("2021-06"))) == [["a", "c"]])
    }

    @Test func intervalsCountWhenTheyOverlapTheWindow() {
        let g = makeGraph(["a t b 2019..2021", "a t c 2023-10.."])
        func reach(_ to: String, _ w: TimeWindow) -> Bool { !g.paths(["a"], [to], TraversalOptions(window: w)).isEmpty }
        #expect(reach("b", TimeWindow(since: PartialDate("2021-06"))))
        #expect(!reach("b", TimeWindow(since: PartialDate("2022"))))
        // An open end holds as far as the sources know: here no document is dated, so up to its start.
        #expect(reach("c", TimeWindow(since: PartialDate("2023-10"))))
        #expect(!reach("c", TimeWindow(since: PartialDate("2030"))))
        #expect(reach("c", TimeWindow(until: PartialDate("2030"))))
        #expect(!reach("c", TimeWindow(until: PartialDate("2023-09"))))
    }

    @Test func minimumConfidenceDropsWeakRelations() {
        let g = makeGraph(["a t b low", "a t c high", "c t b medium"])
        #expect(g.paths(["a"], ["b"]).map(g.ids) == [["a", "b"]])
        #expect(g.paths(["a"], ["b"], TraversalOptions(strength: StrengthFilter(minimumConfidence: .medium))).map(g.ids) == [["a", "c", "b"]])
        #expect(g.paths(["a"], ["b"], TraversalOptions(strength: StrengthFilter(minimumConfidence: .high))).isEmpty)
    }

    @Test func aHopShowsTheStrongestOfParallelRelationsAndListsTheOthers() throws {
        let g = makeGraph(["a t b low", "a t b high 2024 src1", "a t b high src2", "b u a high 2024 src2", "a t b high 2023 src2"])
        let p = try #require(g.paths(["a"], ["b"]).first)
        #expect(p.length == 1)
        // high + 2 sources + dated; of those, r3 (backward) comes before r4 in file order.
        #expect(g.relationIDs(p) == ["r3"])
        #expect(p.hops[0].isForward == false)
        #expect(p.hops[0].alternatives.map { g.relation(at: $0).id } == ["r4", "r2", "r1", "r0"])
        // Filters apply to the alternatives too.
        let directed = try #require(g.paths(["a"], ["b"], TraversalOptions(direction: .outgoing, strength: StrengthFilter(minimumConfidence: .high))).first)
        #expect(g.relationIDs(directed) == ["r4"])
        #expect(directed.hops[0].alternatives.map { g.relation(at: $0).id } == ["r2", "r1"])
    }

    @Test func selfLoopsNeverMakeAHop() {
        let g = makeGraph(["a t a", "a t b", "b t b"])
        #expect(g.paths(["a"], ["b"], k: 5).map(g.ids) == [["a", "b"]])
    }

    @Test func kShortestOnADiamond() {
        let g = makeGraph(["a t b", "b t d", "a t c", "c t d", "a t d", "b t c"])
        let all = g.paths(["a"], ["d"], k: 10)
        #expect(all.map(g.ids) == [["a", "d"], ["a", "b", "d"], ["a", "c", "d"], ["a", "b", "c", "d"], ["a", "c", "b", "d"]])
        #expect(g.paths(["a"], ["d"], k: 2).map(\.length) == [1, 2])
        #expect(g.paths(["a"], ["d"], k: 10, TraversalOptions(maxHops: 2)).count == 3)
    }

    @Test func manyStartsAndEndsSayWhichEachPathReached() {
        // Starts s1, s2; ends t1, t2. s1-t1 is 3 hops, s2-t2 is 1; t1-t2 are linked, as are s1-s2.
        let g = makeGraph(["s1 t m", "m t n", "n t t1", "s2 t t2", "t1 t t2", "s1 t s2"])
        let paths = g.paths(["s1", "s2"], ["t1", "t2"], k: 10)
        // No path passes through another start or end: it leaves from the last start and stops at the first end.
        #expect(paths.map(g.ids) == [["s2", "t2"], ["s1", "m", "n", "t1"]])
    }

    @Test func findPathsRefusesBadQueries() throws {
        let g = makeGraph(["a t b", "b t c"])
        let a = Endpoint(text: "a", entities: [g.at("a")]), ab = Endpoint(text: "ab", entities: [g.at("a"), g.at("b")])
        let c = Endpoint(text: "c", entities: [g.at("c")])
        #expect(throws: PathQueryError.sameEntityAtBothEnds(["A"])) { try g.findPaths(from: a, to: ab) }
        #expect(throws: PathQueryError.endpointAvoided("c")) {
            try g.findPaths(from: a, to: c, options: TraversalOptions(avoidedEntities: [g.at("c")]))
        }
        #expect(throws: PathQueryError.badCount(0)) { try g.findPaths(from: a, to: c, count: 0) }
        #expect(throws: PathQueryError.badMaxHops(0)) { try g.findPaths(from: a, to: c, options: TraversalOptions(maxHops: 0)) }
        // Avoiding one of several endpoint entities drops just that one.
        let answer = try g.findPaths(from: ab, to: c, options: TraversalOptions(avoidedEntities: [g.at("b")]))
        #expect(answer.from.entities == [g.at("a")] && answer.paths.isEmpty)
    }

    @Test func endpointsResolveNamesSharedNamesAndKinds() throws {
        var g = makeGraph(["x attacked base1", "x attacked base2"], kinds: ["base1": "site", "base2": "site", "x": "militia"])
        _ = try g.add(Entity(id: "base3", name: "Base 3", kind: "site", aliases: ["US base"]))
        _ = try g.add(Entity(id: "base4", name: "Base 4", kind: "site", aliases: ["US base"]))
        let names = NameIndex(g)
        #expect(try names.endpoint("kind:site", in: g).entities == ["base1", "base2", "base3", "base4"].map(g.at))
        #expect(try names.endpoint("US base", in: g).entities == [g.at("base3"), g.at("base4")])
        #expect(try names.endpoint("x", in: g).entities == [g.at("x")])
        #expect(throws: EndpointError.noEntityOfKind("state")) { try names.endpoint("kind:state", in: g) }
        #expect(throws: (any Error).self) { try names.endpoint("kind:stat", in: g) }
        #expect(throws: (any Error).self) { try names.endpoint("nobody", in: g) }
    }

    @Test func jsonShapeOfAHop() throws {
        let g = makeGraph(["a backs b 2024-01-28 medium src2", "c struck b"])
        let answer = try g.findPaths(from: Endpoint(text: "a", entities: [g.at("a")]),
                                     to: Endpoint(text: "c", entities: [g.at("c")]))
        let json = answer.json(in: g)
        #expect(json.from.map(\.id) == ["a"] && json.to.map(\.id) == ["c"])
        // The whole shape as printed: the hop's own members, then the relation's fields but its id, ends and attributes.
        let printed = try JSONSerialization.jsonObject(with: Data(try StableJSON.text(json.paths).utf8)) as? NSArray
        let want: NSArray = [["length": 2, "hops": [
            ["from": "a", "to": "b", "relation": "backs", "direction": "forward", "relationId": "r0", "date": "2024-01-28",
             "confidence": "medium", "assertion": "reported", "provenance": "reported",
             "sources": [["document": "d0", "quote": "quote 0 for r0"], ["document": "d1", "quote": "quote 1 for r0"]]],
            ["from": "b", "to": "c", "relation": "struck", "direction": "backward", "relationId": "r1",
             "confidence": "high", "assertion": "reported", "provenance": "reported",
             "sources": [["document": "d0", "quote": "quote 0 for r1"]]],
        ]]]
        #expect(printed == want)
        // And it reads back as the same value.
        #expect(try JSONDecoder().decode([PathJSON].self, from: Data(try StableJSON.text(json.paths).utf8)) == json.paths)
    }

    @Test func textReadsAsAnArgument() throws {
        let g = makeGraph(["a backs b 2024-01 medium", "c struck b 2019..2021-02"])
        let answer = try g.findPaths(from: Endpoint(text: "a", entities: [g.at("a")]),
                                     to: Endpoint(text: "c", entities: [g.at("c")]), count: 2)
        #expect(QueryText.paths(answer, in: g) == """
            From A [a] to C [c]

            Path 1 of 1, 2 hops: A [a] to C [c]
              1. A --backs--> B
                   2024-01 (month), medium confidence, reported
                   d0: "quote 0 for r0"
              2. B <--struck-- C
                   2019..2021-02 (year..month), high confidence, reported
                   d0: "quote 0 for r1"

            Only 1 loopless path within the limits (2 asked): at most 6 hops

            """)
    }
}
