import Foundation

/// An open-addressing hash set of byte strings, numbering them 0, 1, 2... in insertion order, so
/// readers can look up ids straight from their input buffer without building a String first.
/// - Complexity: O(length) per lookup or insertion, amortised.
struct ByteTable {
    private var slots: [Int32]
    private var mask: Int
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []

    /// Number of distinct byte strings inserted.
    var count: Int { hashes.count }

    init(capacity: Int = 64) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = Array(repeating: -1, count: n)
        mask = n - 1
    }

    /// The number of `bytes`, if present.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(bytes)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 { return nil }
            if hashes[Int(s)] == h && equal(Int(s), bytes) { return s }
            i = (i + 1) & mask
        }
    }

    /// The number of `bytes`, inserting them when absent.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int32, inserted: Bool) {
        let h = Self.hash(bytes)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 { break }
            if hashes[Int(s)] == h && equal(Int(s), bytes) { return (s, false) }
            i = (i + 1) & mask
        }
        let index = Int32(hashes.count)
        slots[i] = index
        hashes.append(h)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        if hashes.count * 2 > slots.count { grow() }
        return (index, true)
    }

    /// The bytes of entry `i`.
    func bytes(_ i: Int32) -> ArraySlice<UInt8> { arena[starts[Int(i)]..<starts[Int(i) + 1]] }

    private func equal(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = starts[entry], n = starts[entry + 1] - s
        guard n == bytes.count else { return false }
        if n == 0 { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + s, bytes.baseAddress!, n) == 0 }
    }

    private mutating func grow() {
        let n = slots.count * 2
        slots = Array(repeating: -1, count: n)
        mask = n - 1
        for (e, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(e)
        }
    }

    /// A fast 64-bit hash, eight bytes at a time (short tails by overlapping loads).
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = b.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard let base = b.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        let rest = n - i
        var tail: UInt64
        if rest == 0 {
            tail = 0
        } else if n >= 8 {
            tail = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        } else if rest >= 4 {
            tail = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) << 32
                | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
        } else {
            tail = UInt64(base[0]) << 16 | UInt64(base[rest >> 1]) << 8 | UInt64(base[rest - 1])
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return h
    }
}
