import Foundation
import Testing
@testable import KGraph

@Suite struct WriterTests {
    @Test func dotQuotingIsLiteral() {
        #expect(DOTEscaping.quote(#"a "b" \N c"#) == #""a \"b\" \\N c""#)
        #expect(DOTEscaping.quote("two\nlines") == #""two\nlines""#)
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
        #expect(Set(obj.keys) == ["id", "source", "relation", "target", "date", "confidence", "assertion", "provenance", "sources"])
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
        // d1 is listed: it shows with its outlet and date; d2 is not: its bare id.
        try g.add(Document(id: "d1", title: "A long headline", outlet: "Reuters", published: PartialDate("2024-02-02")))
        let r = Relation(id: "r", source: "a", type: "operates", target: "b", time: try TimeSpan.parse("2024-01").get(),
                         sources: [Citation(document: "d1", quote: "x"), Citation(document: "d1", quote: "y"),
                                   Citation(document: "d2", quote: "z")], provenance: .added)
        #expect(TextReport.line(r, in: g) == "Alpha --operates--> Beta  2024-01  high confidence, added from general knowledge  [d1 (Reuters, 2024-02-02), d2]")
        #expect(r.json.fields["provenance"] == .text("added"))
        var reported = r
        reported.provenance = .reported
        #expect(reported.json.fields["provenance"] == .text("reported"))
        #expect(TextReport.line(reported, in: g) == "Alpha --operates--> Beta  2024-01  high confidence, reported  [d1 (Reuters, 2024-02-02), d2]")
        var denied = r
        denied.assertion = .denied
        denied.confidence = .low
        #expect(TextReport.line(denied, in: g) == "Alpha --operates--> Beta  2024-01  low confidence, denied, added from general knowledge  [d1 (Reuters, 2024-02-02), d2]")
    }
}

/// Atomic writes must not replace what is not a plain file: a device, a pipe, the link itself.
@Suite struct AtomicFileTargetTests {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-atomic-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func devicesAreStreamedIntoNotReplaced() throws {
        // Only asks where the bytes would go: writing here would damage the machine if it regressed.
        #expect(try AtomicFile.destination(of: "/dev/null") == .stream("/dev/null"))
    }

    @Test func aPipeStaysAPipe() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try AtomicFile.write(Data("through the pipe".utf8), to: fifo)
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self) == "through the pipe")
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["pipe"])
    }

    @Test func aLinkKeepsPointingAtTheReplacedFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("real.svg").path, link = dir.appendingPathComponent("link.svg").path
        try AtomicFile.write(Data("old".utf8), to: target)
        #expect(chmod(target, 0o640) == 0)
        #expect(symlink(target, link) == 0)
        try AtomicFile.write(Data("new".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        var info = stat()
        #expect(stat(target, &info) == 0 && info.st_mode & 0o7777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.svg", "real.svg"])
    }

    @Test func aFolderIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: FileWriteError.self) { try AtomicFile.write(Data("x".utf8), to: dir.path) }
        #expect(throws: FileWriteError.self) { try AtomicFile.write(files: [(Data("x".utf8), dir.path)]) }
    }
}
