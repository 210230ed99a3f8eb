import Foundation

// Names and whitespace: which bytes start and continue an XML name, and scanning them.
extension XMLTokenizer {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
    }

    @inline(__always) static func isNameStart(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: ":") || b >= 0x80
    }

    @inline(__always) static func isNameChar(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
            || b == UInt8(ascii: ".")
    }

    /// Scans a name at `p`; returns its end.
    @inline(__always) func scanName(at p: Int, what: String) throws(Scan) -> Int {
        guard p < usable else { throw .needMore }
        guard Self.isNameStart(buf[p]) else {
            throw fault("expected \(what), found " + describeByte(at: p), at: p)
        }
        var q = p + 1
        while q < usable && Self.isNameChar(buf[q]) { q += 1 }
        if q >= usable { throw .needMore }
        return q
    }

    func describeByte(at p: Int) -> String {
        let b = buf[p]
        if Self.isSpace(b) { return "whitespace" }
        if b < 0x80 { return "'" + String(UnicodeScalar(b)) + "'" }
        return "a non-ASCII character"
    }

    /// The offset after the name characters from `p` (letters first: most names are all letters).
    @inline(__always)
    static func nameCharsEnd(_ b: UnsafeMutablePointer<UInt8>, from p: Int, usable u: Int) -> Int {
        var p = p
        while p < u {
            let c = b[p]
            if (c | 0x20) &- UInt8(ascii: "a") < 26 || isNameChar(c) { p += 1 } else { break }
        }
        return p
    }

    /// The offset after the whitespace from `k` (else `u`), eight bytes at a time. Validated bytes
    /// (before `usable`) below 0x20 are only tab, LF and CR, so whitespace is exactly `<= 0x20`.
    @inline(__always)
    static func spacesEnd(_ b: UnsafeMutablePointer<UInt8>, from k: Int, usable u: Int) -> Int {
        var k = k
        let raw = UnsafeRawPointer(b)
        while k &+ 8 <= u {
            let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self).littleEndian
            // A lane gets its high bit from a byte above 0x20, ASCII or not.
            let other = (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5F5F_5F5F_5F5F_5F5F) | x) & 0x8080_8080_8080_8080
            if other != 0 { return k &+ other.trailingZeroBitCount >> 3 }
            k &+= 8
        }
        while k < u && isSpace(b[k]) { k &+= 1 }
        return k
    }
}
