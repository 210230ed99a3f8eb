import Foundation
import Testing

/// Hostile input that kgraph already withstood (issue 17 item 5), through the built program: each
/// case asserts the exit code, the message, and that peak memory stayed small.
@Suite struct HostileInputClassesTests {
    static let smallPeakMB = HostileInputTests.smallPeakMB

    static func file(_ name: String, _ bytes: [UInt8], in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func file(_ name: String, _ text: String, in dir: URL) throws -> String {
        try file(name, Array(text.utf8), in: dir)
    }

    /// `kgraph check FILE`: its exit code, what it printed (file names cut to their last part), and peak memory.
    static func check(_ path: String) throws -> MeasuredOutcome {
        var r = try kgraphMeasured(["check", "--graph", path], timeout: 60)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path + "/"
        r.stdout = r.stdout.replacingOccurrences(of: folder, with: "")
        #expect(!r.timedOut, "\(path)")
        #expect(r.peakMB < smallPeakMB, "\(path): \(r.peakMB) MB")
        return r
    }

    static let noDTD = "error: document type declarations (<!DOCTYPE ...>) are not accepted: kgraph reads no DTD, "
        + "so no external entities and no entity expansion (this blocks XXE and 'billion laughs' files)\n"

    @Test func billionLaughsAndExternalEntitiesAreNeverExpanded() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Ten levels of ten: 10^10 bytes if expanded.
        var dtd = "<!ENTITY l0 \"lol\">\n"
        for i in 1...10 { dtd += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">\n" }
        let laughs = try Self.file("laughs.graphml", "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n\(dtd)]>\n"
            + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\"><node id=\"&l10;\"/></graph></graphml>\n", in: dir)
        let l = try Self.check(laughs)
        #expect(l.status == 2)
        #expect(l.stdout == "laughs.graphml:2:1: " + Self.noDTD)

        let xxe = try Self.file("xxe.gexf", """
            <?xml version="1.0"?>
            <!DOCTYPE gexf [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="&x;"/></nodes></graph></gexf>
            """, in: dir)
        let x = try Self.check(xxe)
        #expect(x.status == 2)
        #expect(x.stdout == "xxe.gexf:2:1: " + Self.noDTD)
        #expect(!x.stdout.contains("root:"))
    }

    @Test func deepNestingStopsAtTheLimit() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let depth = 100_000
        let xml = try Self.file("deep.graphml", "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
            + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "</graphml>\n", in: dir)
        let json = try Self.file("deep.json", "{\"nodes\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            + ", \"links\": []}", in: dir)
        let yaml = try Self.file("deep.yaml", "entities:\n  - id: a\n    name: A\n    kind: state\n    attributes:\n      x: "
            + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n", in: dir)
        let expected = [
            xml: "deep.graphml:1:821: error: elements nested deeper than 256 levels\n",
            json: "deep.json:1:266: error: invalid JSON: JSON nested deeper than 256 levels\n",
            // libyaml's own limit comes first, before kgraph's 32 levels for attributes.
            yaml: "deep.yaml:6:11: error: YAML syntax: Maximum nesting level reached, set with yaml_set_max_nest_level()) while parsing\n",
        ]
        for (path, message) in expected {
            let r = try Self.check(path)
            #expect(r.status == 2, "\(path)")
            #expect(r.stdout == message)
        }
    }

