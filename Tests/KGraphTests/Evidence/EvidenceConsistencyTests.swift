import Testing
@testable import KGraph

/// The rules of `EvidenceConsistency` at their edges.
@Suite struct EvidenceConsistencyTests {
    static func graph(_ relations: [Relation], published: String = "2024-12-31") throws -> Graph {
        var g = Graph()
        for d in ["a", "b"] { try g.add(Document(id: d, title: d, published: PartialDate(published))) }
        try g.add(Entity(id: "x", name: "X", kind: "militia"))
        try g.add(Entity(id: "y", name: "Y", kind: "site"))
        for r in relations { try g.add(r) }
        return g
    }

    static func attack(_ id: String, _ date: String, doc: String, _ a: Assertion = .reported,
                       _ attributes: [String: AttributeValue] = [:]) -> Relation {
        Relation(id: id, source: "x", type: "attacked", target: "y", time: try! TimeSpan.parse(date).get(), assertion: a,
                 sources: [Citation(document: doc, quote: "q")], attributes: attributes)
    }

    @Test func daysApartCountAcrossMonthsAndLeapDays() throws {
        let near = try Self.graph([Self.attack("p", "2024-02-27", doc: "a"), Self.attack("q", "2024-03-05", doc: "b")])
        #expect(EvidenceConsistency.check(near).map(\.relations) == [["p", "q"]])  // 7 days: 2024 has 29 February
        let far = try Self.graph([Self.attack("p", "2023-02-26", doc: "a"), Self.attack("q", "2023-03-06", doc: "b")])
        #expect(EvidenceConsistency.check(far).isEmpty)  // 8 days
        let sameSource = try Self.graph([Self.attack("p", "2024-02-27", doc: "a"), Self.attack("q", "2024-02-28", doc: "a")])
        #expect(EvidenceConsistency.check(sameSource).isEmpty)  // one report telling two attacks
    }

    @Test func figuresAndDenialsNeedOverlappingTimes() throws {
        let g = try Self.graph([Self.attack("p", "2024-01", doc: "a", .reported, ["killed": .int(3), "weapons": .string("drones")]),
                                Self.attack("q", "2024-01-28", doc: "b", .denied, ["killed": .string("more than 3"), "weapons": .string("rockets")]),
                                Self.attack("r", "2024-02-10", doc: "b", .denied, ["killed": .int(9)])])
        let found = EvidenceConsistency.check(g)
        #expect(found.map(\.relations) == [["p", "q"], ["p", "q"]])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found[1].message.hasPrefix("different figures for killed of 'X attacked Y': 3 in 'p' (a) and more than 3 in 'q' (b)"))
    }

    @Test func anEventAfterItsSourcesIsDatedWrong() throws {
        let g = try Self.graph([Self.attack("p", "2024-02", doc: "a")], published: "2024-01")
        #expect(EvidenceConsistency.check(g).map(\.message) == ["'p' is dated 2024-02 but every source citing it was published by 2024-01: a report cannot tell what had not happened"])
        // Published within the event's month: it may have happened by then.
        #expect(EvidenceConsistency.check(try Self.graph([Self.attack("p", "2024-02", doc: "a")], published: "2024-02-01")).isEmpty)
    }
}
