import Testing
@testable import KGraph

/// Entity keeps the fields most entities leave empty apart: every value must come back as set,
/// setting one must leave the others alone, and a copy must never see the original's changes.
@Suite struct EntityStorageTests {
    @Test func seldomFieldsComeBackAsSetAndStayUnshared() {
        var e = Entity(id: "hq", name: "HQ", kind: "site", aliases: ["Head office"], sharedAliases: ["US base"],
                       country: "us", description: "the main site", externalIDs: ["wikidata": "Q1"],
                       attributes: ["floors": .int(4)], note: "seen twice")
        let before = e
        e.attributes["colour"] = .string("red")
        e.externalIDs["osm"] = "w2"
        #expect(e.attributes == ["floors": .int(4), "colour": .string("red")] && e.externalIDs == ["wikidata": "Q1", "osm": "w2"])
        #expect(e.sharedAliases == ["US base"] && e.description == "the main site" && e.note == "seen twice")
        #expect(before.attributes == ["floors": .int(4)] && before.externalIDs == ["wikidata": "Q1"])
        e.sharedAliases = []
        e.description = nil
        e.note = nil
        #expect(e.sharedAliases.isEmpty && e.description == nil && e.note == nil && e.attributes.count == 2)
        e.attributes = [:]
        e.externalIDs = [:]
        #expect(e == Entity(id: "hq", name: "HQ", kind: "site", aliases: ["Head office"], country: "us"))
        #expect(before.sharedAliases == ["US base"] && before.note == "seen twice")
    }

    @Test func equalityAndHashingSeeEveryField() {
        let base = Entity(id: "a", name: "A", kind: "state", aliases: ["Alpha"], country: "a", note: "n")
        var changed: [Entity] = []
        for change in [{ (e: inout Entity) in e.name = "B" }, { $0.kind = "person" }, { $0.aliases = [] }, { $0.country = nil },
                       { $0.provenance = .added }, { $0.location = FileLocation(file: "f", line: 1, column: 1) },
                       { $0.sharedAliases = ["Alpha"] }, { $0.description = "d" }, { $0.externalIDs = ["x": "1"] },
                       { $0.attributes = ["k": .bool(true)] }, { $0.note = nil }] {
            var e = base
            change(&e)
            changed.append(e)
        }
        var copy = base
        copy.note = "n"
        #expect(copy == base && copy.hashValue == base.hashValue)
        for e in changed { #expect(e != base) }
        #expect(Set(changed + [base]).count == changed.count + 1)
    }

    /// 100,000 entities in the 1,000,000-relation benchmark: a field added inline costs 100 KB per byte.
    @Test func anEntityStaysSmall() {
        #expect(MemoryLayout<Entity>.stride <= 112)
    }
}