    @Test func invalidUTF8IsAnErrorInEveryFormat() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, [UInt8], String)] = [
            ("bad.yaml", Array("entities:\n  - {id: a, name: \"A".utf8) + [0xFF, 0xFE] + Array("\", kind: state}\n".utf8),
             "bad.yaml:1:1: error: file is not valid UTF-8\n"),
            ("bad.graphml", Array("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\"><node id=\"a".utf8)
                + [0xC3] + Array("\"/></graph></graphml>\n".utf8),
             "bad.graphml:2:97: error: invalid UTF-8 (byte 0xC3 not followed by a continuation byte)\n"),
            ("bad.json", Array("{\"directed\": true, \"multigraph\": true, \"graph\": {}, \"nodes\": [{\"id\": \"a".utf8) + [0xFF]
                + Array("\"}], \"links\": []}".utf8),
             "bad.json:1:72: error: invalid JSON: invalid UTF-8; JSON files must be UTF-8\n"),
            ("entities.csv", Array("id:ID,name,:LABEL\na,A".utf8) + [0xE2, 0x82] + Array(",state\n".utf8),
             "entities.csv:1:1: error: the file is not valid UTF-8\n"),
        ]
        for (name, bytes, message) in cases {
            let r = try Self.check(try Self.file(name, bytes, in: dir))
            #expect(r.status == 2, "\(name)")
            #expect(r.stdout == message)
        }
    }

    @Test func byteOrderMarksAndCRLFLineEndsReadAsThePlainFile() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("plain"), marked = dir.appendingPathComponent("marked")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: marked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: graph()[1], toPath: plain.appendingPathComponent("g.yaml").path)
        for (format, name) in [("graphml", "g.graphml"), ("json", "g.json"), ("cytoscape", "g.cyjs")] {
            #expect(try kgraph(["export", format, "-o", plain.appendingPathComponent(name).path] + graph()).status == 0)
        }
        #expect(try kgraph(["export", "csv", "-o", plain.path] + graph()).status == 0)
        for name in ["g.yaml", "g.graphml", "g.json", "g.cyjs", "entities.csv", "relations.csv"] {
            let text = try String(contentsOf: plain.appendingPathComponent(name), encoding: .utf8)
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            try (Data([0xEF, 0xBB, 0xBF]) + Data(crlf.utf8)).write(to: marked.appendingPathComponent(name))
        }
        for name in ["g.yaml", "g.graphml", "g.json", "g.cyjs", "entities.csv"] {
            let a = try kgraphMeasured(["relations", "--format", "json", "--graph", plain.appendingPathComponent(name).path])
            let b = try kgraphMeasured(["relations", "--format", "json", "--graph", marked.appendingPathComponent(name).path])
            #expect(a.status == 0 && b.status == 0, "\(name): \(b.stderr)")
            // The same graph, relation by relation (file names aside).
            #expect(b.stdout.replacingOccurrences(of: marked.path, with: plain.path) == a.stdout, "\(name)")
            #expect(!a.stdout.isEmpty && a.stdout.contains("kh-attacked-t22"), "\(name)")
            #expect(b.peakMB < Self.smallPeakMB)
        }
    }

    @Test func valuesOverTheLimitAreErrorsInEveryFormat() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = String(repeating: "x", count: 17 << 20)
        let files = [
            "long.graphml": "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"d0\" for=\"node\" "
                + "attr.name=\"label\" attr.type=\"string\"/><graph edgedefault=\"directed\"><node id=\"a\"><data key=\"d0\">\(long)</data></node></graph></graphml>\n",
            "long.gexf": "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes><node id=\"a\" label=\"\(long)\"/></nodes></graph></gexf>\n",
            "entities.csv": "id:ID,name,:LABEL\na,\(long),state\n",
            "long.yaml": "entities:\n  - {id: a, name: \(long), kind: state}\n",
            "long.cyjs": "{\"elements\": {\"nodes\": [{\"data\": {\"id\": \"a\", \"name\": \"\(long)\"}}], \"edges\": []}}",
        ]
        let over = "over the limit of 16777216 bytes (16 MiB) for one value"
        let expected = [
            // Streamed formats hold at most twice the limit; a value under that is found in the record read.
            "long.graphml": "long.graphml:2:148: error: the name of entity 'a' is 17825792 bytes long, \(over)",
            "long.gexf": "long.gexf:2:63: error: the name of entity 'a' is 17825792 bytes long, \(over)",
            // The others refuse the value while reading it, before it becomes a string.
            "entities.csv": "entities.csv:2:3: error: a field \(over)",
            "long.yaml": "long.yaml:2:19: error: a value of 17825792 bytes, \(over)",
            "long.cyjs": "long.cyjs:1:55: error: invalid JSON: a string \(over)",
        ]
        for (name, text) in files {
            let r = try kgraphMeasured(["check", "--graph", try Self.file(name, text, in: dir)], timeout: 120)
            #expect(r.status == 2, "\(name)")
            #expect(r.stdout.replacingOccurrences(of: dir.path + "/", with: "").split(separator: "\n").first.map(String.init) == expected[name])
            // A few copies of the value at most, not a blow-up.
            #expect(r.peakMB < 400, "\(name): \(r.peakMB) MB")
        }
    }

    @Test func aHugeXMLValueIsRefusedWithoutBeingHeldWhole() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huge.graphml").path
        FileManager.default.createFile(atPath: path, contents: Data(("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
            + "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/><graph edgedefault=\"directed\"><node id=\"a\"><data key=\"d0\">").utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        let block = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<200 { handle.write(block) }  // 200 MiB of one text value
        handle.write(Data("</data></node></graph></graphml>\n".utf8))
        try handle.close()
        let r = try kgraphMeasured(["check", "--graph", path], timeout: 120)
        #expect(r.status == 2)
        #expect(r.stdout == "\(path):2:176: error: text or a tag longer than 33554432 bytes, over the limit of 16777216 bytes (16 MiB) for one value\n")
        // The 32 MiB the tokenizer holds at most, not the 200 MiB.
        #expect(r.peakMB < Self.smallPeakMB, "\(r.peakMB) MB")
    }

    @Test func unreadableFileSaysPermissionDenied() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = try Self.file("secret.yaml", "entities: []\n", in: dir)
        #expect(chmod(secret, 0) == 0)
        #expect(chmod(dir.path, 0o755) == 0)
        // Root reads any file: as root, read it as the unprivileged user nobody (setpriv drops the rights).
        let asNobody = getuid() == 0
        let program = productsFolder.appendingPathComponent("kgraph").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: asNobody ? "/usr/bin/setpriv" : program)
        p.arguments = (asNobody ? ["--reuid=65534", "--regid=65534", "--clear-groups", program] : []) + ["check", "--graph", secret]
        p.environment = ["KGRAPH_CACHE": "off", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(text == "\(secret):1:1: error: cannot read file: Permission denied\n")
    }

    @Test func jsonNumbersThatOverflowAreLocatedErrors() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let nodeLink = try Self.file("num.json", #"{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": "a", "big": 1e999}], "links": []}"#, in: dir)
        let cytoscape = try Self.file("num.cyjs", #"{"elements": {"nodes": [{"data": {"id": "a", "big": -1e999}}], "edges": []}}"#, in: dir)
        let integer = try Self.file("int.json", #"{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": "a", "n": 9223372036854775808}], "links": []}"#, in: dir)
        let expected = [
            nodeLink: "num.json:1:82: error: invalid JSON: number out of range\n",
            cytoscape: "num.cyjs:1:53: error: invalid JSON: number out of range\n",
            // An integer past 64 bits would lose digits as a double: refused rather than changed.
            integer: "int.json:1:80: error: invalid JSON: integer out of range (more than 64 bits); write it as a string to keep every digit\n",
        ]
        for (path, message) in expected {
            let r = try Self.check(path)
            #expect(r.status == 2, "\(path)")
            #expect(r.stdout == message)
        }
    }
}
