import Testing
@testable import KGraph

/// `Graph.withParts`: an entity with everything that is part of it, to any depth, nearest first.
@Suite struct PartsTests {
    // whole <- unit <- command; whole <- chamber; other unit of another whole; a member is not a part.
    static let graph = makeGraph([
        "unit part-of whole", "command part-of unit", "chamber part-of whole", "rival part-of other",
        "member member-of whole", "command struck target 2024-02-02", "whole struck target 2021-06-28",
    ])

    func ids(_ g: Graph, _ list: [Int32]) -> [String] { list.map { g.entity(at: $0).id } }

    @Test func gathersPartsToAnyDepthNearestFirst() {
        let g = Self.graph
        #expect(ids(g, g.withParts([g.at("whole")])) == ["whole", "unit", "chamber", "command"])
        #expect(ids(g, g.parts(of: g.at("whole"))) == ["unit", "chamber", "command"])
        #expect(ids(g, g.parts(of: g.at("unit"))) == ["command"])
    }

    @Test func followsPartOfOnlyFromPartToWhole() {
        let g = Self.graph
        // A part does not gather its whole or its siblings; a member is not a part.
        #expect(g.parts(of: g.at("command")).isEmpty)
        #expect(!g.withParts([g.at("whole")]).contains(g.at("member")))
        #expect(!g.withParts([g.at("whole")]).contains(g.at("rival")))
    }

    @Test func severalStartsAreEachListedOnce() {
        let g = Self.graph
        #expect(ids(g, g.withParts([g.at("unit"), g.at("whole"), g.at("unit")])) == ["unit", "whole", "command", "chamber"])
    }

    @Test func aCycleOfPartsEnds() {
        let g = makeGraph(["a part-of b", "b part-of c", "c part-of a"])
        #expect(Set(ids(g, g.withParts([g.at("a")]))) == ["a", "b", "c"])
    }

    @Test func aTimelineWithPartsHasTheirActs() {
        let g = Self.graph
        let alone = g.timeline(involving: [g.at("whole")], types: ["struck"])
        let withParts = g.timeline(involving: g.withParts([g.at("whole")]), types: ["struck"])
        #expect(alone.map { g.relation(at: $0).id } == ["r6"])
        #expect(withParts.map { g.relation(at: $0).id } == ["r6", "r5"])
    }

    /// In the shipped graph, the United States with its parts struck in every round, CENTCOM's included.
    @Test func theUnitedStatesWithItsPartsIncludesCENTCOMsRound() throws {
        let g = try shippedGraph()
        let us = try #require(g.index(ofEntity: "united-states"))
        let parts = Set(ids(g, g.parts(of: us)))
        #expect(parts.isSuperset(of: ["us-forces", "centcom", "us-house", "us-senate"]))
        #expect(!parts.contains("iran") && !parts.contains("white-house"))
        let strikes = g.timeline(involving: g.withParts([us]), types: ["struck"]).map { g.relation(at: $0) }
        #expect(strikes.contains { $0.source == "centcom" && $0.time?.description == "2024-02-02..2024-02-03" })
        #expect(!g.timeline(involving: [us], types: ["struck"]).map { g.relation(at: $0).source }.contains("centcom"))
    }
}
