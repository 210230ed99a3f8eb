import Foundation
@testable import KGraph

/// A graph from one line per relation: `SOURCE TYPE TARGET [DATE] [low|medium|high] [srcN]`, e.g.
/// `"a backs b 2024-01 medium src2"`. Entities are made in order of first mention (kind from `kinds`,
/// else `thing`); `isolated` adds entities in no relation. Relation ids are `r0`, `r1`, ... in order.
func makeGraph(_ lines: [String], isolated: [String] = [], kinds: [String: String] = [:]) -> Graph {
    var g = Graph()
    func entity(_ id: String) {
        if g.index(ofEntity: id) == nil {
            _ = try! g.add(Entity(id: id, name: id.uppercased(), kind: kinds[id] ?? "thing", aliases: []))
        }
    }
    for (i, line) in lines.enumerated() {
        let words = line.split(separator: " ").map(String.init)
        precondition(words.count >= 3, "bad relation line '\(line)'")
        entity(words[0]); entity(words[2])
        var time: TimeSpan?
        var confidence = Confidence.high
        var sources = 1
        for w in words.dropFirst(3) {
            if let c = Confidence(rawValue: w) { confidence = c }
            else if w.hasPrefix("src") { sources = Int(w.dropFirst(3))! }
            else { time = try! TimeSpan.parse(w).get() }
        }
        let cites = (0..<sources).map { Citation(document: "d\($0)", quote: "quote \($0) for r\(i)") }
        _ = try! g.add(Relation(id: "r\(i)", source: words[0], type: words[1], target: words[2], time: time,
                                confidence: confidence, sources: cites))
    }
    for id in isolated { entity(id) }
    g.checkInvariants()
    return g
}

extension Graph {
    /// Entity index by id (traps when missing: tests name only what they built).
    func at(_ id: String) -> Int32 { index(ofEntity: id)! }

    /// Entity ids of a path.
    func ids(_ p: GraphPath) -> [String] { p.entities.map { entity(at: $0).id } }

    /// Relation ids of a path's hops.
    func relationIDs(_ p: GraphPath) -> [String] { p.hops.map { relation(at: $0.relation).id } }

    /// The shortest paths between entity ids.
    func paths(_ from: [String], _ to: [String], k: Int = 1, _ o: TraversalOptions = TraversalOptions()) -> [GraphPath] {
        shortestPaths(from: from.map(at), to: to.map(at), count: k, options: o)
    }
}

/// The library's SplitMix64, seeded so that every random case can be replayed from its seed.
func SeededRandom(seed: UInt64) -> SplitMix64 { SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 1) }
