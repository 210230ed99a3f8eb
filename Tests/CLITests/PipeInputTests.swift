import Foundation
import Testing

/// Pipes as input (issue 17 item 6): a pipe that a program writes into is read like a file, in
/// the format its name says or its content shows (`--graph <(cat g.yaml)` passes `/dev/fd/63`);
/// one that nobody writes into is refused after a bounded wait instead of blocking forever.
@Suite struct PipeInputTests {
    /// What `script` (bash, with `$K` the built kgraph) printed and its exit status, and how long it took.
    static func shell(_ script: String, timeout: Double = 60) throws -> (status: Int32, stdout: String, stderr: String, seconds: Double) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        p.environment = ["KGRAPH_CACHE": "off", "PATH": "/usr/bin:/bin",
                         "K": productsFolder.appendingPathComponent("kgraph").path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let started = Date()
        try p.run()
        let killer = DispatchWorkItem { if p.isRunning { kill(-p.processIdentifier, SIGKILL); p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        killer.cancel()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self),
                Date().timeIntervalSince(started))
    }

    /// The shipped fixture exported as `format` into `dir`; the file's path.
    static func exported(_ format: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        let r = try kgraph(["export", format, "-o", path] + graph())
        #expect(r.status == 0, "\(r.stderr)")
        return path
    }

    @Test func processSubstitutionIsReadInTheFormatItsContentShows() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files = [("yaml", graph()[1])]
        for (format, name) in [("graphml", "g.graphml"), ("gexf", "g.gexf"), ("json", "g.json"), ("cytoscape", "g.cyjs")] {
            files.append((format, try Self.exported(format, name, in: dir)))
        }
        for (format, file) in files {
            // /dev/fd/63 has no extension: the content tells the format.
            let direct = try kgraph(["check", "--graph", file])
            let r = try Self.shell("\"$K\" check --graph <(cat '\(file)')")
            #expect(r.status == 0, "\(format): \(r.stdout) \(r.stderr)")
            // The same as the file itself: "1 file(s), N entities, M relations, ..."
            #expect(r.stderr == direct.stderr, "\(format)")
            #expect(r.stdout == direct.stdout.replacingOccurrences(of: file, with: "/dev/fd/63"), "\(format)")
        }
        // Either file of a CSV pair through a pipe is read alone (its sibling is not beside it).
        let pair = dir.appendingPathComponent("pair").path
        #expect(try kgraph(["export", "csv", "-o", pair] + graph()).status == 0)
        let csv = try Self.shell("\"$K\" entities --graph <(cat '\(pair)/entities.csv')")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == (try kgraph(["entities"] + graph())).stdout)
    }

    @Test func namedPipeWithAWriterIsReadToItsEnd() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try Self.exported("graphml", "g.graphml", in: dir)
        let summary = try kgraph(["check"] + graph()).stderr
        let fifo = dir.appendingPathComponent("in.graphml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // A writer already there; one that opens the pipe and writes 2 s later; one that only comes after 2 s.
        for writer in ["cat '\(source)' > '\(fifo)' &", "(sleep 2; cat '\(source)') > '\(fifo)' &", "(sleep 2; cat '\(source)' > '\(fifo)') &"] {
            let r = try Self.shell(writer + " \"$K\" check --graph '\(fifo)'; s=$?; wait; exit $s", timeout: 30)
            #expect(r.status == 0, "\(writer): \(r.stdout) \(r.stderr)")
            #expect(r.stderr == summary, "\(writer)")
        }
    }

    @Test func namedPipeWithoutAWriterIsRefusedAfterABoundedWait() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("nobody.graphml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let started = Date()
        let r = try kgraphMeasured(["check", "--graph", fifo], timeout: 40)
        #expect(!r.timedOut)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(r.status == 2)
        #expect(r.stdout == "\(fifo):1:1: error: cannot read file: it is a named pipe (FIFO) that no program opened for writing "
                + "within 10 s (start the writer first, or save the data to a file)\n")
        #expect(r.peakMB < HostileInputTests.smallPeakMB)
    }
}
