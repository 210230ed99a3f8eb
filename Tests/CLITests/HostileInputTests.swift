import Foundation
import Testing

/// Hostile input and failing systems (issue 17): each case asserts the exit code, the message,
/// and that the process stayed small and finished.
@Suite struct HostileInputTests {
    /// Memory a small command needs, with room to spare; an expansion or a flood goes far past it.
    static let smallPeakMB = 150.0

    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: false, encoding: .utf8)
        return url.path
    }

    /// A graph of `count` entities (enough output to overflow a pipe's buffer).
    static func bigGraph(_ count: Int, in dir: URL) throws -> String {
        var yaml = "entities:\n"
        for i in 0..<count { yaml += "  - {id: e\(i), name: Entity number \(i), kind: state}\n" }
        return try write(yaml, "big.yaml", in: dir)
    }

    // MARK: 1. YAML anchors and aliases

    @Test func yamlAliasBombIsRefusedBeforeItExpands() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = ["entities:", "  - id: a", "    name: A", "    kind: state", "    attributes:",
                     "      l0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for i in 1...9 { lines.append("      l\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]") }
        let file = try Self.write(lines.joined(separator: "\n") + "\n", "bomb.yaml", in: dir)
        let r = try kgraphMeasured(["check", "--graph", file], timeout: 20)
        #expect(!r.timedOut)
        #expect(r.status == 2)
        #expect(r.stdout == "\(file):6:11: error: YAML anchor '&a0' is not supported in graph files (nor are aliases): "
                + "write each value out in full\n")
        #expect(r.peakMB < Self.smallPeakMB)
    }

    @Test func aliasOfAPlainValueIsRefusedWithItsPlace() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // `&` and `*` inside text are not anchors: the first entity loads, the alias in the second is refused.
        let file = try Self.write("""
            entities:
              - {id: a, name: "AT&T *star*", kind: state, note: R&D 5*3}
              - {id: b, name: *n, kind: state}
            """, "alias.yaml", in: dir)
        let r = try kgraphMeasured(["check", "--graph", file])
        #expect(r.status == 2)
        #expect(r.stdout.contains("\(file):3:19: error: YAML alias '*n' is not supported in graph files"))
    }

    // MARK: 2. Failed writes to standard output and error

    @Test func fullStandardOutputExits2WithAMessage() throws {
        let r = try kgraphMeasured(["entities"] + graph(), output: .full)
        #expect(r.signal == nil)
        #expect(r.status == 2)
        #expect(r.stderr == "error: cannot write to standard output: No space left on device\n")
    }

    @Test func closedStandardOutputExits2WithAMessage() throws {
        let r = try kgraphMeasured(["entities"] + graph(), output: .closed)
        #expect(r.signal == nil)
        #expect(r.status == 2)
        #expect(r.stderr == "error: cannot write to standard output: Bad file descriptor\n")
    }

    @Test func exportWhoseMessageCannotBePrintedStillWritesItsFileAndExits2() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("g.graphml").path
        let r = try kgraphMeasured(["export", "graphml", "-o", out] + graph(), errors: .full)
        #expect(r.signal == nil)
        #expect(r.status == 2)
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func readerThatGoesAwayEndsTheCommandQuietly() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.bigGraph(20_000, in: dir)
        let program = productsFolder.appendingPathComponent("kgraph").path
        // SIGPIPE ignored, as some shells and services start their children: writes then fail with EPIPE.
        let script = "trap '' PIPE; '\(program)' entities --format json --graph '\(file)' 2>'\(dir.path)/err' | head -c 10 >/dev/null; "
            + "echo ${PIPESTATUS[0]}"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        p.environment = ["KGRAPH_CACHE": "off", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        // Ended by SIGPIPE (128 + 13), as without the trap, and nothing printed.
        #expect(status == "141\n")
        #expect((try? String(contentsOfFile: dir.path + "/err", encoding: .utf8)) == "")
    }
}
