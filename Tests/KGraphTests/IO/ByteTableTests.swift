import Foundation
import Testing
@testable import KGraph

/// `ByteTable` numbers byte strings in insertion order and finds them again by their bytes: checked
/// against a dictionary, for strings of every length up to 40 bytes, alike in all but one byte,
/// one the start of another, through the table's growth and a reservation midway.
@Suite struct ByteTableTests {
    /// Strings of 0 to 40 bytes: random ones, and variants of a few that differ in one byte only
    /// (first, middle, last) or in length only.
    private func strings(seed: UInt64) -> [[UInt8]] {
        var rng = SplitMix64(seed: seed)
        var out: [[UInt8]] = [[]]
        for n in 0...40 {
            for _ in 0..<40 { out.append((0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }) }
            let base = (0..<n).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            out.append(base)
            for k in Set([0, n / 2, n - 1]) where n > 0 {
                var v = base
                v[k] ^= 1
                out.append(v)
            }
            out.append(base + [0])
        }
        return out
    }

    @Test(arguments: [1, 4096])
    func numbersInInsertionOrderFoundByTheirBytes(capacity: Int) {
        var table = ByteTable(capacity: capacity, seed: (7, 11))
        var model: [[UInt8]: Int32] = [:]
        let all = strings(seed: 3)
        for (k, s) in all.enumerated() {
            if k == all.count / 2 { table.reserveCapacity(all.count * 2) }
            let (index, inserted) = s.withUnsafeBufferPointer { table.insert($0) }
            if let known = model[s] {
                #expect(!inserted && index == known)
            } else {
                #expect(inserted && Int(index) == model.count)
                model[s] = index
            }
        }
        #expect(table.count == model.count)
        #expect(model.count > 1_700)
        for (s, index) in model {
            #expect(s.withUnsafeBufferPointer { table.find($0) } == index)
            let (again, inserted) = s.withUnsafeBufferPointer { table.insert($0) }
            #expect(again == index && !inserted)
        }
        // Each entry found in another table with the same strings inserted in reverse, by number.
        var reversed = ByteTable(seed: (5, 3))
        let byNumber = model.sorted { $0.value < $1.value }.map(\.key)
        for s in byNumber.reversed() { _ = s.withUnsafeBufferPointer { reversed.insert($0) } }
        #expect(table.numbers(in: reversed) == (0..<Int32(byNumber.count)).reversed())
        #expect(reversed.numbers(in: ByteTable()) == Array(repeating: -1, count: byNumber.count))
        // Strings it does not hold: each held one with a byte added, changed or dropped.
        for s in model.keys {
            for absent in [s + [0x7F], s.isEmpty ? [0x01] : Array(s.dropLast()) + [s.last! &+ 0x80]] where model[absent] == nil {
                #expect(absent.withUnsafeBufferPointer { table.find($0) } == nil)
            }
        }
    }

    @Test func stringsByTheirUTF8() {
        var table = ByteTable()
        let ids = ["", "a", "caf\u{E9}", "cafe\u{301}", "an-entity-id-longer-than-sixteen-bytes"]
        for (k, id) in ids.enumerated() {
            let (index, inserted) = table.insert(id)
            #expect(index == Int32(k) && inserted)
        }
        for (k, id) in ids.enumerated() { #expect(table.find(id) == Int32(k)) }
        #expect(table.find("cafe") == nil)
    }
}
