import Foundation
import Testing
@testable import KGraph

/// A chain a -> b -> c -> d plus a side branch, with dated and undated relations.
///
///     a(state) -backs-> b(militia) -attacked(2021-02)-> c(site) -located-in-> d(place)
///     e(state) -struck(2024-02-02)-> b ;  e -struck(2021..2022)-> c ;  f(person) isolated
func selectionFixture() throws -> Graph {
    var g = Graph()
    for (id, kind) in [("a", "state"), ("b", "militia"), ("c", "site"), ("d", "place"), ("e", "state"), ("f", "person")] {
        try g.add(Entity(id: id, name: id.uppercased() + " name", kind: kind, aliases: id == "c" || id == "d" ? ["Shared"] : []))
    }
    func span(_ s: String) throws -> TimeSpan { try TimeSpan.parse(s).get() }
    try g.add(Relation(id: "r1", source: "a", type: "backs", target: "b"))
    try g.add(Relation(id: "r2", source: "b", type: "attacked", target: "c", time: span("2021-02")))
    try g.add(Relation(id: "r3", source: "c", type: "located-in", target: "d"))
    try g.add(Relation(id: "r4", source: "e", type: "struck", target: "b", time: span("2024-02-02")))
    try g.add(Relation(id: "r5", source: "e", type: "struck", target: "c", time: span("2021..2022")))
    try g.add(Document(id: "doc", title: "A report"))
    return g
}

@Suite struct SelectionTests {
    func ids(_ s: Subgraph, _ g: Graph) -> (entities: [String], relations: [String]) {
        (s.entities.map { g.entity(at: $0).id }, s.relations.map { g.relation(at: $0).id })
    }

    @Test func emptySelectionKeepsEverything() throws {
        let g = try selectionFixture()
        #expect(Selection().isEverything)
        let s = try Selection().apply(to: g)
        #expect(s.entities.count == 6 && s.relations.count == 5)
        #expect(try g.selecting(Selection()).entityCount == 6)
    }

    @Test func egoNetworkFollowsBothDirections() throws {
        let g = try selectionFixture()
        // b's neighbours: a (incoming backs), c (outgoing attacked), e (incoming struck).
        let one = ids(try Selection(focus: ["b"], depth: 1).apply(to: g), g)
        #expect(one.entities == ["a", "b", "c", "e"])
        // Induced: e -struck-> c is kept too because both ends are within reach.
        #expect(one.relations == ["r1", "r2", "r4", "r5"])
        let zero = ids(try Selection(focus: ["B name"], depth: 0).apply(to: g), g)
        #expect(zero.entities == ["b"] && zero.relations.isEmpty)
        let two = ids(try Selection(focus: ["b"], depth: 2).apply(to: g), g)
        #expect(two.entities == ["a", "b", "c", "d", "e"])
    }

    @Test func sharedNameFocusesOnAllItsEntities() throws {
        let g = try selectionFixture()
        let s = try Selection(focus: ["shared"], depth: 0).apply(to: g)
        #expect(ids(s, g).entities == ["c", "d"] && ids(s, g).relations == ["r3"])
        #expect(s.focus.map { g.entity(at: $0).id } == ["c", "d"])
    }

    @Test func kindsKeepFocusAndDropOthers() throws {
        let g = try selectionFixture()
        let states = ids(try Selection(kinds: ["state", "militia"]).apply(to: g), g)
        #expect(states.entities == ["a", "b", "e"] && states.relations == ["r1", "r4"])
        // The focus stays even when its kind is not asked for, and the walk does not cross other kinds.
        let s = ids(try Selection(focus: ["c"], depth: 2, kinds: ["state"]).apply(to: g), g)
        #expect(s.entities == ["c", "e"] && s.relations == ["r5"])
    }

