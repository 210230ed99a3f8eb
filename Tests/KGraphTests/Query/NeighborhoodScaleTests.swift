import Testing
@testable import KGraph

/// `neighborhood` lists the relations among the entities reached in graph order, by sorting when
/// they are few and by marking when they are many; both must give the brute-force answer.
@Suite struct NeighborhoodScaleTests {
    @Test(arguments: [1, 2, 50])
    func relationsAmongTheReachedEntitiesInGraphOrder(depth: Int) throws {
        var g = Graph()
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for i in 0..<2000 { try g.add(Entity(id: "e\(i)", name: "E\(i)", kind: "state")) }
        for i in 0..<6000 {
            try g.add(Relation(id: "r\(i)", source: "e\(next(2000))", type: i % 7 == 0 ? "backs" : "allied-with",
                               target: "e\(next(40))"))
        }
        let n = g.neighborhood(of: 1999, depth: depth, options: TraversalOptions(excludedTypes: ["backs"]))
        let inside = Set(n.entities)
        let expected = (0..<Int32(g.relationCount)).filter {
            inside.contains(g.sourceIndex(ofRelation: $0)) && inside.contains(g.targetIndex(ofRelation: $0))
                && g.relation(at: $0).type != "backs"
        }
        #expect(n.relations == expected)
        // The bare search reaches the same entities at the same distances.
        let order = g.breadthFirst(from: 1999, depth: depth, options: TraversalOptions(excludedTypes: ["backs"]))
        #expect(order.entities == n.entities && order.distances.map { Int($0) } == n.distances)
        // Distances are the true hop counts: each entity but the start has a neighbour one hop nearer.
        var at: [Int32: Int32] = [:]
        for (e, d) in zip(order.entities, order.distances) { at[e] = d }
        for (e, d) in zip(order.entities, order.distances) where d > 0 {
            let near = (g.outgoing(e) + g.incoming(e)).filter { g.relation(at: $0).type != "backs" }.compactMap { r -> Int32? in
                let o = g.sourceIndex(ofRelation: r) == e ? g.targetIndex(ofRelation: r) : g.sourceIndex(ofRelation: r)
                return at[o]
            }
            #expect(near.min() == d - 1)
        }
        #expect(depth > 1 || n.entities.count < 100)
    }

    /// With the contiguous rows (`compact()`, as loading builds them) every search answers as before.
    @Test func compactRowsGiveTheSameAnswers() throws {
        var g = Graph()
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for i in 0..<600 { try g.add(Entity(id: "e\(i)", name: "E\(i)", kind: i % 5 == 0 ? "militia" : "state")) }
        for i in 0..<2400 {
            try g.add(Relation(id: "r\(i)", source: "e\(next(600))", type: i % 3 == 0 ? "backs" : "allied-with",
                               target: "e\(next(60))", confidence: i % 4 == 0 ? .low : .high))
        }
        var c = g
        c.compact()
        c.checkInvariants()
        let options = [
            TraversalOptions(), TraversalOptions(direction: .outgoing), TraversalOptions(direction: .incoming),
            TraversalOptions(excludedTypes: ["backs"]), TraversalOptions(avoidedEntities: [3, 10, 20]),
            TraversalOptions(entityKinds: ["state"]), TraversalOptions(strength: StrengthFilter(minimumConfidence: .high)),
        ]
        for o in options {
            for start in [Int32(0), 7, 599] {
                for depth in [1, 2, 100] {
                    #expect(c.breadthFirst(from: start, depth: depth, options: o) == g.breadthFirst(from: start, depth: depth, options: o))
                    #expect(c.neighborhood(of: start, depth: depth, options: o) == g.neighborhood(of: start, depth: depth, options: o))
                }
            }
        }
        // A change drops the rows, and answers follow the change.
        try c.add(Relation(id: "new", source: "e599", type: "backs", target: "e598"))
        c.checkInvariants()
        #expect(c.breadthFirst(from: 599, depth: 1).entities.contains(598))
    }
}
