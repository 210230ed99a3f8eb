import Foundation
import Testing
@testable import KGraph

/// Dates and choices set straight from a file's UTF-8 bytes (`Field.bytesSet`, what the GraphML
/// reader does per edge) take, refuse and set exactly what their text setter does.
@Suite struct FieldBytesTests {
    static let dates = ["2024", "2024-01", "2024-01-28", "2024-02-29", "2023-02-29", "2024-02-30", "2024-13", "2024-00",
                        "0000", "9999-12-31", "24", "20245", "2024-1", "2024-1-2", "2024-01-2", "2024/01/28", " 2024", "2024 ",
                        " 2024-01 .. 2024-02 ", "2019-12..2024-02", "..2024", "2024..", "..", "...", "2024...2025",
                        "2024-02..2023", "2024..2024", "2024-13..2025", "2024..2025-13", "2024..x", "x..2024", "２０２４",
                        "2024\u{301}", "2024-01-28T00:00", "-2024", "", "\t2024", "2024..\u{00A0}2025"]
    static let words = ["high", "medium", "low", "unrated", "reported", "attributed", "denied", "added", "inferred",
                        "High", "high ", " high", "hig", "highh", "", "unrated ", "ünrated"]
    /// Byte strings that are not UTF-8 (the text setter gets them repaired).
    static let broken: [[UInt8]] = [[0x32, 0x30, 0xFF, 0x34], [0x32, 0x30, 0x32, 0x34, 0x2E, 0x2E, 0xC3], [0xFF],
                                    [0x68, 0x69, 0x67, 0x68, 0x80]]

    static func samples(_ field: FieldValue) -> [[UInt8]] {
        (field == .timeSpan ? dates : words).map { Array($0.utf8) } + broken
    }

    @Test func relationFieldsTakeTheSameFromBytesAsFromText() throws {
        let fields = Relation.fields.filter { $0.bytesSet != nil }
        #expect(Set(fields.map(\.key)) == ["date", "confidence", "assertion", "provenance"])
        for field in fields {
            for bytes in Self.samples(field.value) {
                let text = String(decoding: bytes, as: UTF8.self)
                // From a template that has every field set, so a refused value that changed it would show.
                var byText = Relation(id: "r", source: "a", type: "t", target: "b", time: TimeSpan(PartialDate(year: 1999)!),
                                      confidence: .low, assertion: .denied, provenance: .added)
                var byBytes = byText
                let tookText = field.set(&byText, text: text)
                let tookBytes = bytes.withUnsafeBufferPointer { field.bytesSet!(&byBytes, $0) }
                #expect(tookText == tookBytes, "\(field.key) '\(text)'")
                #expect(byText == byBytes && byText.time == byBytes.time, "\(field.key) '\(text)'")
                #expect(field.text(byText) == field.text(byBytes), "\(field.key) '\(text)'")
            }
        }
    }

    /// The byte-level date reading (`InteropValues.timeSpan(utf8:)`) gives what `TimeSpan.parse`
    /// gives for every text it decides on: the forms above and 20,000 pieced from parts of dates.
    @Test func plainDatesFromBytesAgreeWithTimeSpanParse() {
        var rng = SplitMix64(seed: 11)
        let pieces = ["2024", "1999", "0000", "9999", "0001", "01", "02", "12", "13", "00", "28", "29", "30", "31", "2", "123",
                      "-", "-", "--", "..", "..", ".", " ", "x"]
        var texts = Self.dates
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 1...7, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        var decided = 0, dates = 0
        for text in texts {
            let bytes = Array(text.utf8)
            guard case .some(let fast) = bytes.withUnsafeBufferPointer({ InteropValues.timeSpan(utf8: $0) }) else { continue }
            decided += 1
            if fast != nil { dates += 1 }
            let parsed: TimeSpan? = if case .success(let t) = TimeSpan.parse(text) { t } else { nil }
            #expect(fast == parsed, "'\(text)'")
        }
        // Enough of both outcomes to mean something.
        #expect(decided - dates > 300 && dates > 300, "\(decided) decided, \(dates) dates")
    }

    /// Every plain shape is decided from the bytes (no String, no `TimeSpan.parse`): a date of
    /// 4, 7 or 10 bytes, and spans of two, open at either end, with impossible dates among them.
    @Test func everyPlainShapeIsDecidedFromBytes() {
        var dates = [""]
        for y in ["0000", "2024", "9999"] {
            dates.append(y)
            for m in ["00", "02", "12", "13"] {
                dates.append(y + "-" + m)
                for d in ["00", "01", "29", "30", "31"] { dates.append(y + "-" + m + "-" + d) }
            }
        }
        var spans = dates.filter { !$0.isEmpty }
        for a in dates { for b in dates where !(a.isEmpty && b.isEmpty) { spans.append(a + ".." + b) } }
        for text in spans {
            let decided = Array(text.utf8).withUnsafeBufferPointer { InteropValues.timeSpan(utf8: $0) }
            #expect(decided != nil, "'\(text)'")
        }
    }

