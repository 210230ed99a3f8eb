import Foundation

/// An open-addressing hash set of byte strings, numbering them 0, 1, 2... in insertion order, so
/// readers can look up ids straight from their input buffer without building a String first.
///
/// A slot packs the entry number with 32 bits of the hash, so a probe that meets another string
/// rarely has to look at that string's bytes; entries are kept back to back in one arena.
///
/// The bytes come from files, so the hash is keyed with a random seed drawn once per process:
/// ids crafted to collide under one run's hash do not collide under the next one's (a fixed hash
/// let 80,000 crafted node ids take quadratic time; see `probes`).
/// - Complexity: O(length) per lookup or insertion, amortised.
struct ByteTable {
    /// The seed of every table's hash in this process.
    static let processSeed: Seed = (.random(in: .min ... .max), .random(in: .min ... .max))
    /// `(entry + 1) << 32 | hash & 0xFFFF_FFFF`; 0 is empty.
    private var slots: [UInt64]
    private var mask: Int
    private var arena: [UInt8] = []
    /// Start of each entry in `arena`, plus the end of the last.
    private var starts: [Int] = [0]
    private let seed: Seed
    /// Slots looked at by insertions so far (a hostile-input test checks this stays linear).
    private(set) var probes = 0

    /// Number of distinct byte strings inserted.
    var count: Int { starts.count - 1 }

    /// `seed`: tests pass their own; everything else uses the process's.
    init(capacity: Int = 64, seed: Seed = ByteTable.processSeed) {
        self.seed = seed
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = Array(repeating: 0, count: n)
        mask = n - 1
    }

    /// The number of `bytes`, if present.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(bytes, seed: seed)
        let tag = h & 0xFFFF_FFFF
        var i = Int(truncatingIfNeeded: h >> 32) & mask
        return slots.withUnsafeBufferPointer { s in
            while true {
                let slot = s[i]
                if slot == 0 { return nil }
                if slot & 0xFFFF_FFFF == tag {
                    let e = Int32(truncatingIfNeeded: slot >> 32) - 1
                    if equal(Int(e), bytes) { return e }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// The number of `bytes`, inserting them when absent.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int32, inserted: Bool) {
        let h = Self.hash(bytes, seed: seed)
        let tag = h & 0xFFFF_FFFF
        var i = Int(truncatingIfNeeded: h >> 32) & mask
        while true {
            probes &+= 1
            let slot = slots[i]
            if slot == 0 { break }
            if slot & 0xFFFF_FFFF == tag {
                let e = Int32(truncatingIfNeeded: slot >> 32) - 1
                if equal(Int(e), bytes) { return (e, false) }
            }
            i = (i + 1) & mask
        }
        let index = Int32(count)
        slots[i] = UInt64(index + 1) << 32 | tag
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        if count * 2 > slots.count { grow() }
        return (index, true)
    }

    /// The bytes of entry `i`.
    func bytes(_ i: Int32) -> ArraySlice<UInt8> { arena[starts[Int(i)]..<starts[Int(i) + 1]] }

    /// Calls `body` with the bytes of entry `i`.
    func withBytes<R>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let s = starts[Int(i)], e = starts[Int(i) + 1]
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }

    @inline(__always) private func equal(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = starts[entry], n = starts[entry + 1] - s
        guard n == bytes.count else { return false }
        if n == 0 { return true }
        return arena.withUnsafeBufferPointer { a in
            // Ids are short: compare eight bytes at a time in place of a call to memcmp.
            let x = UnsafeRawPointer(a.baseAddress! + s), y = UnsafeRawPointer(bytes.baseAddress!)
            var i = 0
            while i + 8 <= n {
                if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i += 8
            }
            // The last few bytes as the eight that end the string, when it has eight; a shorter
            // one as two overlapping runs of four, when it has four (ids of 4 to 7 bytes, common).
            if i == n { return true }
            if n >= 8 {
                return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            }
            if n >= 4 {
                return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                    && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            }
            while i < n {
                if x.load(fromByteOffset: i, as: UInt8.self) != y.load(fromByteOffset: i, as: UInt8.self) { return false }
                i += 1
            }
            return true
        }
    }

    /// Makes room for `n` entries in all, so that reaching them rehashes nothing.
    mutating func reserveCapacity(_ n: Int) {
        starts.reserveCapacity(n + 1)
        var size = slots.count
        while size < n * 2 { size <<= 1 }
        if size > slots.count { rehash(size) }
    }

    private mutating func grow() { rehash(slots.count * 2) }

    private mutating func rehash(_ n: Int) {
        var fresh = [UInt64](repeating: 0, count: n)
        let m = n - 1
        for e in 0..<count {
            let h = arena.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[starts[e]..<starts[e + 1]]), seed: seed)
            }
            var i = Int(truncatingIfNeeded: h >> 32) & m
            while fresh[i] != 0 { i = (i + 1) & m }
            fresh[i] = UInt64(e + 1) << 32 | (h & 0xFFFF_FFFF)
        }
        slots = fresh
        mask = m
    }

    /// Two random words, drawn once per process, that key every table's hash.
    typealias Seed = (UInt64, UInt64)

    /// A fast 64-bit hash keyed by `seed`, eight bytes at a time (short tails by overlapping
    /// loads). Each round multiplies the next word, masked by the seed, by the state, to 128 bits,
    /// and folds the halves (as wyhash does): which inputs collide depends on the seed, so they
    /// cannot be crafted from the outside. Swift's `Hasher` (SipHash) would do it too, but takes
    /// about 220 instructions per short id against 42 (callgrind), a big share of a GraphML load.
    static func hash(_ b: UnsafeBufferPointer<UInt8>, seed: Seed) -> UInt64 {
        let n = b.count
        var h = seed.0 ^ UInt64(n)
        guard let base = b.baseAddress else { return fold(h, 0x5899_65CC_7537_4CC3) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = fold(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ seed.1, h ^ 0xE703_7ED1_A0B4_28DB)
            i += 8
        }
        let rest = n - i
        if rest > 0 {
            let tail: UInt64
            if n >= 8 {
                tail = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if rest >= 4 {
                tail = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) << 32
                    | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            } else {
                tail = UInt64(base[0]) << 16 | UInt64(base[rest >> 1]) << 8 | UInt64(base[rest - 1])
            }
            h = fold(tail ^ seed.1, h ^ 0x8EBC_6AF0_9C88_C6E3)
        }
        return fold(h, 0x5899_65CC_7537_4CC3)
    }

    /// The 128-bit product of `a` and `b`, its halves combined.
    @inline(__always) private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let p = a.multipliedFullWidth(by: b)
        return p.high ^ p.low
    }
}

extension ByteTable {
    /// The number of `id`'s UTF-8 bytes, if present.
    func find(_ id: String) -> Int32? { Self.withUTF8(id) { find($0) } }

    /// The number of `id`'s UTF-8 bytes, inserting them when absent.
    mutating func insert(_ id: String) -> (index: Int32, inserted: Bool) { Self.withUTF8(id) { insert($0) } }

    private static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }
}
