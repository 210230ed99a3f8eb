import Testing
@testable import KGraph

/// `InteropValues.citations(json:)` lets a citation share the quote of the one before when the two
/// are the same words: each must still read back as written and change on its own.
@Suite struct CitationJSONTests {
    func citations(_ json: String) -> [Citation]? {
        var s = json
        return s.withUTF8 { InteropValues.citations(json: $0) }
    }

    @Test func repeatedQuotesReadBackAsWrittenAndChangeApart() throws {
        let long = String(repeating: "Київ — ", count: 2_000)
        for quote in ["Fenuzo Foundation uses Outpost Nupume", "", "q", "Київ — حزب الله", long] {
            let json = #"[{"document":"d1","quote":"\#(quote)"},{"document":"d2","quote":"\#(quote)"},"#
                + #"{"document":"d3","quote":"other \#(quote)"},{"document":"d4","quote":"\#(quote)"}]"#
            var c = try #require(citations(json))
            #expect(c.map(\.document) == ["d1", "d2", "d3", "d4"])
            #expect(c.map(\.quote) == [quote, quote, "other " + quote, quote])
            c[1].quote += "!"
            #expect(c[0].quote == quote && c[1].quote == quote + "!" && c[3].quote == quote)
        }
    }
}
