import Testing
@testable import KGraph

@Suite struct GraphTests {
    func small() throws -> Graph {
        var g = Graph()
        for (id, kind) in [("iran", "state"), ("kh", "militia"), ("t22", "site"), ("us", "state")] {
            try g.add(Entity(id: id, name: id.uppercased(), kind: kind))
        }
        let cite = [Citation(document: "d", quote: "q")]
        try g.add(Relation(id: "r1", source: "iran", type: "backs", target: "kh", sources: cite))
        try g.add(Relation(id: "r2", source: "kh", type: "attacked", target: "t22", sources: cite))
        try g.add(Relation(id: "r3", source: "kh", type: "attacked", target: "t22", sources: cite))
        try g.add(Relation(id: "r4", source: "us", type: "struck", target: "kh", sources: cite))
        try g.add(Relation(id: "r5", source: "kh", type: "allied-with", target: "kh", sources: cite))
        return g
    }

    @Test func adjacencyKeepsBothDirectionsInSync() throws {
        let g = try small()
        g.checkInvariants()
        let kh = try #require(g.index(ofEntity: "kh"))
        #expect(g.outgoing(kh).map { g.relation(at: $0).id } == ["r2", "r3", "r5"])
        #expect(g.incoming(kh).map { g.relation(at: $0).id } == ["r1", "r4", "r5"])
        #expect(g.degree(kh) == 6)
        let r3 = try #require(g.index(ofRelation: "r3"))
        #expect(g.entity(at: g.sourceIndex(ofRelation: r3)).id == "kh")
        #expect(g.entity(at: g.targetIndex(ofRelation: r3)).id == "t22")
    }

    @Test func compactedGraphAnswersTheSameAndChangesStillWork() throws {
        var g = try small()
        let kh = try #require(g.index(ofEntity: "kh"))
        let before = (0..<Int32(g.entityCount)).map { (g.outgoing($0), g.incoming($0), g.degree($0)) }
        g.compact()
        #expect(g.rows != nil)
        g.checkInvariants()
        let after = (0..<Int32(g.entityCount)).map { (g.outgoing($0), g.incoming($0), g.degree($0)) }
        #expect(after.map(\.0) == before.map(\.0) && after.map(\.1) == before.map(\.1) && after.map(\.2) == before.map(\.2))
        // A change after compacting goes back to lists and keeps every earlier relation.
        let iraq = try g.add(Entity(id: "iraq", name: "Iraq", kind: "state"))
        #expect(g.rows == nil)
        try g.add(Relation(id: "r6", source: "kh", type: "based-in", target: "iraq"))
        g.checkInvariants()
        #expect(g.outgoing(kh).map { g.relation(at: $0).id } == ["r2", "r3", "r5", "r6"])
        #expect(g.incoming(iraq).map { g.relation(at: $0).id } == ["r6"])
        g.compact()
        try g.add(Relation(id: "r7", source: "iran", type: "backs", target: "iraq"))
        g.checkInvariants()
        #expect(g.incoming(iraq).map { g.relation(at: $0).id } == ["r6", "r7"])
        #expect(g.degree(kh) == 7)
    }

    @Test func parallelRelationsAreKeptApart() throws {
        let g = try small()
        let t22 = try #require(g.index(ofEntity: "t22"))
        #expect(g.incoming(t22).count == 2)
    }

    @Test func refusesDuplicatesAndDanglingEnds() throws {
        var g = try small()
        #expect(throws: GraphError.duplicateEntity("kh")) { try g.add(Entity(id: "kh", name: "x", kind: "militia")) }
        #expect(throws: GraphError.duplicateRelation("r1")) {
            try g.add(Relation(id: "r1", source: "iran", type: "backs", target: "kh"))
        }
        #expect(throws: GraphError.unknownEntity("nobody")) {
            try g.add(Relation(id: "r9", source: "nobody", type: "backs", target: "kh"))
        }
        #expect(throws: GraphError.duplicateDocument("d")) {
            try g.add(Document(id: "d", title: "a")); try g.add(Document(id: "d", title: "b"))
        }
        g.checkInvariants()
        #expect(g.relationCount == 5)
    }

    /// A bulk append points each end at its entity's own id string (a million relations share a
    /// hundred thousand ids), whether the end came as a copy of it or as that string already.
    @Test func bulkAppendedEndsHoldTheirEntitiesIDStrings() throws {
        func bufferOf(_ s: String) -> UnsafePointer<UInt8>? { s.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil }
        var g = Graph()
        let ids = ["an-entity-id-longer-than-fifteen-bytes", "another-entity-id-held-on-the-heap"]
        for id in ids { try g.add(Entity(id: id, name: id, kind: "state")) }
        let apart = ids.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        #expect(bufferOf(apart[0]) != bufferOf(g.entities[0].id))
        let list = [Relation(id: "r1", source: apart[0], type: "backs", target: apart[1]),
                    Relation(id: "r2", source: g.entities[1].id, type: "backs", target: g.entities[0].id)]
        #expect(g.append(checked: list, tails: [0, 1], heads: [1, 0]).isEmpty)
        for r in g.relations {
            let s = try #require(g.index(ofEntity: r.source)), t = try #require(g.index(ofEntity: r.target))
            #expect(bufferOf(r.source) == bufferOf(g.entities[Int(s)].id) && bufferOf(r.target) == bufferOf(g.entities[Int(t)].id))
        }
        g.checkInvariants()
    }
}
