/// A cursor over JSON text for the plain shapes exports write: strings without escapes, found
/// eight bytes at a time. Anything else makes its readers give up (nil), for the general parser.
struct PlainJSON {
    let p: UnsafePointer<UInt8>
    let n: Int
    var i = 0

    var atEnd: Bool { i == n }

    mutating func space() {
        while i < n, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
    }

    /// Skips whitespace and `c`; false when something else comes.
    mutating func byte(_ c: UInt8) -> Bool {
        space()
        guard i < n, p[i] == c else { return false }
        i += 1
        return true
    }

    /// The bytes of a string without escapes or control characters (offsets into the text), or nil.
    mutating func string() -> Range<Int>? {
        space()
        guard i < n, p[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        let raw = UnsafeRawPointer(p)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // A lane lacks the high bit where the byte is `"`, `\` or below 0x20 (non-ASCII bytes never).
        while i + 8 <= n {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
            let xl = x & low
            let stops = ((xl ^ 0x2222_2222_2222_2222) &+ low) & ((xl ^ 0x5C5C_5C5C_5C5C_5C5C) &+ low) & (xl &+ 0x6060_6060_6060_6060)
            let hits = ~(stops | x) & 0x8080_8080_8080_8080
            if hits != 0 { i += hits.trailingZeroBitCount >> 3; break }
            i += 8
        }
        while i < n, p[i] != UInt8(ascii: "\""), p[i] != UInt8(ascii: "\\") {
            if p[i] < 0x20 { return nil }
            i += 1
        }
        // Escapes: the general path decides.
        guard i < n, p[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        return start..<(i - 1)
    }

    /// True when the bytes of `r` are `word`.
    func spells(_ r: Range<Int>, _ word: [UInt8]) -> Bool {
        r.count == word.count && word.withUnsafeBufferPointer { sameBytes(UnsafeBufferPointer(start: p + r.lowerBound, count: r.count), $0) }
    }

    /// True when the bytes of `a` and `b` are the same.
    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && sameBytes(UnsafeBufferPointer(start: p + a.lowerBound, count: a.count),
                                        UnsafeBufferPointer(start: p + b.lowerBound, count: b.count))
    }

    func text(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: p + r.lowerBound, count: r.count), as: UTF8.self)
    }
}
