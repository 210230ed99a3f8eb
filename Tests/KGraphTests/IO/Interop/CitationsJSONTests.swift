import Testing
@testable import KGraph

/// The citations JSON other tools write (`sources` in NetworkX's GraphML): the byte-level reader
/// (`citations(json:)`) and the general path behind it (`citations(_:)`, JSON tree) agree.
@Suite struct CitationsJSONTests {
    /// What the byte-level reader makes of `text` (nil: it leaves the text to the general path).
    func plain(_ text: String) -> [Citation]? {
        var s = text
        return s.withUTF8 { InteropValues.citations(json: $0) }
    }

    /// What a reader makes of `text`: the byte-level reader, else the JSON tree.
    func read(_ text: String) -> [Citation]? { InteropValues.citations(.string(text)) }

    /// What the JSON tree alone makes of `text`.
    func tree(_ text: String) -> [Citation]? {
        guard let v = JSONParser.parse(text)?.attributeValue else { return nil }
        return InteropValues.citations(v)
    }

    @Test func plainShapes() {
        let one = [Citation(document: "doc-9", quote: "A member of B")]
        #expect(plain(#"[{"document": "doc-9", "quote": "A member of B"}]"#) == one)
        #expect(plain(#" [ {"quote":"A member of B" , "document":"doc-9"} ] "#) == one)
        #expect(plain("[]") == [])
        let two = plain(#"[{"document": "d1", "quote": "Same words"}, {"document": "d2", "quote": "Same words"}]"#)
        #expect(two == [Citation(document: "d1", quote: "Same words"), Citation(document: "d2", quote: "Same words")])
        let three = plain(#"[{"document": "d1", "quote": "x"}, {"document": "d2", "quote": "y"}, {"document": "d3", "quote": "x"}]"#)
        #expect(three?.map(\.quote) == ["x", "y", "x"])
        #expect(plain(#"[{"document": "d", "quote": ""}, {"document": "e", "quote": ""}]"#)?.map(\.quote) == ["", ""])
    }

    @Test func otherFieldsThroughTheirSetters() {
        let c = plain(#"[{"speaker": "kirby", "quote": "We will respond", "said": "2024-01-27", "document": "dod-1"}]"#)
        #expect(c == [Citation(document: "dod-1", quote: "We will respond", speaker: "kirby", said: PartialDate("2024-01-27"))])
        #expect(c?.first?.said == PartialDate("2024-01-27"))
        // A day said that is no date: not a citation, on either path.
        #expect(plain(#"[{"document": "d", "quote": "q", "said": "yesterday"}]"#) == nil)
        #expect(read(#"[{"document": "d", "quote": "q", "said": "yesterday"}]"#) == nil)
    }

    @Test func notCitations() {
        for text in [#"[{"document": "d"}]"#, #"[{"quote": "q"}]"#, #"[{"document": "d", "quote": "q", "page": "3"}]"#,
                     #"{"document": "d", "quote": "q"}"#,
                     #"[{"document": "d", "quote": "q"}"#, #"[{"document": "d", "quote": "q"},]"#,
                     #"[{"document": "d", "quote": "q"}] x"#, #"[{"document": 3, "quote": "q"}]"#, ""] {
            #expect(plain(text) == nil, "\(text)")
            #expect(read(text) == nil, "\(text)")
        }
        // A key given twice: the byte-level reader leaves it to the JSON tree, where the last wins.
        #expect(plain(#"[{"document": "d", "document": "e", "quote": "q"}]"#) == nil)
        #expect(read(#"[{"document": "d", "document": "e", "quote": "q"}]"#) == [Citation(document: "e", quote: "q")])
    }

    @Test func escapesDecodedAsTheJSONTreeDecodesThem() {
        let cases: [(String, String)] = [
            (#"He said \"no\""#, #"He said "no""#),
            (#"caf\u00e9 \\ tab\there\/\b\f\r\n"#, "caf\u{e9} \\ tab\there/\u{8}\u{c}\r\n"),
            (#"\u0041\u00C9\u20ac\uFFFF"#, "A\u{c9}\u{20ac}\u{ffff}"),
            (#"smile \ud83d\ude00!"#, "smile \u{1F600}!"),
            (#"\uD83D\uDE00"#, "\u{1F600}"),
            (#"nul \u0000 end"#, "nul \u{0} end"),
        ]
        for (json, quote) in cases {
            let text = #"[{"document": "d\u002d1", "quote": ""# + json + #""}]"#
            #expect(plain(text) == [Citation(document: "d-1", quote: quote)], "\(text)")
            #expect(tree(text) == plain(text), "\(text)")
        }
        // A repeated quote with escapes is shared like any other.
        let two = plain(#"[{"document": "a", "quote": "\"x\""}, {"document": "b", "quote": "\"x\""}]"#)
        #expect(two?.map(\.quote) == [#""x""#, #""x""#])
        // Raw UTF-8 needs no escape.
        #expect(plain(#"[{"document": "d", "quote": "Ça va \#u{1F600}"}]"#) == [Citation(document: "d", quote: "Ça va \u{1F600}")])
    }

    @Test func escapesTheJSONTreeRefusesAreRefused() {
        for json in [#"\x"#, #"\u12"#, #"\u12G4"#, #"\ud83d"#, #"\ud83d rest"#, #"\ude00"#, #"\ud83d\u0041"#,
                     #"\ud83d\n"#, "tab\tinside", #"ends with \"#] {
            let text = #"[{"document": "d", "quote": ""# + json + #""}]"#
            #expect(plain(text) == nil, "\(text)")
            #expect(tree(text) == nil, "\(text)")
            #expect(read(text) == nil, "\(text)")
        }
        // An escaped key is left to the JSON tree, which reads it.
        #expect(plain(#"[{"docum\u0065nt": "d", "quote": "q"}]"#) == nil)
        #expect(read(#"[{"docum\u0065nt": "d", "quote": "q"}]"#) == [Citation(document: "d", quote: "q")])
    }
}
