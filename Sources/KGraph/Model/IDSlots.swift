/// Numbers for ids held elsewhere: a seeded hash set of entries 0, 1, 2... in insertion order that
/// keeps no copy of any id, its caller saying what entry `e`'s id is. A graph already holds each
/// relation's id in the relation; `ByteTable`, which copies the bytes into an arena besides, took
/// 48 MB more at 1,000,000 relations read from a NetworkX file (renamed edge ids of about 40 bytes,
/// and an 8-byte offset each).
/// Two ids are the same when their UTF-8 bytes are (`IDKey`), not by String's canonical equivalence.
/// - Complexity: O(length) per lookup or insertion, amortised.
struct IDSlots: Sendable {
    /// `(entry + 1) << 32 | tag`, 0 for empty. The tag is 32 bits of the id's seeded hash and its
    /// low bits pick the slot a probe starts at, so growing moves entries without reading an id.
    private var slots: [UInt64]
    private var mask: Int
    private let seed: ByteTable.Seed
    /// The hash bits a tag keeps: all 32, except in tests that make every id collide.
    private let tagMask: UInt64
    /// Number of entries.
    private(set) var count = 0

    /// `seed`: tests pass their own; everything else uses the process's. `tagMask`: tests pass 0 to
    /// make every id's tag collide, so that only the bytes tell ids apart.
    init(capacity: Int = 8, seed: ByteTable.Seed = ByteTable.processSeed, tagMask: UInt64 = 0xFFFF_FFFF) {
        self.seed = seed
        self.tagMask = tagMask
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = Array(repeating: 0, count: n)
        mask = n - 1
    }

    /// The entry whose id is `id`; `idOf(e)` is entry `e`'s id.
    func find(_ id: String, idOf: (Int32) -> String) -> Int32? {
        Self.withBytes(id) { find(bytes: $0) { e in sameScalars(idOf(e), id) } }
    }

    /// The entry whose id is `id`, made the next entry when there is none; `idOf(e)` is entry
    /// `e`'s id for every entry already here.
    mutating func insert(_ id: String, idOf: (Int32) -> String) -> (index: Int32, inserted: Bool) {
        Self.withBytes(id) { insert(bytes: $0) { e in sameScalars(idOf(e), id) } }
    }

    /// Makes `id` entry `entry`, a number the caller chooses (say the index of the relation that
    /// will hold it), unless an entry already has that id: false then. Not to be mixed with
    /// `insert(_:idOf:)`, which numbers entries by their count.
    mutating func insert(_ id: String, as entry: Int32, idOf: (Int32) -> String) -> Bool {
        Self.withBytes(id) { insert(bytes: $0, as: entry) { e in sameScalars(idOf(e), id) } }
    }

    // The same by the id's UTF-8 bytes, `isID(e)` telling whether entry `e`'s id is them: for ids
    // held in a form that is not a String (`Relation.withIDBytes`).

    /// The entry whose id is `id`.
    func find(bytes id: UnsafeBufferPointer<UInt8>, isID: (Int32) -> Bool) -> Int32? {
        probe(tag: tag(id), isID: isID).entry
    }

    /// The entry whose id is `id`, made the next entry when there is none.
    mutating func insert(bytes id: UnsafeBufferPointer<UInt8>, isID: (Int32) -> Bool) -> (index: Int32, inserted: Bool) {
        let tag = tag(id)
        let (i, found) = probe(tag: tag, isID: isID)
        if let found { return (found, false) }
        let index = Int32(count)
        fill(i, entry: index, tag: tag)
        return (index, true)
    }

    /// Makes `id` entry `entry` unless an entry already has that id: false then.
    mutating func insert(bytes id: UnsafeBufferPointer<UInt8>, as entry: Int32, isID: (Int32) -> Bool) -> Bool {
        let tag = tag(id)
        let (i, found) = probe(tag: tag, isID: isID)
        if found != nil { return false }
        fill(i, entry: entry, tag: tag)
        return true
    }

    /// The slot holding the entry whose id has this tag and passes `isID`, or the empty slot where
    /// it would go.
    @inline(__always)
    private func probe(tag: UInt64, isID: (Int32) -> Bool) -> (slot: Int, entry: Int32?) {
        var i = Int(tag) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return (i, nil) }
            if slot & 0xFFFF_FFFF == tag {
                let e = Int32(truncatingIfNeeded: slot >> 32) - 1
                if isID(e) { return (i, e) }
            }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    private mutating func fill(_ i: Int, entry: Int32, tag: UInt64) {
        slots[i] = UInt64(entry + 1) << 32 | tag
        count += 1
        if count * 2 > slots.count { rehash(slots.count * 2) }
    }

    /// Makes room for `n` entries in all, so that reaching them rehashes nothing.
    mutating func reserveCapacity(_ n: Int) {
        var size = slots.count
        while size < n * 2 { size <<= 1 }
        if size > slots.count { rehash(size) }
    }

    private mutating func rehash(_ n: Int) {
        var fresh = [UInt64](repeating: 0, count: n)
        let m = n - 1
        for slot in slots where slot != 0 {
            var i = Int(slot & 0xFFFF_FFFF) & m
            while fresh[i] != 0 { i = (i + 1) & m }
            fresh[i] = slot
        }
        slots = fresh
        mask = m
    }

    @inline(__always)
    private func tag(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ByteTable.hash(id, seed: seed) >> 32 & tagMask
    }

    @inline(__always)
    private static func withBytes<R>(_ id: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        id.utf8.withContiguousStorageIfAvailable(body) ?? Array(id.utf8).withUnsafeBufferPointer(body)
    }
}