    @Test func entityProvenanceTakesTheSameFromBytesAsFromText() throws {
        let field = try #require(Entity.fields.first { $0.key == "provenance" })
        for bytes in Self.samples(field.value) {
            let text = String(decoding: bytes, as: UTF8.self)
            var byText = Entity(id: "a", name: "A", kind: "state", provenance: .added)
            var byBytes = byText
            #expect(field.set(&byText, text: text) == bytes.withUnsafeBufferPointer { field.bytesSet!(&byBytes, $0) }, "'\(text)'")
            #expect(byText.provenance == byBytes.provenance, "'\(text)'")
        }
    }

    /// The words a choice field takes are its declared words, and its text reads back as set.
    @Test func choiceWordsRoundTrip() throws {
        for field in Relation.fields where field.bytesSet != nil {
            guard case .choice(let words, let d) = field.value else { continue }
            #expect(words.contains(d))
            for w in words {
                var r = Relation(id: "r", source: "a", type: "t", target: "b")
                #expect(field.set(&r, text: w) && field.text(r) == w, "\(field.key) \(w)")
            }
        }
    }

    /// Through the GraphML reader: values the fields take are set; the others stay attributes under
    /// the column's name, as before (a refused date through the text setter, an unknown word
    /// through the general path).
    @Test func graphMLEdgesSetDatesAndChoicesFromBytes() throws {
        let keys = ["date", "confidence", "assertion", "provenance"].map {
            #"<key id="e_\#($0)" for="edge" attr.name="\#($0)" attr.type="string"/>"#
        }.joined(separator: "\n")
        func edge(_ id: String, _ values: [String: String]) -> String {
            let data = values.sorted { $0.key < $1.key }.map { #"<data key="e_\#($0.key)">\#($0.value)</data>"# }.joined()
            return #"<edge id="\#(id)" source="a" target="b"><data key="e_relation">backs</data>\#(data)</edge>"#
        }
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            \(keys)
            <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>
            <graph edgedefault="directed">
            <node id="a"/><node id="b"/>
            \(edge("r1", ["date": "2024-01-28", "confidence": "medium", "assertion": "denied", "provenance": "added"]))
            \(edge("r2", ["date": "2019-12..2024-02", "confidence": "unrated", "assertion": "unrated"]))
            \(edge("r3", ["date": "2024-02-30", "confidence": "very", "assertion": "Reported", "provenance": "guessed"]))
            \(edge("r4", ["date": " 2024-01 "]))
            </graph>
            </graphml>
            """
        let (g, _) = readGraph(Data(xml.utf8), ext: "graphml")
        let r = g.relations
        try #require(r.count == 4)
        #expect(r[0].time?.description == "2024-01-28" && r[0].confidence == .medium && r[0].assertion == .denied && r[0].provenance == .added)
        #expect(r[0].attributes.isEmpty)
        #expect(r[1].time?.description == "2019-12..2024-02" && r[1].confidence == nil && r[1].assertion == nil)
        #expect(r[1].provenance == .reported && r[1].attributes.isEmpty)
        #expect(r[2].time == nil && r[2].confidence == nil && r[2].assertion == nil && r[2].provenance == .reported)
        #expect(r[2].attributes == ["date": .string("2024-02-30"), "confidence": .string("very"), "assertion": .string("Reported"),
                                    "provenance": .string("guessed")])
        #expect(r[3].time?.description == "2024-01" && r[3].attributes.isEmpty)
    }

    /// A date's precision column (`date_precision`) says nothing beside a date the relation took,
    /// whether it comes after the date or before it; beside a refused date, or alone, it is kept.
    @Test func graphMLDatePrecisionIsKeptOnlyWithoutADate() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>
            <key id="e_date" for="edge" attr.name="date" attr.type="string"/>
            <key id="e_date_precision" for="edge" attr.name="date_precision" attr.type="string"/>
            <graph edgedefault="directed">
            <node id="a"/><node id="b"/>
            <edge id="r1" source="a" target="b"><data key="e_relation">backs</data><data key="e_date">2024-01</data><data key="e_date_precision">month</data></edge>
            <edge id="r2" source="a" target="b"><data key="e_relation">backs</data><data key="e_date_precision">day</data><data key="e_date">2024-01-28</data></edge>
            <edge id="r3" source="a" target="b"><data key="e_relation">backs</data><data key="e_date">2024-02-30</data><data key="e_date_precision">day</data></edge>
            <edge id="r4" source="a" target="b"><data key="e_relation">backs</data><data key="e_date_precision">year</data></edge>
            </graph>
            </graphml>
            """
        let (g, _) = readGraph(Data(xml.utf8), ext: "graphml")
        let r = g.relations
        try #require(r.count == 4)
        #expect(r[0].time?.description == "2024-01" && r[0].attributes.isEmpty)
        #expect(r[1].time?.description == "2024-01-28" && r[1].attributes.isEmpty)
        #expect(r[2].time == nil && r[2].attributes == ["date": .string("2024-02-30"), "date_precision": .string("day")])
        #expect(r[3].time == nil && r[3].attributes == ["date_precision": .string("year")])
    }
}
