import Testing
@testable import KGraph

/// `PlainJSON.string` finds a string's end eight bytes at a time and says in the same pass whether
/// every byte of it is ASCII (`InteropValues.plainCitations` packs only such strings). A byte that
/// is not ASCII must be seen in any lane of a word and in the bytes after the last whole word, and
/// a byte after the closing quote must never count.
@Suite struct PlainJSONTests {
    /// The first string token of `json`, read as readers read it.
    func token(_ json: [UInt8]) -> (PlainJSON.Token?, PlainJSON) {
        json.withUnsafeBufferPointer { b in
            var r = PlainJSON(p: b.baseAddress!, n: b.count)
            return (r.string(), r)
        }
    }

    @Test func aByteThatIsNotASCIIIsFoundInEveryLane() {
        // "é" is two bytes (0xC3 0xA9): placed at every offset of strings of 1 to 40 bytes, so
        // that it lands in each lane of a whole word, across two words, and in the tail.
        for length in 1...40 {
            for at in 0..<length {
                var text = Array(repeating: UInt8(ascii: "a"), count: length)
                text[at] = 0xC3
                let json = [UInt8(ascii: "\"")] + text + Array("\" tail".utf8)
                let (t, _) = token(json)
                #expect(t != nil && t!.bytes == 1..<(1 + length), "\(length) \(at)")
                #expect(t?.ascii == false && t?.plain == false, "\(length) \(at)")
            }
            let ascii = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: length) + [UInt8(ascii: "\"")]
            #expect(token(ascii).0?.ascii == true && token(ascii).0?.plain == true, "\(length)")
        }
    }

    @Test func bytesAfterTheClosingQuoteDoNotCount() {
        // The word holding the closing quote holds what follows it: other text, not this string's.
        for before in 0...9 {
            let json = "\"" + String(repeating: "b", count: before) + "\",\"ééééé\""
            let bytes = Array(json.utf8)
            let result: (PlainJSON.Token?, PlainJSON.Token?) = bytes.withUnsafeBufferPointer { b in
                var r = PlainJSON(p: b.baseAddress!, n: b.count)
                let first = r.string()
                _ = r.byte(UInt8(ascii: ","))
                return (first, r.string())
            }
            #expect(result.0?.ascii == true && result.0?.bytes.count == before, "\(before)")
            #expect(result.1?.ascii == false && result.1?.bytes.count == 10, "\(before)")
        }
    }

    @Test func escapesAndControlBytes() {
        // An escape is not plain whatever its bytes; one past the escape is still looked at.
        let escaped = token(Array(#""abcdefgh\"ij""#.utf8)).0
        #expect(escaped?.escaped == true && escaped?.ascii == true && escaped?.plain == false)
        let lateWide = token(Array(#""abcdefgh\"ijé""#.utf8)).0
        #expect(lateWide?.escaped == true && lateWide?.ascii == false)
        // A control byte in a string, at any offset, makes it no string at all.
        for at in 0..<20 {
            var text = Array(repeating: UInt8(ascii: "a"), count: 20)
            text[at] = 0x1F
            #expect(token([UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")]).0 == nil, "\(at)")
        }
    }

    @Test func plainCitationsTakeOnlyUnescapedASCII() {
        func packed(_ json: String) -> [Citation]? {
            Array(json.utf8).withUnsafeBufferPointer { InteropValues.plainCitations(json: $0) }?.citations
        }
        // Not ASCII in the document, the quote, at a word's edge or after eight bytes: left out.
        for quote in ["é", "abcdefgé", "abcdefghé", "abcdefghijklmnoé", "éabcdefghijklmnop"] {
            #expect(packed(#"[{"document":"d","quote":"\#(quote)"}]"#) == nil, "\(quote)")
            #expect(packed(#"[{"document":"\#(quote)","quote":"q"}]"#) == nil, "\(quote)")
            // The general path still reads them, as they are.
            let listed = Array(#"[{"document":"d","quote":"\#(quote)"}]"#.utf8).withUnsafeBufferPointer { InteropValues.citations(json: $0) }
            #expect(listed == [Citation(document: "d", quote: quote)])
        }
        // Keys are spelled exactly: one byte more, less or other is not the field.
        for key in ["documen", "documents", "Document", "quot", "quotes"] {
            #expect(packed(#"[{"\#(key)":"d","quote":"q"}]"#) == nil && packed(#"[{"document":"d","\#(key)":"q"}]"#) == nil, "\(key)")
        }
        #expect(packed(#"[{"document" : "d" , "quote" : "a quote of more than eight bytes"}]"#)
                == [Citation(document: "d", quote: "a quote of more than eight bytes")])
    }
}
