import Foundation

// The current token's bytes as the parser reads them: spans as bytes, names and strings, an
// attribute by name, and text decoded (references, line ends, attribute whitespace).
extension XMLTokenizer {
    /// The bytes of a span.
    func bytes(_ s: Span) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buf + s.start, count: s.count)
    }

    /// True when the span holds exactly `literal` (ASCII).
    @inline(__always) func equals(_ s: Span, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard s.count == n else { return false }
        let l = literal.utf8Start
        var i = 0
        while i < n {
            if buf[s.start + i] != l[i] { return false }
            i += 1
        }
        return true
    }

    /// The local part of a name (`ShapeNode` for `y:ShapeNode`).
    func localName(_ s: Span) -> Span {
        var i = s.end - 1
        while i >= s.start { if buf[i] == UInt8(ascii: ":") { return Span(start: i + 1, end: s.end) }; i -= 1 }
        return s
    }

    /// True when the name has a namespace prefix.
    func hasPrefix(_ s: Span) -> Bool { memchr(buf + s.start, Int32(UInt8(ascii: ":")), s.count) != nil }

    /// The value of the current start tag's attribute `name`, if present.
    @inline(__always) func attribute(_ name: StaticString) -> Attribute? {
        let n = name.utf8CodeUnitCount, l = name.utf8Start, b = buf
        var i = 0
        while i < attributeCount {
            let a = attributeBuffer[i]
            if a.name.end - a.name.start == n {
                var k = 0
                while k < n && b[a.name.start + k] == l[k] { k += 1 }
                if k == n { return a }
            }
            i += 1
        }
        return nil
    }

    /// The text of a span as a String, decoded when needed (references, line ends, and for
    /// attributes the whitespace normalisation of XML 1.0 §3.3.3).
    func string(_ s: Span, decoding: Bool, attribute: Bool = false, cdata: Bool = false) -> String {
        if !decoding { return String(decoding: bytes(s), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        appendDecoded(s, attribute: attribute, cdata: cdata, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The string of an attribute's value.
    func string(_ a: Attribute) -> String { string(a.value, decoding: a.needsDecoding, attribute: true) }

    /// The current text token as a String.
    func textString() -> String { string(text, decoding: textNeedsDecoding, attribute: false, cdata: textIsCDATA) }

    /// Appends the current text token's decoded bytes.
    func appendText(to out: inout [UInt8]) {
        if textNeedsDecoding {
            appendDecoded(text, attribute: false, cdata: textIsCDATA, to: &out)
        } else {
            out.append(contentsOf: bytes(text))
        }
    }

    /// Appends the decoded bytes of a span. CDATA sections only have their line ends normalised.
    func appendDecoded(_ s: Span, attribute: Bool, cdata: Bool = false, to out: inout [UInt8]) {
        var i = s.start
        let end = s.end
        while i < end {
            // Copy the run of ordinary bytes in one go.
            var j = i
            if attribute {
                while j < end, buf[j] >= 0x20, buf[j] != UInt8(ascii: "&") { j += 1 }
            } else if cdata {
                while j < end, buf[j] != 0x0D { j += 1 }
            } else {
                while j < end, buf[j] != UInt8(ascii: "&"), buf[j] != 0x0D { j += 1 }
            }
            if j > i { out.append(contentsOf: UnsafeBufferPointer(start: buf + i, count: j - i)) }
            i = j
            guard i < end else { break }
            let b = buf[i]
            switch b {
            case UInt8(ascii: "\r"):
                out.append(attribute ? 0x20 : 0x0A)
                i += (i + 1 < end && buf[i + 1] == 0x0A) ? 2 : 1
            case UInt8(ascii: "&"):
                // Already validated while scanning.
                var k = i + 1
                while buf[k] != UInt8(ascii: ";") { k += 1 }
                let ref = Span(start: i + 1, end: k)
                if buf[i + 1] == UInt8(ascii: "#") {
                    Self.appendUTF8(Self.characterReference(buf, ref) ?? 0xFFFD, to: &out)
                } else {
                    out.append(Self.predefinedEntity(buf, ref) ?? UInt8(ascii: "?"))
                }
                i = k + 1
            default:
                // Tab and LF in an attribute value become spaces.
                out.append(attribute && (b == 0x09 || b == 0x0A) ? 0x20 : b)
                i += 1
            }
        }
    }

    /// True when the span is all XML whitespace.
    func isWhitespace(_ s: Span) -> Bool {
        for i in s.start..<s.end where !Self.isSpace(buf[i]) { return false }
        return true
    }
}
