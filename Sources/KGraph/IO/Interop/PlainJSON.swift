/// A cursor over JSON text for the plain shapes exports write: strings found eight bytes at a time
/// until an escape, decoded only when they hold one. Anything else makes its readers give up (nil),
/// for the general parser, which then decides (and reports) exactly as before.
struct PlainJSON {
    let p: UnsafePointer<UInt8>
    let n: Int
    var i = 0

    /// A string as it stands in the text: its bytes between the quotes, and whether they hold an
    /// escape (which `text` decodes; a string without one is its bytes).
    struct Token {
        let bytes: Range<Int>
        let escaped: Bool
        /// Whether every byte is ASCII (found in the same pass that finds the string's end).
        var ascii = true

        /// Unescaped ASCII: its bytes are its text, one byte a character.
        var plain: Bool { ascii && !escaped }
    }

    var atEnd: Bool { i == n }

    // Inlined, as `byte`: called a few times per value, each call cost more than its work.
    @inline(__always)
    mutating func space() {
        while i < n, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
    }

    /// Skips whitespace and `c`; false when something else comes.
    @inline(__always)
    mutating func byte(_ c: UInt8) -> Bool {
        space()
        guard i < n, p[i] == c else { return false }
        i += 1
        return true
    }

    /// Skips whitespace and the string `word` (its quotes, no escape), true; false, having moved
    /// past the whitespace only, when anything else comes. For keys a reader knows: a compare
    /// where `string` would look for the end.
    mutating func key(_ word: StaticString) -> Bool {
        space()
        let count = word.utf8CodeUnitCount
        guard i + count + 2 <= n, p[i] == UInt8(ascii: "\""), p[i + count + 1] == UInt8(ascii: "\""),
              sameBytes(UnsafeBufferPointer(start: p + i + 1, count: count), UnsafeBufferPointer(start: word.utf8Start, count: count))
        else { return false }
        i += count + 2
        return true
    }

    /// The next string (no control characters in it), or nil.
    mutating func string() -> Token? {
        space()
        guard i < n, p[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        let raw = UnsafeRawPointer(p)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // The high bits of the bytes passed: any set is a byte that is not ASCII. Gathered here,
        // where the words are loaded anyway: a second pass over the bytes cost readers that take
        // only ASCII (`InteropValues.plainCitations`) about 250 instructions a relation.
        var high: UInt64 = 0
        // A lane lacks the high bit where the byte is `"`, `\` or below 0x20 (non-ASCII bytes never).
        while i + 8 <= n {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
            let xl = x & low
            let stops = ((xl ^ 0x2222_2222_2222_2222) &+ low) & ((xl ^ 0x5C5C_5C5C_5C5C_5C5C) &+ low) & (xl &+ 0x6060_6060_6060_6060)
            let hits = ~(stops | x) & 0x8080_8080_8080_8080
            if hits != 0 {
                // Only the lanes before the first stop are the string's.
                high |= x & ((hits & (0 &- hits)) &- 1)
                i += hits.trailingZeroBitCount >> 3
                break
            }
            high |= x
            i += 8
        }
        // Past an escape, byte by byte (going back to eight at a time cost the usual string more
        // than it saved the escaped one); the escaped byte is checked when `text` decodes it.
        var escaped = false
        while i < n, p[i] != UInt8(ascii: "\"") {
            if p[i] < 0x20 { return nil }
            high |= UInt64(p[i])
            if p[i] == UInt8(ascii: "\\") { escaped = true; i += 1 }
            i += 1
        }
        guard i < n else { return nil }
        i += 1
        return Token(bytes: start..<(i - 1), escaped: escaped, ascii: high & 0x8080_8080_8080_8080 == 0)
    }

    /// True when the bytes of `t` are `word` (a string with an escape never is).
    func spells(_ t: Token, _ word: [UInt8]) -> Bool {
        let r = t.bytes
        return r.count == word.count
            && word.withUnsafeBufferPointer { sameBytes(UnsafeBufferPointer(start: p + r.lowerBound, count: r.count), $0) }
    }

    /// True when `a` and `b` are spelled with the same bytes (so they are the same text).
    func same(_ a: Token, _ b: Token) -> Bool {
        a.bytes.count == b.bytes.count
            && sameBytes(UnsafeBufferPointer(start: p + a.bytes.lowerBound, count: a.bytes.count),
                         UnsafeBufferPointer(start: p + b.bytes.lowerBound, count: b.bytes.count))
    }

    /// The text of `t`, its escapes decoded as `JSONParser` decodes them; nil for an escape it
    /// refuses (an unknown letter, a bad `\u`, a lone surrogate), which it then reports.
    func text(_ t: Token) -> String? {
        t.escaped ? decoded(t.bytes) : String(decoding: UnsafeBufferPointer(start: p + t.bytes.lowerBound, count: t.bytes.count), as: UTF8.self)
    }

    // Apart from `text`, so that the usual string without escapes pays nothing for them.
    @inline(never)
    private func decoded(_ r: Range<Int>) -> String? {
        // Four hex digits at `j`, or nil.
        func hex4(_ j: Int) -> UInt32? {
            guard j + 4 <= r.upperBound else { return nil }
            var v: UInt32 = 0
            for k in j..<(j + 4) {
                let c = p[k]
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(c - 48)
                case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt32(c - 87)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(c - 55)
                default: return nil
                }
            }
            return v
        }
        var failed = false
        // Decoded, a string is never longer than its escaped bytes (`\uXXXX` is six bytes for at
        // most three, a surrogate pair twelve for four).
        let s = String(unsafeUninitializedCapacity: r.count) { out -> Int in
            var w = 0
            var i = r.lowerBound
            while i < r.upperBound {
                let c = p[i]
                if c != UInt8(ascii: "\\") { out[w] = c; w += 1; i += 1; continue }
                // `string` put the escaped byte inside the range.
                let e = p[i + 1]
                i += 2
                var v: UInt32
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): v = UInt32(e)
                case UInt8(ascii: "b"): v = 0x08
                case UInt8(ascii: "f"): v = 0x0C
                case UInt8(ascii: "n"): v = 0x0A
                case UInt8(ascii: "r"): v = 0x0D
                case UInt8(ascii: "t"): v = 0x09
                case UInt8(ascii: "u"):
                    guard let u = hex4(i), !(0xDC00...0xDFFF).contains(u) else { failed = true; return 0 }
                    i += 4
                    v = u
                    if (0xD800...0xDBFF).contains(u) {
                        // A surrogate pair: the low half must follow at once.
                        guard i + 1 < r.upperBound, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u"),
                              let lo = hex4(i + 2), (0xDC00...0xDFFF).contains(lo) else { failed = true; return 0 }
                        i += 6
                        v = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                    }
                default:
                    failed = true
                    return 0
                }
                // UTF-8, as `XMLTokenizer.appendUTF8` writes it.
                switch v {
                case 0..<0x80:
                    out[w] = UInt8(v); w += 1
                case 0x80..<0x800:
                    out[w] = UInt8(0xC0 | (v >> 6)); out[w + 1] = UInt8(0x80 | (v & 0x3F)); w += 2
                case 0x800..<0x10000:
                    out[w] = UInt8(0xE0 | (v >> 12)); out[w + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[w + 2] = UInt8(0x80 | (v & 0x3F)); w += 3
                default:
                    out[w] = UInt8(0xF0 | (v >> 18)); out[w + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    out[w + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[w + 3] = UInt8(0x80 | (v & 0x3F)); w += 4
                }
            }
            return w
        }
        return failed ? nil : s
    }
}
