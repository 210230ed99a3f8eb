import Foundation

/// Node ids crafted to collide in the readers' byte-keyed id table as it was before its hash took
/// a per-process seed (commit b070c14), and plain ids to compare them with: a GraphML file of the
/// first made every insertion walk all the ids before it (quadratic time). The benchmark loads
/// both files; a test checks that the table's probe count now stays linear.
public enum CollidingIDs {
    /// Bits 32...63 of the old hash: the slot an id starts probing from, at every table size.
    public static let sharedHighBits: UInt64 = 0x4B47_5241

    /// `count` distinct 8-byte printable ASCII ids whose old hashes all share `sharedHighBits`.
    /// Each is the old hash run backwards from a chosen value (every step of it is invertible for
    /// an 8-byte input); values whose id has a byte outside `!`...`~` are skipped.
    public static func crafted(count: Int) -> [String] {
        var ids: [String] = []
        ids.reserveCapacity(count)
        var low: UInt64 = 0
        while ids.count < count {
            let word = preimage(of: sharedHighBits << 32 | low)
            low += 1
            // About one value in 3,000 qualifies; most fail at the first byte.
            var k = 0
            while k < 64 {
                let b = word >> k & 0xFF
                guard b >= 0x21 && b <= 0x7E else { break }
                k += 8
            }
            if k == 64 { ids.append(String(decoding: (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }, as: UTF8.self)) }
        }
        return ids
    }

    /// `count` ordinary ids of about the same length.
    public static func plain(count: Int) -> [String] { (0..<count).map { "n" + String($0 + 1_000_000) } }

    /// A GraphML file declaring `ids` as nodes, with an edge from each to the next.
    public static func graphML(_ ids: [String]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph edgedefault=\"directed\">\n"
        for id in ids { out += "<node id=\"" + escaped(id) + "\"/>\n" }
        for k in ids.indices.dropLast() {
            out += "<edge id=\"e\(k)\" source=\"" + escaped(ids[k]) + "\" target=\"" + escaped(ids[k + 1]) + "\"/>\n"
        }
        return out + "</graph>\n</graphml>\n"
    }

    /// The readers' id hash at commit b070c14 (`ByteTable.hash`, unseeded), as it was.
    public static func oldHash(_ bytes: [UInt8]) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        func word(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
        func half(_ at: Int) -> UInt64 { (0..<4).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
        var i = 0
        while i + 8 <= n {
            h = (h ^ word(i)) &* k1
            h ^= h >> 32
            i += 8
        }
        let rest = n - i
        let tail: UInt64
        if rest == 0 {
            tail = 0
        } else if n >= 8 {
            tail = word(n - 8)
        } else if rest >= 4 {
            tail = half(0) << 32 | half(n - 4)
        } else {
            tail = UInt64(bytes[0]) << 16 | UInt64(bytes[rest >> 1]) << 8 | UInt64(bytes[rest - 1])
        }
        h = (h ^ tail) &* k2
        h ^= h >> 29
        return h &* k3
    }

    private static let k1: UInt64 = 0xFF51_AFD7_ED55_8CCD
    private static let k2: UInt64 = 0xC4CE_B9FE_1A85_EC53
    private static let k3: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let inverses = (inverse(k1), inverse(k2), inverse(k3))

    /// The 8-byte input (as a little-endian word) whose old hash is `hash`.
    private static func preimage(of hash: UInt64) -> UInt64 {
        let (i1, i2, i3) = inverses
        var y = hash &* i3
        y ^= y >> 29 ^ y >> 58
        y = y &* i2
        y ^= y >> 32
        return y &* i1 ^ (0x9E37_79B9_7F4A_7C15 ^ 8)
    }

    /// The multiplicative inverse of an odd number modulo 2^64 (Newton's iteration).
    private static func inverse(_ a: UInt64) -> UInt64 {
        var x = a
        for _ in 0..<5 { x = x &* (2 &- a &* x) }
        return x
    }

    private static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
