import Foundation

/// Bytes of an XML document being written, with escaping for text and attribute values.
///
/// Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR; U+FFFE,
/// U+FFFF) are written as U+FFFD, the replacement character.
struct XMLOutput {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Hands the bytes written so far to `emit` and starts afresh (streaming writers call it
    /// between elements).
    mutating func drain(_ emit: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { emit($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Markup written as is.
    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Text content: `&`, `<` and `>` escaped, CR kept as a reference so it survives line-end normalisation.
    mutating func text(_ s: String) { escape(s, attribute: false) }

    /// An attribute value for a `"`-quoted attribute: also `"`, tab and line ends as references.
    mutating func attribute(_ s: String) { escape(s, attribute: true) }

    /// ` name="value"`.
    mutating func attribute(_ name: String, _ value: String) {
        raw(" " + name + "=\"")
        attribute(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `<name>text</name>`.
    mutating func element(_ name: String, text value: String) {
        raw("<" + name + ">")
        text(value)
        raw("</" + name + ">")
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), cr = Array("&#13;".utf8), lf = Array("&#10;".utf8)
    private static let tab = Array("&#9;".utf8), replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Whether a byte may need more than copying: `&`, `<`, `>`, `"`, C0 controls, and 0xEF (the
    /// lead byte of U+FFFE and U+FFFF).
    @inline(__always) private static func mayEscape(_ u: UInt8) -> Bool {
        u < 0x20 || u == 0x26 || u == 0x3C || u == 0x3E || u == 0x22 || u == 0xEF
    }

    private mutating func escape(_ s: String, attribute: Bool) {
        var s = s
        s.withUTF8 { src in
            // Most values need no escaping at all: one copy.
            guard src.contains(where: Self.mayEscape) else {
                bytes.append(contentsOf: src)
                return
            }
            let start = bytes.count
            var sawEF = false
            for u in src {
                switch u {
                case UInt8(ascii: "&"): bytes.append(contentsOf: Self.amp)
                case UInt8(ascii: "<"): bytes.append(contentsOf: Self.lt)
                case UInt8(ascii: ">"): bytes.append(contentsOf: Self.gt)
                case UInt8(ascii: "\""): if attribute { bytes.append(contentsOf: Self.quot) } else { bytes.append(u) }
                case 0x0D: bytes.append(contentsOf: Self.cr)
                case 0x0A where attribute: bytes.append(contentsOf: Self.lf)
                case 0x09 where attribute: bytes.append(contentsOf: Self.tab)
                case 0x09, 0x0A: bytes.append(u)
                case 0..<0x20: bytes.append(contentsOf: Self.replacement)
                case 0xEF: sawEF = true; bytes.append(u)
                default: bytes.append(u)
                }
            }
            // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters either.
            if sawEF { replaceNonCharacters(from: start) }
        }
    }

    private mutating func replaceNonCharacters(from start: Int) {
        var i = start
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF) { bytes[i + 2] = 0xBD }
            i += 1
        }
    }

    /// `s` as a JSON string literal (as `JSONText.quote` writes it), written as XML text: the same
    /// bytes as `text(JSONText.quote(s))`, without building the intermediate string.
    mutating func jsonStringText(_ s: String) {
        var s = s
        bytes.append(UInt8(ascii: "\""))
        s.withUTF8 { src in
            let start = bytes.count
            var sawEF = false
            var i = 0
            let n = src.count
            while i < n {
                let u = src[i]
                switch u {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(u)
                case UInt8(ascii: "\\"): bytes.append(u); bytes.append(u)
                case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(hex[Int(u >> 4)])
                    bytes.append(hex[Int(u & 15)])
                case UInt8(ascii: "&"): bytes.append(contentsOf: Self.amp)
                case UInt8(ascii: "<"): bytes.append(contentsOf: Self.lt)
                case UInt8(ascii: ">"): bytes.append(contentsOf: Self.gt)
                case 0xE2 where i + 2 < n && src[i + 1] == 0x80 && (src[i + 2] == 0xA8 || src[i + 2] == 0xA9):
                    // U+2028 and U+2029, escaped as JSONText.quote does.
                    bytes.append(contentsOf: Array((src[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                    i += 2
                case 0xEF: sawEF = true; bytes.append(u)
                default: bytes.append(u)
                }
                i += 1
            }
            if sawEF { replaceNonCharacters(from: start) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `s` made a valid XML NMTOKEN (what GraphML requires of ids and attribute names): characters
    /// a name may not hold become `_`.
    static func nmtoken(_ s: String) -> String {
        // ASCII letters, digits, '-', '.', ':' and '_' (nearly every id) are name characters already.
        if !s.isEmpty && s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x3A) || ($0 >= 0x41 && $0 <= 0x5A)
                                              || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }) {
            return s
        }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(isNameChar(u) ? u : "_") }
        return out.isEmpty ? "_" : String(out)
    }

    /// XML 1.0 (fifth edition) NameChar.
    static func isNameChar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x3A, 0x5F, 0xB7: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x37D, 0x37F...0x1FFF, 0x200C...0x200D, 0x203F...0x2040,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default: return false
        }
    }
}
