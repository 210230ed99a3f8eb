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

    private mutating func escape(_ s: String, attribute: Bool) {
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "&"): raw("&amp;")
            case UInt8(ascii: "<"): raw("&lt;")
            case UInt8(ascii: ">"): raw("&gt;")
            case UInt8(ascii: "\"") where attribute: raw("&quot;")
            case 0x0D: raw("&#13;")
            case 0x0A where attribute: raw("&#10;")
            case 0x09 where attribute: raw("&#9;")
            case 0x09, 0x0A: bytes.append(u)
            case 0..<0x20: bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default: bytes.append(u)
            }
        }
        // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters either.
        if s.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            replaceNonCharacters()
        }
    }

    private mutating func replaceNonCharacters() {
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF) { bytes[i + 2] = 0xBD }
            i += 1
        }
    }

    /// `s` made a valid XML NMTOKEN (what GraphML requires of ids and attribute names): characters
    /// a name may not hold become `_`.
    static func nmtoken(_ s: String) -> String {
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
