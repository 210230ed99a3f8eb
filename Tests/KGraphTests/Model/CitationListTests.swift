import Testing
@testable import KGraph

/// A relation packs plain citations (a document and a quote) into one block: each must come back
/// byte for byte, in order, with what the load reads of them (count, documents, longest text)
/// agreeing with the citations themselves.
@Suite struct CitationListTests {
    static let long = String(repeating: "é", count: 40_000)   // 80,000 bytes: 32-bit offsets
    static let lists: [[Citation]] = [
        [],
        [Citation(document: "doc-9", quote: "Hoba al-He member of Islamic Resistance of Dipadi")],
        [Citation(document: "doc-115", quote: "attacked"), Citation(document: "doc-104", quote: "attacked")],
        [Citation(document: "a", quote: "x"), Citation(document: "b", quote: "y"), Citation(document: "c", quote: "y")],
        // Canonically equal quotes with other bytes are not one quote.
        [Citation(document: "d", quote: "caf\u{E9}"), Citation(document: "d", quote: "cafe\u{301}")],
        // Empty texts: an empty quote then an empty document then a quote starting where both ended.
        [Citation(document: "d1", quote: ""), Citation(document: "", quote: "said"), Citation(document: "", quote: "")],
        [Citation(document: "", quote: "")],
        [Citation(document: "doc-1", quote: long), Citation(document: "doc-2", quote: long), Citation(document: "doc-3", quote: "short")],
        [Citation(document: "ворота", quote: "\u{1F600} and \u{0} and \u{FFFF}")],
    ]

    @Test func plainCitationsComeBackByteForByte() {
        for list in Self.lists {
            let held = CitationList(list)
            let back = held.citations
            #expect(back == list)
            #expect(back.map { Array($0.document.utf8) } == list.map { Array($0.document.utf8) })
            #expect(back.map { Array($0.quote.utf8) } == list.map { Array($0.quote.utf8) })
            #expect(held.count == list.count && held.isEmpty == list.isEmpty && held.isPlain)
            for i in list.indices { #expect(Array(held.document(at: i).utf8) == Array(list[i].document.utf8)) }
            let longest = list.reduce(0) { max($0, $1.document.utf8.count, $1.quote.utf8.count) }
            #expect(held.longestText == longest)
        }
    }

    @Test func detailedCitationsAreKeptWhole() {
        let list = [Citation(document: "d1", quote: "q"),
                    Citation(document: "d2", quote: "words", speaker: "john-kirby", said: PartialDate(year: 2024, month: 1),
                             location: FileLocation(file: "g.yaml", line: 3, column: 7))]
        let held = CitationList(list)
        #expect(!held.isPlain && held.citations == list && held.citations[1].location == list[1].location)
        #expect(held.count == 2 && held.document(at: 1) == "d2" && held.longestText == "john-kirby".utf8.count)
    }

    @Test func relationsGiveBackTheirSourcesAndStaySmall() {
        for list in Self.lists {
            var r = Relation(id: "r", source: "a", type: "t", target: "b", sources: list)
            #expect(r.sources == list)
            let copy = r
            r.sources.append(Citation(document: "new", quote: "added later"))
            #expect(copy.sources == list && r.sources == list + [Citation(document: "new", quote: "added later")])
            #expect(r != copy)
            r.sources = list
            #expect(r == copy && r.hashValue == copy.hashValue)
        }
        #expect(MemoryLayout<CitationList>.size == 8)
        #expect(MemoryLayout<Relation>.stride <= 112)
    }

    @Test func aRepeatedQuoteIsOneStringAgain() {
        let c = CitationList([Citation(document: "a", quote: "the same long sentence, quoted twice"),
                              Citation(document: "b", quote: "the same long sentence, quoted twice")]).citations
        // The second quote shares the first's storage, as when the reader made them.
        let same = c[0].quote.utf8.withContiguousStorageIfAvailable { a in
            c[1].quote.utf8.withContiguousStorageIfAvailable { b in a.baseAddress == b.baseAddress }
        }
        #expect(same == true)
    }

    /// What the reader packs straight from JSON bytes must be what the list path reads; anything
    /// it does not take (escapes, other fields, non-ASCII, long lists, bad JSON) is left to that path.
    @Test func packedFromJSONIsWhatTheListPathReads() {
        let taken = [
            #"[]"#, #" [ ] "#,
            #"[{"document": "doc-9", "quote": "Hoba al-He member of Islamic Resistance of Dipadi"}]"#,
            #"[{"quote":"q first","document":"d"},{"document":"d2","quote":"q first"}]"#,
            #"[{"document":"a","quote":"same"},{"document":"b","quote":"same"},{"document":"c","quote":"other"}]"#,
            #"[{"document":"","quote":""},{"document":"","quote":"x"}]"#,
            "[" + (1...8).map { #"{"document":"d\#($0)","quote":"q\#($0 / 2)"}"# }.joined(separator: ",") + "]",
        ]
        for json in taken {
            let bytes = Array(json.utf8)
            let packed = bytes.withUnsafeBufferPointer { InteropValues.plainCitations(json: $0) }
            let listed = bytes.withUnsafeBufferPointer { InteropValues.citations(json: $0) }
            #expect(packed != nil && listed != nil, "\(json)")
            #expect(packed?.citations == listed, "\(json)")
            #expect(packed?.citations.map { Array($0.quote.utf8) } == listed?.map { Array($0.quote.utf8) })
        }
        let left = [
            #"[{"document":"d","quote":"with \"escape\""}]"#, #"[{"document":"d","quote":"caf\#u{E9}"}]"#,
            #"[{"document":"d","quote":"q","speaker":"s"}]"#, #"[{"document":"d"}]"#, #"[{"document":"d","document":"e","quote":"q"}]"#,
            "[" + (1...9).map { #"{"document":"d\#($0)","quote":"q"}"# }.joined(separator: ",") + "]",
            #"[{"document":"d","quote":"q"}"#, #"[{"document":"d","quote":"q"}] x"#, #"{"document":"d","quote":"q"}"#, "",
        ]
        for json in left {
            #expect(Array(json.utf8).withUnsafeBufferPointer { InteropValues.plainCitations(json: $0) } == nil, "\(json)")
        }
    }
}

