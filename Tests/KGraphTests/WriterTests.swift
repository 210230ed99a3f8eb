import Foundation
import Testing
@testable import KGraph

@Suite struct WriterTests {
    @Test func dotQuotingIsLiteral() {
        #expect(DOTWriter.quote(#"a "b" \N c"#) == #""a \"b\" \\N c""#)
        #expect(DOTWriter.quote("two\nlines") == #""two\nlines""#)
    }

    @Test func jsonQuoting() {
        #expect(JSONText.quote("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
        #expect(AttributeValue.map(["b": .int(1), "a": .list([.string("x"), .bool(true)])]).jsonText == #"{"a":["x",true],"b":1}"#)
    }

    @Test func relationJSONShape() throws {
        let r = Relation(id: "r1", source: "a", type: "backs", target: "b", time: try TimeSpan.parse("2024-01").get(),
                         confidence: .medium, assertion: .attributed, sources: [Citation(document: "d", quote: "q")])
        let text = try StableJSON.text(r.json)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(obj.keys) == ["id", "source", "relation", "target", "date", "confidence", "assertion", "sources"])
        #expect(obj["date"] as? String == "2024-01")
        #expect(obj["relation"] as? String == "backs")
    }

    @Test func atomicWriteReplacesWholeFileOrNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-atomic-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.txt").path
        try AtomicFile.write(Data("old".utf8), to: path)
        try AtomicFile.write(Data("new contents".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new contents")
        #expect(throws: FileWriteError.self) { try AtomicFile.write(Data("x".utf8), to: dir.path + "/missing/dir/out.txt") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.txt"])
    }
}

@Suite struct TextReportTests {
    @Test func relationLineShowsProvenanceAndEachDocumentOnce() throws {
        var g = Graph()
        try g.add(Entity(id: "a", name: "Alpha", kind: "state"))
        try g.add(Entity(id: "b", name: "Beta", kind: "site"))
        let r = Relation(id: "r", source: "a", type: "operates", target: "b", time: try TimeSpan.parse("2024-01").get(),
                         sources: [Citation(document: "d1", quote: "x"), Citation(document: "d1", quote: "y"),
                                   Citation(document: "d2", quote: "z")], provenance: .added)
        #expect(TextReport.line(r, in: g) == "Alpha --operates--> Beta  2024-01  high, reported, added knowledge  [d1, d2]")
        #expect(r.json.provenance == "added")
        var reported = r
        reported.provenance = .reported
        #expect(reported.json.provenance == nil)
    }
}
