import Testing
@testable import KGraph

/// The byte-level fast paths of XMLOutput must write exactly what the plain definitions do.
@Suite struct XMLOutputFastPathTests {
    static let samples = [
        "", "plain", "Kata'ib Hezbollah", "a & b < c > d", "say \"hi\"", "back\\slash", "line\nfeed\r\nand\ttab",
        "\u{0}\u{1}\u{1F}\u{7F}", "sep\u{2028}para\u{2029}end", "non\u{FFFE}char\u{FFFF}s", "\u{FFFD} kept", "emoji 🛰️ ok",
        "Ḥezbollah — “curly” ‘quotes’", "&amp; already", "]]>", "\u{EF}\u{BF}", "tail \u{E2}",
    ]

    /// The writer's escaping before the fast path, kept here as the definition.
    static func reference(_ s: String, attribute: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: out += Array("&quot;".utf8)
            case 0x0D: out += Array("&#13;".utf8)
            case 0x0A where attribute: out += Array("&#10;".utf8)
            case 0x09 where attribute: out += Array("&#9;".utf8)
            case 0x09, 0x0A: out.append(u)
            case 0..<0x20: out += [0xEF, 0xBF, 0xBD]
            default: out.append(u)
            }
        }
        var i = 0
        while i + 2 < out.count {
            if out[i] == 0xEF && out[i + 1] == 0xBF && (out[i + 2] == 0xBE || out[i + 2] == 0xBF) { out[i + 2] = 0xBD }
            i += 1
        }
        return out
    }

    @Test func textAndAttributeMatchTheDefinition() {
        for s in Self.samples {
            var t = XMLOutput(), a = XMLOutput()
            t.text(s)
            a.attribute(s)
            #expect(t.bytes == Self.reference(s, attribute: false), "text \(s.debugDescription)")
            #expect(a.bytes == Self.reference(s, attribute: true), "attribute \(s.debugDescription)")
        }
    }

    @Test func jsonStringTextIsTheQuotedStringEscaped() {
        for s in Self.samples {
            var fast = XMLOutput(), slow = XMLOutput()
            fast.jsonStringText(s)
            slow.text(JSONText.quote(s))
            #expect(fast.bytes == slow.bytes, "\(s.debugDescription)")
        }
    }

    @Test func nmtokenFastPathKeepsNamesAndFixesOthers() {
        #expect(XMLOutput.nmtoken("kataib-hezbollah_2.0:x") == "kataib-hezbollah_2.0:x")
        #expect(XMLOutput.nmtoken("a b/c") == "a_b_c")
        #expect(XMLOutput.nmtoken("") == "_")
        #expect(XMLOutput.nmtoken("Ḥezb") == "Ḥezb")
    }
}