    @Test func typesDropEntitiesLeftAlone() throws {
        let g = try selectionFixture()
        let s = ids(try Selection(types: ["struck"]).apply(to: g), g)
        #expect(s.entities == ["b", "c", "e"] && s.relations == ["r4", "r5"])
        // With a focus, the walk only follows kept types.
        let f = ids(try Selection(focus: ["a"], depth: 3, types: ["backs"]).apply(to: g), g)
        #expect(f.entities == ["a", "b"] && f.relations == ["r1"])
    }

    @Test func timeWindowKeepsOverlapsAndLeavesUndatedOutUnlessAsked() throws {
        let g = try selectionFixture()
        // 2022: r5 (2021..2022) overlaps; r2 (2021-02) and r4 (2024) do not; r1, r3 are undated.
        let window = TimeWindow(since: PartialDate("2022"), until: PartialDate("2022-12"))
        let s = ids(try Selection(window: window).apply(to: g), g)
        #expect(s.relations == ["r5"])
        #expect(s.entities == ["c", "e"])
        var withUndated = window
        withUndated.includeUndated = true
        let u = ids(try Selection(window: withUndated).apply(to: g), g)
        #expect(u.relations == ["r1", "r3", "r5"])
        #expect(u.entities == ["a", "b", "c", "d", "e"])
        // A month-precision date overlaps a day-precision bound inside it.
        let feb = ids(try Selection(types: ["attacked"], window: TimeWindow(since: PartialDate("2021-02-15"))).apply(to: g), g)
        #expect(feb.relations == ["r2"])
        let after = ids(try Selection(window: TimeWindow(since: PartialDate("2024-02-03"))).apply(to: g), g)
        #expect(after.relations == [])
        #expect(after.entities == [])
        // Dated only, no bounds: every dated relation.
        let dated = ids(try Selection(window: TimeWindow(datedOnly: true)).apply(to: g), g)
        #expect(dated.relations == ["r2", "r4", "r5"])
    }

    @Test func subgraphIsAGraphWithTheSameIdsVocabularyAndDocuments() throws {
        var g = try selectionFixture()
        g.title = "T"
        let small = try g.selecting(Selection(focus: ["a"], depth: 1))
        small.checkInvariants()
        #expect(small.entities.map(\.id) == ["a", "b"])
        #expect(small.relations.map(\.id) == ["r1"])
        #expect(small.documents.map(\.id) == ["doc"])
        #expect(small.title == "T")
        #expect(small.vocabulary.type("backs")?.color == g.vocabulary.type("backs")?.color)
        #expect(small.index(ofEntity: "b") == 1)
    }

    @Test func errorsSayWhatIsWrong() throws {
        let g = try selectionFixture()
        #expect(throws: SelectionError.self) { try Selection(focus: ["nobody at all"]).apply(to: g) }
        #expect { try Selection(kinds: ["militias"]).apply(to: g) } throws: { e in
            guard case .unknownKind("militias", let known) = e as? SelectionError else { return false }
            return known.contains("militia")
        }
        #expect { try Selection(types: ["strook"]).apply(to: g) } throws: { e in
            "\(e)".contains("unknown relation type 'strook'")
        }
        #expect(throws: SelectionError.negativeDepth(-1)) { try Selection(focus: ["a"], depth: -1).apply(to: g) }
        #expect { try Selection(window: TimeWindow(since: PartialDate("2024"), until: PartialDate("2023"))).apply(to: g) } throws: { e in
            "\(e)".contains("ends before it starts")
        }
    }
}

@Suite struct SubgraphTests {
    @Test func addingAPathKeepsBothSortedAndBringsRelationEnds() throws {
        let g = try selectionFixture()
        let s = try Selection(focus: ["a"], depth: 0).apply(to: g)
        // r4 is e -struck-> b: both ends come with it.
        let more = s.adding(entities: [Int32(3)], relations: [3], of: g)
        #expect(more.entities.map { g.entity(at: $0).id } == ["a", "b", "d", "e"])
        #expect(more.relations == [3] && more.focus == s.focus)
    }
}
