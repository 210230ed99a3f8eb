import Testing
@testable import KGraph

@Suite struct NeighborhoodTests {
    // iran backs kh; kh attacked t22 (2024-01-28) and tanf (2023); us struck kh; kirby spoke-for us;
    // t22 located-in jordan (undated).
    let g = makeGraph(["iran backs kh", "kh attacked t22 2024-01-28 medium", "kh attacked tanf 2023",
                       "us struck kh 2024-02-02", "kirby spoke-for us", "t22 located-in jordan"],
                      kinds: ["iran": "state", "us": "state", "kh": "militia", "t22": "site", "tanf": "site",
                              "kirby": "person", "jordan": "state"])

    func ids(_ n: Neighborhood) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(n.entities, n.distances).map { (g.entity(at: $0.0).id, $0.1) })
    }
    func rels(_ n: Neighborhood) -> [String] { n.relations.map { g.relation(at: $0).id } }

    @Test func depthOneBothWays() {
        let n = g.neighborhood(of: g.at("kh"))
        #expect(ids(n) == ["kh": 0, "iran": 1, "t22": 1, "tanf": 1, "us": 1])
        #expect(n.entities.first == g.at("kh"))
        #expect(rels(n) == ["r0", "r1", "r2", "r3"])
    }

    @Test func depthTwoReachesFartherAndListsTheLinks() {
        let n = g.neighborhood(of: g.at("kh"), depth: 2)
        #expect(ids(n) == ["kh": 0, "iran": 1, "t22": 1, "tanf": 1, "us": 1, "kirby": 2, "jordan": 2])
        #expect(rels(n) == ["r0", "r1", "r2", "r3", "r4", "r5"])
        #expect(n.distances == n.distances.sorted())
    }

    @Test func directionInAndOut() {
        let out = g.neighborhood(of: g.at("kh"), depth: 2, options: TraversalOptions(direction: .outgoing))
        #expect(ids(out) == ["kh": 0, "t22": 1, "tanf": 1, "jordan": 2])
        #expect(rels(out) == ["r1", "r2", "r5"])
        let into = g.neighborhood(of: g.at("kh"), depth: 2, options: TraversalOptions(direction: .incoming))
        #expect(ids(into) == ["kh": 0, "iran": 1, "us": 1, "kirby": 2])
        #expect(rels(into) == ["r0", "r3", "r4"])
    }

    @Test func typesKindsAndTimeWindow() {
        let attacked = g.neighborhood(of: g.at("kh"), depth: 2, options: TraversalOptions(relationTypes: ["attacked"]))
        #expect(ids(attacked) == ["kh": 0, "t22": 1, "tanf": 1])
        let states = g.neighborhood(of: g.at("kh"), depth: 2, options: TraversalOptions(entityKinds: ["state"]))
        // Only states are stepped onto: Jordan lies beyond a site, so it is not reached.
        #expect(ids(states) == ["kh": 0, "iran": 1, "us": 1])
        #expect(rels(states) == ["r0", "r3"])
        let since2024 = g.neighborhood(of: g.at("kh"), options: TraversalOptions(window: TimeWindow(since: PartialDate("2024"))))
        #expect(ids(since2024) == ["kh": 0, "t22": 1, "us": 1])
        let undated = g.neighborhood(of: g.at("kh"), options: TraversalOptions(window: TimeWindow(since: PartialDate("2024"), includeUndated: true)))
        #expect(ids(undated) == ["kh": 0, "iran": 1, "t22": 1, "us": 1])
        let dated = g.neighborhood(of: g.at("kh"), options: TraversalOptions(window: TimeWindow(datedOnly: true)))
        #expect(ids(dated) == ["kh": 0, "t22": 1, "tanf": 1, "us": 1])
    }

    @Test func relationsAmongNeighboursAreListedOnceUnderTheLaterEnd() {
        let tri = makeGraph(["a t b", "a t c", "b t c", "c t c"])
        let n = tri.neighborhood(of: tri.at("a"))
        #expect(n.relations.map { tri.relation(at: $0).id } == ["r0", "r1", "r2", "r3"])
        #expect(QueryText.neighborhood(n, depth: 1, in: tri) == """
            A [a] (thing): 2 entities within 1 hop

            1 hop away (2)
              B [b] (thing)
                A --t--> B
                  undated, high confidence, reported
                  d0: "quote 0 for r0"
              C [c] (thing)
                A --t--> C
                  undated, high confidence, reported
                  d0: "quote 0 for r1"
                B --t--> C
                  undated, high confidence, reported
                  d0: "quote 0 for r2"
                C --t--> C
                  undated, high confidence, reported
                  d0: "quote 0 for r3"

            """)
    }

    @Test func json() {
        let n = g.neighborhood(of: g.at("us"))
        let j = n.json(in: g)
        #expect(j.center.id == "us")
        #expect(j.entities.map(\.entity.id) == ["kh", "kirby"] && j.entities.map(\.distance) == [1, 1])
        #expect(j.relations.map(\.id) == ["r3", "r4"])
    }
}
