import Foundation
@testable import KGraph
import KGraphBenchGen
import Testing

/// Ids crafted against the readers' old unseeded id hash (issue 11, item 5): they must load in
/// linear time now. Probes are counted, not timed.
@Suite struct CollidingIDsTests {
    static let count = 80_000
    static let crafted = CollidingIDs.crafted(count: count)

    @Test func craftedIDsCollideUnderTheOldHash() {
        let ids = Self.crafted
        #expect(Set(ids).count == Self.count)
        // Every id starts probing at the same slot of the old table, whatever its size: inserting
        // them all there took 80,000 * 79,999 / 2 probes.
        #expect(ids.allSatisfy { CollidingIDs.oldHash(Array($0.utf8)) >> 32 == CollidingIDs.sharedHighBits })
        #expect(ids.allSatisfy { $0.utf8.count == 8 && $0.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7E } })
    }

    @Test func theSeededTableProbesLinearly() {
        func probes(_ ids: [String]) -> Int {
            var table = ByteTable(capacity: 1024)
            for id in ids {
                let inserted = Array(id.utf8).withUnsafeBufferPointer { table.insert($0).inserted }
                #expect(inserted)
            }
            return table.probes
        }
        let crafted = probes(Self.crafted), plain = probes(CollidingIDs.plain(count: Self.count))
        // At most half full, linear probing takes about 1.5 probes per insertion on average.
        #expect(crafted < 3 * Self.count, "crafted ids: \(crafted) probes")
        #expect(plain < 3 * Self.count, "plain ids: \(plain) probes")
    }

    @Test func aFileOfCraftedIDsLoads() throws {
        let text = CollidingIDs.graphML(Self.crafted)
        var diagnostics: [Diagnostic] = []
        let fragment = GraphMLReader.read(.bytes(Data(text.utf8)), file: "crafted.graphml", diagnostics: &diagnostics)
        let graph = GraphAssembler.assemble([fragment], diagnostics: &diagnostics)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.prefix(3))")
        #expect(graph.entityCount == Self.count)
        #expect(graph.relationCount == Self.count - 1)
        #expect(graph.index(ofEntity: Self.crafted[Self.count - 1]) == Int32(Self.count - 1))
    }
}
