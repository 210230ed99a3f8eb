import Testing
@testable import KGraph

/// `IDSlots.allDiffer` spreads values into groups by their top bits before checking each group:
/// it must agree with a set whatever the values' spread, and the renaming of reused GraphML edge
/// ids that trusts it must give the ids a plain set-based renaming gives.
@Suite struct IDSlotsDistinctTests {
    @Test func agreesWithASetWhateverTheSpread() {
        var numbers = SplitMix64(seed: 18)
        let spreads: [(String, (UInt64) -> UInt64)] = [
            ("random", { $0 }),
            ("same top bits", { $0 >> 40 }),
            ("same low bits", { $0 << 40 }),
            ("few values", { $0 % 7 }),
        ]
        for n in [0, 1, 2, 3, 1023, 1024, 1025, 2049, 5000, 70_000] {
            for (name, spread) in spreads {
                let values = (0..<n).map { _ in spread(numbers.next()) }
                let differ = Set(values).count == n
                #expect(IDSlots.allDiffer(values) == differ, "\(name), \(n) values")
                guard n >= 2, differ else { continue }
                // One value repeated anywhere, near or far from the first.
                for _ in 0..<3 {
                    var repeated = values
                    let a = numbers.below(n), b = numbers.below(n)
                    guard a != b else { continue }
                    repeated[b] = repeated[a]
                    #expect(!IDSlots.allDiffer(repeated), "\(name), \(n) values, \(a) repeated at \(b)")
                }
            }
        }
    }

    @Test func zeroIsAValueLikeAnyOther() {
        #expect(IDSlots.allDiffer([0, 1]))
        #expect(IDSlots.allDiffer([5, 0, 7]))
        #expect(!IDSlots.allDiffer([0, 0]))
        #expect(!IDSlots.allDiffer([0, 3, 0]))
        let many = (0..<3000).map { UInt64($0) }
        #expect(IDSlots.allDiffer(many))
        #expect(!IDSlots.allDiffer(many + [0]))
        #expect(!IDSlots.allDiffer(many + [2999]))
    }

    /// Edges that reuse ids between different node pairs, with node ids and edge ids holding dashes
    /// so that some "SOURCE-TARGET-ID" names collide with each other and with ids the file gives;
    /// and a big file where none collide. Each must read as a plain renaming with a set says.
    @Test func renamedEdgeIDsAreThoseASetGives() {
        var numbers = SplitMix64(seed: 11)
        let nodes = ["a", "b", "a-b", "b-a", "c", "k", "c-k", "Київ"]
        for round in 0..<12 {
            let count = round < 10 ? 40 + numbers.below(60) : 3000
            var edges: [(source: String, target: String, id: String)] = []
            var pairsOfID: [String: Set<[String]>] = [:]
            for e in 0..<count {
                let s = nodes[numbers.below(nodes.count)], t = nodes[numbers.below(nodes.count)]
                let id: String
                if round >= 10 {
                    // Distinct nodes and ids: nothing collides, over several groups.
                    edges.append(("n\(e)", "m\(e)", round == 10 ? "0" : String(e % 5 == 0 ? 1 : 0)))
                    continue
                }
                switch numbers.below(6) {
                case 0: id = "k"
                case 1: id = "b-k"
                case 2: id = "k-2"
                case 3: id = "a-b-k"
                case 4: id = "\(s)-\(t)-k"
                default: id = "e\(e)"
                }
                // The same id twice between the same two nodes is an error, not a renaming: skipped.
                guard pairsOfID[id, default: []].insert([s, t]).inserted else { continue }
                edges.append((s, t, id))
            }
            let nodeIDs = round >= 10 ? edges.flatMap { [$0.source, $0.target] } : nodes
            let xml = "<graphml><graph edgedefault=\"directed\">"
                + nodeIDs.map { "<node id=\"\($0)\"/>" }.joined()
                + edges.map { "<edge source=\"\($0.source)\" target=\"\($0.target)\" id=\"\($0.id)\"/>" }.joined()
                + "</graph></graphml>"
            let (g, _, errors) = graphML(xml)
            #expect(errors.isEmpty, "round \(round): \(errors.prefix(2))")
            let expected = Self.renamedBySet(edges)
            #expect(g.relations.map(\.id) == expected, "round \(round)")
            #expect(Set(expected).count == expected.count)
            for (i, id) in expected.enumerated() where i % 7 == 0 { #expect(g.index(ofRelation: id) == Int32(i)) }
        }
    }

    /// The renaming done plainly: an id carried by several edges gives each "SOURCE-TARGET-ID",
    /// "-2", "-3"... until it is one no other edge has, in file order.
    static func renamedBySet(_ edges: [(source: String, target: String, id: String)]) -> [String] {
        var carriers: [String: Int] = [:]
        for e in edges { carriers[e.id, default: 0] += 1 }
        var ids = edges.map(\.id)
        var taken = Set(edges.filter { carriers[$0.id]! == 1 }.map(\.id))
        for (i, e) in edges.enumerated() where carriers[e.id]! > 1 {
            let base = "\(e.source)-\(e.target)-\(e.id)"
            var name = base, n = 2
            while taken.contains(name) { name = base + "-" + String(n); n += 1 }
            taken.insert(name)
            ids[i] = name
        }
        return ids
    }
}

private extension SplitMix64 {
    /// A number in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
