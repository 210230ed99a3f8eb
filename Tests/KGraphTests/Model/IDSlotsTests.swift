import Testing
@testable import KGraph

/// `IDSlots` numbers ids it does not hold: every id must be found again under its number, through
/// growth, whatever its length or script, and a graph's relation ids must stay found after bulk loads.
@Suite struct IDSlotsTests {
    static let ids = ["", "r1", "r2", "fenuzo-foundation-outpost-nupume-0", "Київ — Kyiv", "حزب الله", "e\u{301}", "é",
                      String(repeating: "x", count: 100_000), String(repeating: "é", count: 15), String(repeating: "y", count: 15),
                      String(repeating: "y", count: 16)]

    @Test func everyIDIsFoundUnderItsNumberThroughGrowth() {
        var held: [String] = []
        var slots = IDSlots(capacity: 1, seed: (7, 11))
        let all = Self.ids + (0..<5_000).map { "id-\($0)" }
        for id in all {
            let (index, inserted) = slots.insert(id) { held[Int($0)] }
            #expect(inserted && index == Int32(held.count))
            held.append(id)
        }
        #expect(slots.count == all.count)
        for (i, id) in all.enumerated() { #expect(slots.find(id) { held[Int($0)] } == Int32(i)) }
        // Known ids are not numbered twice; unknown ones are not found.
        for (i, id) in all.enumerated().prefix(40) {
            let again = slots.insert(id) { held[Int($0)] }
            #expect(!again.inserted && again.index == Int32(i))
        }
        #expect(slots.count == all.count)
        for missing in ["r3", "e", "É", String(repeating: "x", count: 99_999), "id-5000"] {
            #expect(slots.find(missing) { held[Int($0)] } == nil)
        }
    }

    @Test func renamedEdgeIDsStayUniqueAgainstEveryOtherID() {
        let (g, messages, errors) = graphML("""
            <graphml><graph edgedefault="directed">
              <node id="a"/><node id="b"/>
              <edge id="a-b-k" source="b" target="a"/>
              <edge id="k" source="a" target="b"/>
              <edge id="k" source="b" target="a"/>
              <edge id="a-b-k-2" source="a" target="a"/>
              <edge id="Київ" source="a" target="b"/>
            </graph></graphml>
            """)
        #expect(errors.isEmpty)
        #expect(g.relations.map(\.id) == ["a-b-k", "a-b-k-3", "b-a-k", "a-b-k-2", "Київ"])
        #expect(messages.contains { $0.contains("1 edge id(s) are reused between different node pairs") })
    }

    @Test func entriesNumberedByTheCallerAreFoundUnderTheirNumbers() {
        // Numbers out of order with gaps, as the renaming of edge ids numbers ids by their relation.
        var held = [String](repeating: "", count: 40)
        var slots = IDSlots(capacity: 1, seed: (3, 5))
        for (k, id) in Self.ids.enumerated() {
            let entry = Int32(39 - 3 * k)
            held[Int(entry)] = id
            #expect(slots.insert(id, as: entry) { held[Int($0)] })
        }
        #expect(slots.count == Self.ids.count)
        for (k, id) in Self.ids.enumerated() { #expect(slots.find(id) { held[Int($0)] } == Int32(39 - 3 * k)) }
        // An id already there is refused whatever number it is offered under.
        #expect(!slots.insert("r2", as: 0) { held[Int($0)] })
        #expect(!slots.insert(Self.ids[8], as: 1) { held[Int($0)] })
        #expect(slots.count == Self.ids.count)
    }

    @Test func renamedEdgeIDsAreComparedAsBytes() {
        // "café-b-k" spelled with a precomposed é is taken; spelled with e + U+0301 it is not.
        let (g, _, errors) = graphML("""
            <graphml><graph edgedefault="directed">
              <node id="caf\u{E9}"/><node id="b"/>
              <edge id="cafe\u{301}-b-k" source="b" target="b"/>
              <edge id="k" source="caf\u{E9}" target="b"/>
              <edge id="k" source="b" target="caf\u{E9}"/>
              <edge id="b-caf\u{E9}-k" source="b" target="b"/>
            </graph></graphml>
            """)
        #expect(errors.isEmpty)
        #expect(g.relations.map { Array($0.id.unicodeScalars) }
                == ["cafe\u{301}-b-k", "caf\u{E9}-b-k", "b-caf\u{E9}-k-2", "b-caf\u{E9}-k"].map { Array($0.unicodeScalars) })
    }

    @Test func idsAreComparedAsBytesNotAsCanonicallyEquivalentText() {
        // Every tag the same: only the comparison of the ids themselves can tell them apart.
        let held = ["caf\u{E9}", "cafe\u{301}", "\u{212B}", "\u{C5}", "A\u{30A}", "cafe", ""]
        var slots = IDSlots(seed: (1, 2), tagMask: 0)
        for (i, id) in held.enumerated() {
            let (index, inserted) = slots.insert(id) { held[Int($0)] }
            #expect(inserted && index == Int32(i), "\(id.unicodeScalars.map(\.value))")
        }
        for (i, id) in held.enumerated() { #expect(slots.find(id) { held[Int($0)] } == Int32(i)) }
        #expect(slots.find("caf") { held[Int($0)] } == nil)
    }

    @Test func reservingKeepsEveryEntry() {
        var held: [String] = []
        var slots = IDSlots()
        for id in Self.ids { _ = slots.insert(id) { held[Int($0)] }; held.append(id) }
        slots.reserveCapacity(100_000)
        for (i, id) in Self.ids.enumerated() { #expect(slots.find(id) { held[Int($0)] } == Int32(i)) }
    }

    @Test func graphFindsRelationsAddedOneByOneAndInBulk() throws {
        var g = Graph()
        for id in ["a", "b"] { try g.add(Entity(id: id, name: id.uppercased(), kind: "state")) }
        try g.add(Relation(id: Self.ids[3], source: "a", type: "backs", target: "b"))
        g.compact()
        // A bulk list after relations exist, with a duplicate of an earlier one and one within the list.
        let list = ["r1", Self.ids[3], Self.ids[4], "r1", Self.ids[8]].map { Relation(id: $0, source: "a", type: "backs", target: "b") }
        let refused = g.append(checked: list, tails: [0, 0, 0, 0, 0], heads: [1, 1, 1, 1, 1])
        #expect(refused.map(\.id) == [Self.ids[3], "r1"])
        #expect(g.relations.map(\.id) == [Self.ids[3], "r1", Self.ids[4], Self.ids[8]])
        for (i, r) in g.relations.enumerated() { #expect(g.index(ofRelation: r.id) == Int32(i)) }
        #expect(g.index(ofRelation: "r2") == nil)
        try g.add(Relation(id: "", source: "b", type: "backs", target: "a"))
        #expect(throws: GraphError.duplicateRelation(Self.ids[4])) {
            try g.add(Relation(id: Self.ids[4], source: "b", type: "backs", target: "a"))
        }
        g.checkInvariants()
        #expect(g.index(ofRelation: "") == 4)
    }

    /// Ids known to differ are indexed on the first lookup, by whichever copy of the graph asks,
    /// and a copy that changes takes an index of its own.
    @Test func idsKnownToDifferAreIndexedWhenFirstAskedFor() throws {
        var g = Graph()
        for id in ["a", "b"] { try g.add(Entity(id: id, name: id.uppercased(), kind: "state")) }
        let list = Self.ids.map { Relation(id: $0, source: "a", type: "backs", target: "b") }
        let ends = Array(repeating: Int32(0), count: list.count)
        #expect(g.append(checked: list, tails: ends, heads: ends.map { _ in 1 }, idsDiffer: true).isEmpty)
        let before = g
        try g.add(Relation(id: "new", source: "b", type: "backs", target: "a"))
        #expect(throws: GraphError.duplicateRelation(Self.ids[4])) {
            try g.add(Relation(id: Self.ids[4], source: "b", type: "backs", target: "a"))
        }
        for (i, id) in Self.ids.enumerated() {
            #expect(g.index(ofRelation: id) == Int32(i) && before.index(ofRelation: id) == Int32(i))
        }
        #expect(g.index(ofRelation: "new") == Int32(Self.ids.count) && before.index(ofRelation: "new") == nil)
        g.checkInvariants()
        before.checkInvariants()
        // A copy asked first: the index it makes serves the graph it was copied from.
        var later = Graph()
        for id in ["a", "b"] { try later.add(Entity(id: id, name: id, kind: "state")) }
        _ = later.append(checked: list, tails: ends, heads: ends.map { _ in 1 }, idsDiffer: true)
        let copy = later
        #expect(copy.index(ofRelation: Self.ids[7]) == 7 && later.index(ofRelation: Self.ids[7]) == 7)
        let refused = later.append(checked: [Relation(id: Self.ids[2], source: "a", type: "backs", target: "b")],
                                   tails: [0], heads: [1], idsDiffer: true)
        #expect(refused.map(\.id) == [Self.ids[2]] && later.relationCount == list.count)
    }

    @Test func bulkListIntoAnEmptyGraphKeepsTheFirstOfEachID() throws {
        var g = Graph()
        for id in ["a", "b"] { try g.add(Entity(id: id, name: id.uppercased(), kind: "state")) }
        let ids = ["x", "y", "x", "z", "y", "w"]
        let list = ids.enumerated().map { Relation(id: $1, source: "a", type: "t\($0)", target: "b") }
        let refused = g.append(checked: list, tails: Array(repeating: 0, count: 6), heads: Array(repeating: 1, count: 6))
        #expect(refused.map(\.type) == ["t2", "t4"])
        #expect(g.relations.map(\.type) == ["t0", "t1", "t3", "t5"])
        for (i, r) in g.relations.enumerated() { #expect(g.index(ofRelation: r.id) == Int32(i)) }
        g.checkInvariants()
    }
}
