import Testing
@testable import KGraph

@Suite struct TimelineTests {
    let g = makeGraph(["a t b 2024-01-28", "a t c", "b u c 2024", "c t d 2024-01", "a u d 2019..2021", "d t b ..2020-06",
                       "b t d 2024-01-28", "c u c 2023-10.."])

    func ids(_ list: [Int32]) -> [String] { list.map { g.relation(at: $0).id } }

    @Test func ordersByStartThenEndThenFileOrderWithUndatedLast() {
        // ..2020-06 (open start) first; 2019..2021; 2023-10..; then 2024 (year: 2024-01-01..12-31),
        // 2024-01 (..01-31) before it since it ends sooner; the two 2024-01-28 in file order; undated last.
        #expect(ids(g.timeline()) == ["r5", "r4", "r7", "r3", "r2", "r0", "r6", "r1"])
    }

    @Test func involvingTypesAndWindow() {
        #expect(ids(g.timeline(involving: [g.at("a")])) == ["r4", "r0", "r1"])
        #expect(ids(g.timeline(involving: [g.at("a"), g.at("d")])) == ["r5", "r4", "r3", "r0", "r6", "r1"])
        #expect(ids(g.timeline(types: ["u"])) == ["r4", "r7", "r2"])
        // What began in the window first, then what may have begun before it (2024-01, 2024); the
        // open-ended 2023-10.. is known only up to its start (its document is undated); undated
        // relations only when asked for.
        #expect(ids(g.timeline(window: TimeWindow(since: PartialDate("2024-01-15")))) == ["r0", "r6", "r3", "r2"])
        #expect(ids(g.timeline(window: TimeWindow(since: PartialDate("2024-01-15"), includeUndated: true)))
                == ["r0", "r6", "r3", "r2", "r1"])
        #expect(ids(g.timeline(window: TimeWindow(until: PartialDate("2021"), datedOnly: true))) == ["r5", "r4"])
    }

    @Test func textShowsDatesAtTheirPrecision() {
        let text = QueryText.timeline(g.timeline(involving: [g.at("d")]), in: g)
        #expect(text == """
            ..2020-06   D --t--> B  (high confidence, reported)
                          d0: "quote 0 for r5"
            2019..2021  A --u--> D  (high confidence, reported)
                          d0: "quote 0 for r4"
            2024-01     C --t--> D  (high confidence, reported)
                          d0: "quote 0 for r3"
            2024-01-28  B --t--> D  (high confidence, reported)
                          d0: "quote 0 for r6"

            """)
    }
}
