import Foundation

/// An open-addressing hash set of byte strings, numbering them 0, 1, 2... in insertion order, so
/// readers can look up ids straight from their input buffer without building a String first.
///
/// A slot packs where its entry sits in the arena with 32 bits of the hash, so a probe that meets
/// another string rarely has to look at that string's bytes, and one that finds its string reads
/// one more place only: the entry, its number and length in the word before its bytes. (With the
/// entry's number in the slot and its place in an array of its own, a lookup in a table too big
/// for the processor's caches missed them three times, not two: 10.9 % of a 1,000,000-relation
/// GraphML load went to the node-id lookups, perf.)
///
/// The bytes come from files, so the hash is keyed with a random seed drawn once per process:
/// ids crafted to collide under one run's hash do not collide under the next one's (a fixed hash
/// let 80,000 crafted node ids take quadratic time; see `probes`).
/// - Complexity: O(length) per lookup or insertion, amortised.
struct ByteTable {
    /// The seed of every table's hash in this process.
    static let processSeed: Seed = (.random(in: .min ... .max), .random(in: .min ... .max))
    /// `(word + 1) << 32 | hash & 0xFFFF_FFFF`, `word` the entry's place in `arena`; 0 is empty.
    private var slots: [UInt64]
    private var mask: Int
    /// The entries back to back, each a word holding its number (low half) and its length (high
    /// half), then its bytes, zero-filled to a whole word. In words, so a place fits 32 bits for
    /// 32 GB of entries (inputs are at most `Limits.fileBytes`). Walked in order, never by number.
    private var arena: [UInt64] = []
    /// Number of distinct byte strings inserted.
    private(set) var count = 0
    private let seed: Seed
    /// Slots looked at by insertions so far (a hostile-input test checks this stays linear).
    private(set) var probes = 0

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
            arena.withUnsafeBufferPointer { a in
                while true {
                    let slot = s[i]
                    if slot == 0 { return nil }
                    if slot & 0xFFFF_FFFF == tag, let e = Self.entry(at: Int(slot >> 32) - 1, in: a, is: bytes) { return e }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// The number of `bytes`, inserting them when absent.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int32, inserted: Bool) {
        let h = Self.hash(bytes, seed: seed)
        let tag = h & 0xFFFF_FFFF
        var i = Int(truncatingIfNeeded: h >> 32) & mask
        var looked = 0
        defer { probes &+= looked }
        let found: Int32? = slots.withUnsafeBufferPointer { s in
            arena.withUnsafeBufferPointer { a in
                while true {
                    looked &+= 1
                    let slot = s[i]
                    if slot == 0 { return nil }
                    if slot & 0xFFFF_FFFF == tag, let e = Self.entry(at: Int(slot >> 32) - 1, in: a, is: bytes) { return e }
                    i = (i + 1) & mask
                }
            }
        }
        if let found { return (found, false) }
        let index = Int32(count)
        let word = arena.count
        precondition(word < Int(UInt32.max), "ByteTable: more than 32 GB of entries")
        slots[i] = UInt64(word + 1) << 32 | tag
        count += 1
        append(bytes, as: index)
        if count * 2 > slots.count { grow() }
        return (index, true)
    }

    /// Appends an entry to `arena`: its header word, then its bytes in whole words.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, as index: Int32) {
        let n = bytes.count, words = (n + 7) >> 3
        arena.append(UInt64(n) << 32 | UInt64(UInt32(bitPattern: index)))
        guard words > 0 else { return }
        let at = arena.count
        arena.append(contentsOf: repeatElement(0, count: words))
        arena.withUnsafeMutableBufferPointer { a in
            UnsafeMutableRawPointer(a.baseAddress! + at).copyMemory(from: bytes.baseAddress!, byteCount: n)
        }
    }

    /// The number in `other` of each entry, in order (-1: absent there).
    func numbers(in other: ByteTable) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(count)
        forEachEntry { _, bytes in out.append(other.find(bytes) ?? -1) }
        return out
    }

    /// Calls `body` with the word of each entry in `arena`, in order, and its bytes.
    private func forEachEntry(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        arena.withUnsafeBufferPointer { a in
            var word = 0
            while word < a.count {
                let n = Int(a[word] >> 32)
                body(word, UnsafeBufferPointer(start: UnsafeRawPointer(a.baseAddress! + word + 1).assumingMemoryBound(to: UInt8.self), count: n))
                word += 1 + (n + 7) >> 3
            }
        }
    }

    /// The number of the entry at `word` in `arena` when its bytes are `bytes`.
    @inline(__always)
    private static func entry(at word: Int, in arena: UnsafeBufferPointer<UInt64>, is bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let header = arena[word]
        let n = Int(header >> 32)
        guard n == bytes.count else { return nil }
        return equal(UnsafeRawPointer(arena.baseAddress! + word + 1), bytes) ? Int32(truncatingIfNeeded: header) : nil
    }

    /// Whether the `bytes.count` bytes at `x` are `bytes`.
    @inline(__always) private static func equal(_ x: UnsafeRawPointer, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        if n == 0 { return true }
        // Ids are short: compare eight bytes at a time in place of a call to memcmp.
        let y = UnsafeRawPointer(bytes.baseAddress!)
        var i = 0
        while i + 8 <= n {
            if x.load(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        // The last few bytes as the eight that end the string, when it has eight; a shorter
        // one as two overlapping runs of four, when it has four (ids of 4 to 7 bytes, common).
        if i == n { return true }
        if n >= 8 {
            return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        if n >= 4 {
            return x.load(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        }
        while i < n {
            if x.load(fromByteOffset: i, as: UInt8.self) != y.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    /// Makes room for `n` entries in all, so that reaching them rehashes nothing.
    mutating func reserveCapacity(_ n: Int) {
        // The arena too, by the entries so far (two words each when none yet): copied as it grew,
        // it was held twice for a moment.
        arena.reserveCapacity(n * (count > 0 ? (arena.count + count - 1) / count : 2))
        var size = slots.count
        while size < n * 2 { size <<= 1 }
        if size > slots.count { rehash(size) }
    }

    private mutating func grow() { rehash(slots.count * 2) }

    private mutating func rehash(_ n: Int) {
        var fresh = [UInt64](repeating: 0, count: n)
        let m = n - 1
        forEachEntry { word, bytes in
            let h = Self.hash(bytes, seed: seed)
            var i = Int(truncatingIfNeeded: h >> 32) & m
            while fresh[i] != 0 { i = (i + 1) & m }
            fresh[i] = UInt64(word + 1) << 32 | (h & 0xFFFF_FFFF)
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
