import Foundation
import Testing
@testable import KGraph

/// Degree, betweenness, PageRank and components against NetworkX 3.6.1 on the graphs in
/// Fixtures/centrality.json (made by Fixtures/make_centrality_fixtures.py, which states the conventions).
@Suite struct CentralityTests {
    struct Sampled: Decodable { var sources: [Int32]; var betweenness: [Double] }
    struct Case: Decodable {
        var name: String
        var nodes: Int
        var edges: [[Int]]
        var degree: [Int]
        var betweenness: [Double]
        var pagerank: [Double]
        var sampled: Sampled
        var components: [Int]
    }
    struct Fixture: Decodable { var networkx: String; var cases: [Case] }

    static let fixture: Fixture = {
        let url = packageRoot.appendingPathComponent("Tests/KGraphTests/Fixtures/centrality.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static func graph(_ c: Case) -> Graph {
        var g = Graph()
        for i in 0..<c.nodes { _ = try! g.add(Entity(id: "n\(i)", name: "N\(i)", kind: "thing")) }
        for (j, e) in c.edges.enumerated() {
            _ = try! g.add(Relation(id: "r\(j)", source: "n\(e[0])", type: "t", target: "n\(e[1])"))
        }
        return g
    }

    static func close(_ a: [Double], _ b: [Double], within tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    @Test func fixtureIsThere() {
        #expect(Self.fixture.networkx == "3.6.1")
        #expect(Self.fixture.cases.count == 15)
    }

    @Test(arguments: fixture.cases.map(\.name))
    func matchesNetworkX(name: String) throws {
        let c = try #require(Self.fixture.cases.first { $0.name == name })
        let g = Self.graph(c)
        #expect(g.degreeCentrality() == c.degree)
        let b = g.betweennessCentrality()
        #expect(Self.close(b, c.betweenness, within: 1e-12), "\(b) vs \(c.betweenness)")
        let pr = g.pageRank()
        #expect(Self.close(pr, c.pagerank, within: 1e-9), "\(pr) vs \(c.pagerank)")
        #expect(abs(pr.reduce(0, +) - 1) < 1e-9)
        let s = g.betweennessCentrality(sampling: c.sampled.sources)
        #expect(Self.close(s, c.sampled.betweenness, within: 1e-12), "\(s) vs \(c.sampled.betweenness)")
        #expect(g.connectedComponents().sizes == c.components)
    }

    @Test func pathBetweennessByHand() {
        // 0-1-2-3-4 in mixed directions: the middle lies on 4 of the 6 pairs not touching it.
        let g = makeGraph(["a t b", "b t c", "d t c", "d t e"])
        #expect(Self.close(g.betweennessCentrality(), [0, 0.5, 4.0 / 6.0, 0.5, 0], within: 1e-15))
    }

    @Test func samplingEveryEntityIsExactAndSamplingIsSeeded() {
        let g = Self.graph(Self.fixture.cases.last!)
        #expect(Self.close(g.betweennessCentrality(samples: g.entityCount), g.betweennessCentrality(), within: 1e-12))
        #expect(g.betweennessCentrality(samples: 5, seed: 7) == g.betweennessCentrality(samples: 5, seed: 7))
        #expect(g.betweennessCentrality(samples: 5, seed: 7) != g.betweennessCentrality(samples: 5, seed: 8))
    }

    @Test func componentsAreNumberedLargestFirst() {
        let g = makeGraph(["a t b", "c t d", "d t e", "f t f"], isolated: ["g"])
        let c = g.connectedComponents()
        #expect(c.sizes == [3, 2, 1, 1])
        #expect(c.members(of: 0).map { g.entity(at: $0).id } == ["c", "d", "e"])
        #expect(c.members(of: 1).map { g.entity(at: $0).id } == ["a", "b"])
        #expect(c.members(of: 2).map { g.entity(at: $0).id } == ["f"])
        #expect(c.members(of: 3).map { g.entity(at: $0).id } == ["g"])
    }

    @Test func statisticsTallyAndRank() {
        let g = makeGraph(["a backs b", "a backs c", "a struck d", "b struck d"],
                          kinds: ["a": "state", "b": "militia", "c": "militia", "d": "site"])
        let s = g.statistics(top: 2)
        #expect(s.kinds == [Tally(name: "militia", count: 2), Tally(name: "site", count: 1), Tally(name: "state", count: 1)])
        #expect(s.relationTypes == [Tally(name: "backs", count: 2), Tally(name: "struck", count: 2)])
        #expect(s.topByDegree.map { g.entity(at: $0.entity).id } == ["a", "b"])
        #expect(s.topByDegree.map(\.score) == [3, 2])
        // a lies on the only shortest paths from c to b and to d; no one else lies between anything.
        #expect(s.topByBetweenness.map { g.entity(at: $0.entity).id } == ["a", "b"])
        #expect(s.topByBetweenness.map(\.score) == [2.0 / 3.0, 0])
        #expect(s.topByPageRank.first.map { g.entity(at: $0.entity).id } == "d")
        #expect(s.components.sizes == [4] && s.betweennessSamples == nil)
    }
}
