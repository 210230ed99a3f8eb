import Foundation

// References: the five predefined entities and character references (&#...;), the only ones
// kgraph accepts (no DTD is read), checked while scanning and decoded on demand.
extension XMLTokenizer {
    /// The offset after a valid reference at `i` (`&...;` ending before `limit`), or nil.
    static func referenceEnd(_ b: UnsafeMutablePointer<UInt8>, at i: Int, limit: Int) -> Int? {
        var j = i + 1
        while j < limit && j - i <= 40 && b[j] != UInt8(ascii: ";") { j += 1 }
        guard j < limit, b[j] == UInt8(ascii: ";"), j > i + 1 else { return nil }
        let ref = Span(start: i + 1, end: j)
        if b[i + 1] == UInt8(ascii: "#") {
            guard characterReference(b, ref) != nil else { return nil }
        } else if predefinedEntity(b, ref) == nil {
            return nil
        }
        return j + 1
    }

    /// Checks the reference at `i` (`&...;`) and returns the offset after it.
    func checkReference(at i: Int, limit: Int) throws(Scan) -> Int {
        var j = i + 1
        while j < limit && j - i <= 40 && buf[j] != UInt8(ascii: ";") { j += 1 }
        guard j < limit, buf[j] == UInt8(ascii: ";"), j > i + 1 else {
            throw fault("'&' must start a reference such as &amp; (write a literal '&' as &amp;)", at: i)
        }
        let ref = Span(start: i + 1, end: j)
        if buf[i + 1] == UInt8(ascii: "#") {
            guard Self.characterReference(buf, ref) != nil else {
                throw fault("'&\(String(decoding: bytes(ref), as: UTF8.self));' is not a reference to a character XML allows", at: i)
            }
        } else if Self.predefinedEntity(buf, ref) == nil {
            throw fault("undefined entity '&\(String(decoding: bytes(ref), as: UTF8.self));': kgraph reads no DTD, so only "
                        + "&lt; &gt; &amp; &apos; &quot; and character references (&#...;) are defined", at: i)
        }
        return j + 1
    }

    /// The scalar a character reference (`#65`, `#x41`, without `&` and `;`) stands for, if XML allows it.
    static func characterReference(_ p: UnsafeMutablePointer<UInt8>, _ s: Span) -> UInt32? {
        var i = s.start + 1
        var radix: UInt32 = 10
        if i < s.end && p[i] == UInt8(ascii: "x") { radix = 16; i += 1 }
        guard i < s.end, s.end - i <= 8 else { return nil }
        var v: UInt32 = 0
        while i < s.end {
            let c = p[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: d = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v * radix + d
            i += 1
        }
        switch v {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return v
        default: return nil
        }
    }

    /// The byte one of the five predefined entities stands for.
    static func predefinedEntity(_ p: UnsafeMutablePointer<UInt8>, _ s: Span) -> UInt8? {
        func eq(_ lit: StaticString) -> Bool {
            s.count == lit.utf8CodeUnitCount && memcmp(p + s.start, lit.utf8Start, s.count) == 0
        }
        if eq("lt") { return UInt8(ascii: "<") }
        if eq("gt") { return UInt8(ascii: ">") }
        if eq("amp") { return UInt8(ascii: "&") }
        if eq("apos") { return UInt8(ascii: "'") }
        if eq("quot") { return UInt8(ascii: "\"") }
        return nil
    }

    /// Appends a scalar's UTF-8 bytes.
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
