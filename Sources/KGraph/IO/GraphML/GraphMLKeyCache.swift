/// The keys `<data>` elements named so far, by the bytes of the id (up to 16) and the domain: found
/// with a hash of two words and three compares, where `keyIndex`'s guess compares ids one key at a
/// time and `keyTable` hashes them byte by byte. A key declared later may change what an id
/// names: `declare` empties it.
struct GraphMLKeyCache {
    struct Entry {
        /// The id's first and last eight bytes (an id under eight bytes: its bytes, then zeros).
        var first: UInt64 = 0, last: UInt64 = 0
        /// The id's length and the domain's raw value, in one word; 0: empty.
        var tag = 0
        var key = 0
    }

    /// Open addressing, at most half full.
    private var entries = [Entry](repeating: Entry(), count: 64)
    private var count = 0

    /// The words and tag of an id, or nil when it is empty or over sixteen bytes. `readable`: how
    /// many bytes from its start may be loaded (a short id in the tokenizer's buffer is read as
    /// one word).
    @inline(__always)
    private static func probe(_ id: UnsafeBufferPointer<UInt8>, readable: Int, _ domain: GraphMLDomain) -> Entry? {
        let n = id.count
        guard n > 0 && n <= 16, let p = id.baseAddress else { return nil }
        let raw = UnsafeRawPointer(p)
        var first: UInt64 = 0, last: UInt64 = 0
        if n >= 8 {
            first = raw.loadUnaligned(as: UInt64.self)
            last = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        } else if readable >= 8 {
            first = raw.loadUnaligned(as: UInt64.self).littleEndian & (UInt64.max >> (64 - 8 * n))
        } else {
            var k = n
            while k > 0 { k -= 1; first = first << 8 | UInt64(p[k]) }
        }
        return Entry(first: first, last: last, tag: n << 2 | domain.rawValue, key: 0)
    }

    @inline(__always)
    private func home(_ e: Entry) -> Int {
        var h = e.first &* 0x9E37_79B9_7F4A_7C15 ^ e.last &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(e.tag)
        h ^= h >> 29
        h &*= 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> 40) & (entries.count - 1)
    }

    /// The key cached for the id in `domain`.
    @inline(__always)
    func find(_ id: UnsafeBufferPointer<UInt8>, readable: Int, _ domain: GraphMLDomain) -> Int? {
        guard let e = Self.probe(id, readable: readable, domain) else { return nil }
        var i = home(e)
        while true {
            let c = entries[i]
            if c.tag == e.tag && c.first == e.first && c.last == e.last { return c.key }
            if c.tag == 0 { return nil }
            i = (i + 1) & (entries.count - 1)
        }
    }

    /// Remembers that the id, which `find` did not know, names `key` in `domain`.
    mutating func add(_ id: UnsafeBufferPointer<UInt8>, _ domain: GraphMLDomain, key: Int) {
        guard var e = Self.probe(id, readable: 0, domain) else { return }
        e.key = key
        if 2 * (count + 1) > entries.count {
            let old = entries
            entries = [Entry](repeating: Entry(), count: 2 * old.count)
            count = 0
            for o in old where o.tag != 0 { place(o) }
        }
        place(e)
    }

    private mutating func place(_ e: Entry) {
        var i = home(e)
        while entries[i].tag != 0 { i = (i + 1) & (entries.count - 1) }
        entries[i] = e
        count += 1
    }

    mutating func removeAll() {
        guard count > 0 else { return }
        for i in entries.indices { entries[i] = Entry() }
        count = 0
    }
}
