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

    // MARK: 3. The CSV pair

    @Test func halfReplacedCSVPairIsRefused() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pair = dir.appendingPathComponent("pair").path
        let export = try kgraphMeasured(["export", "csv", "-o", pair] + graph())
        #expect(export.status == 0)
        // Beside the pair, only its manifest.
        #expect(try FileManager.default.contentsOfDirectory(atPath: pair).sorted() == [".kgraph-group", "entities.csv", "relations.csv"])
        #expect(try kgraphMeasured(["check", "--graph", pair + "/entities.csv"]).status == 0)

        // A kill between the two renames leaves new entities.csv with old relations.csv (each interruption
        // point is GroupWriteTests'): the mixed pair must not load.
        let other = dir.appendingPathComponent("other").path
        var yaml = "entities:\n"
        for i in 0..<3 { yaml += "  - {id: x\(i), name: X \(i), kind: state}\n" }
        let small = try Self.write(yaml, "other.yaml", in: dir)
        #expect(try kgraphMeasured(["export", "csv", "-o", other, "--graph", small]).status == 0)
        try FileManager.default.removeItem(atPath: pair + "/entities.csv")
        try FileManager.default.copyItem(atPath: other + "/entities.csv", toPath: pair + "/entities.csv")
        let mixed = try kgraphMeasured(["check", "--graph", pair + "/relations.csv"])
        #expect(mixed.status == 2)
        let manifest = URL(fileURLWithPath: pair).resolvingSymlinksInPath().path + "/.kgraph-group"
        #expect(mixed.stdout == "\(pair)/relations.csv:1:1: error: entities.csv and relations.csv are not from the same export "
                + "(one was interrupted between replacing them, or a file was changed since): export them again, or delete "
                + "\(manifest) if the change was on purpose\n")

        // The next export puts a whole pair in place.
        #expect(try kgraphMeasured(["export", "csv", "-o", pair] + graph()).status == 0)
        #expect(try kgraphMeasured(["check", "--graph", pair + "/relations.csv"]).status == 0)
    }

    // MARK: 4. Temporary files of killed writes

    /// The id of a process that has ended.
    static func deadProcessID() throws -> pid_t {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func staleTemporaryFilesAreRemovedOnTheNextWrite() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dead = try Self.deadProcessID(), alive = getpid()
        let stale = dir.appendingPathComponent(".g.graphml.tmp-\(dead)-12345").path
        let live = dir.appendingPathComponent(".g.graphml.tmp-\(alive)-777").path
        let foreign = dir.appendingPathComponent(".h.graphml.tmp-\(dead)-1").path
        for p in [stale, live, foreign] { FileManager.default.createFile(atPath: p, contents: Data(count: 1000)) }
        let r = try kgraphMeasured(["export", "graphml", "-o", dir.appendingPathComponent("g.graphml").path] + graph())
        #expect(r.status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
        // A write in progress and another file's leftovers are not this write's business.
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: foreign))
    }

    @Test func cachePruningRemovesLeftoversOfKilledStores() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = dir.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let dead = try Self.deadProcessID()
        let own = cache.appendingPathComponent(".0123.kgfc.tmp-\(dead)-99").path
        let foundation = cache.appendingPathComponent(".dat.nosyncAbC123").path
        let fresh = cache.appendingPathComponent(".dat.nosyncFresh1").path
        for p in [own, foundation, fresh] { FileManager.default.createFile(atPath: p, contents: Data(count: 100)) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: foundation)
        let file = try Self.bigGraph(1_000, in: dir)  // over the cache's size threshold
        let r = try kgraphMeasured(["check", "--graph", file], environment: ["KGRAPH_CACHE": cache.path])
        #expect(r.status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(left.filter { $0.hasSuffix(".kgfc") }.count == 1)
        #expect(!left.contains(".0123.kgfc.tmp-\(dead)-99"))
        #expect(!left.contains(".dat.nosyncAbC123"))
        // One minutes old may still be written by a running process.
        #expect(left.contains(".dat.nosyncFresh1"))
    }

    // MARK: 5. Floods of one problem

    @Test func repeatedDiagnosticsAreCappedWithACountAndTheWayToSeeAll() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var yaml = "entities:\n"
        for i in 0..<3_000 { yaml += "  - {id: e\(i), name: E \(i), kind: stat}\n" }
        let file = try Self.write(yaml, "flood.yaml", in: dir)
        let check = try kgraphMeasured(["check", "--graph", file])
        #expect(check.status == 2)
        let lines = check.stdout.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines.last == "... 5900 more not shown (3000 error(s), 3000 warning(s) in all); run 'kgraph check --all' to see every one")
        #expect(check.peakMB < Self.smallPeakMB)

        let all = try kgraphMeasured(["check", "--all", "--graph", file])
        #expect(all.stdout.split(separator: "\n").count == 6_000)

        let query = try kgraphMeasured(["entities", "--graph", file])
        #expect(query.status == 2)
        let errorLines = query.stderr.split(separator: "\n")
        #expect(errorLines.count == 102)
        #expect(errorLines[100] == "... 2900 more not shown (3000 error(s), 0 warning(s) in all); run 'kgraph check --all' to see every one")
    }

    // MARK: 6. Files that are not files

    // FIFOs and process substitution: PipeInputTests.

    @Test func symlinkLoopDanglingLinkAndFolderNamedLikeAFileSayWhatTheyAre() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.yaml").path, b = dir.appendingPathComponent("b.yaml").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        let loop = try kgraphMeasured(["check", "--graph", a])
        #expect(loop.status == 2)
        #expect(loop.stderr == "error: cannot read \(a): too many levels of symbolic links (a symbolic link loop)\n")

        let dangling = dir.appendingPathComponent("gone.graphml").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir.path + "/nowhere.graphml")
        let gone = try kgraphMeasured(["check", "--graph", dangling])
        #expect(gone.status == 2)
        #expect(gone.stderr == "error: cannot read \(dangling): it is a symbolic link to a file that does not exist\n")

        let folder = dir.appendingPathComponent("x.graphml").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let f = try kgraphMeasured(["check", "--graph", folder])
        #expect(f.status == 2)
        #expect(f.stderr == "error: \(folder) is a folder, not a .graphml file, and it holds no graph files (*.yaml, *.yml)\n")
    }

    @Test func utf16InputNamesItsEncodingAndTheFix() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let texts = ["g.yaml": "entities:\n  - {id: a, name: A, kind: state}\n",
                     "g.json": "{\"directed\": true, \"multigraph\": true, \"graph\": {}, \"nodes\": [], \"links\": []}",
                     "entities.csv": "id:ID,name,:LABEL\na,A,state\n"]
        for (name, text) in texts {
            for (encoding, bom, label) in [(String.Encoding.utf16LittleEndian, [UInt8(0xFF), 0xFE], "UTF-16"),
                                           (.utf16BigEndian, [], "UTF-16BE")] {
                let path = dir.appendingPathComponent(name).path
                try (Data(bom) + text.data(using: encoding)!).write(to: URL(fileURLWithPath: path))
                let r = try kgraphMeasured(["check", "--graph", path])
                #expect(r.status == 2)
                #expect(r.stdout == "\(path):1:1: error: the file is \(label); kgraph reads UTF-8 (convert it with iconv -f \(label) -t UTF-8)\n",
                        "\(name) \(label)")
            }
        }
    }

    // MARK: 7. Silent changes to data

    @Test func controlCharactersInIdsAreErrors() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = try Self.write(#"{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": "a\u0000b"}, {"id": "c"}], "links": []}"#,
                                  "nul.json", in: dir)
        let r = try kgraphMeasured(["check", "--graph", json])
        #expect(r.status == 2)
        #expect(r.stdout.contains("error: entity id 'a\u{FFFD}b' contains the control character U+0000; ids must be printable text"))

        let csv = try Self.write("id:ID,name,:LABEL\nx\u{0}y,X,state\n", "entities.csv", in: dir)
        let c = try kgraphMeasured(["check", "--graph", csv])
        #expect(c.status == 2)
        #expect(c.stdout.contains("error: entity id 'x\u{FFFD}y' contains the control character U+0000"))

        // An edge's end is checked once, as the id of the entity it names (made when undeclared).
        let ends = try Self.write(#"{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": "c"}], "links": [{"source": "p\u0001q", "target": "c"}]}"#,
                                  "ends.json", in: dir)
        let e = try kgraphMeasured(["check", "--graph", ends])
        #expect(e.status == 2)
        #expect(e.stdout.contains("error: entity id 'p\u{FFFD}q' contains the control character U+0001"))
        #expect(!e.stdout.contains("relation source"))
    }

    @Test func undatableEdgeDatesAndOverflowingNumbersAreReported() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphml = try Self.write("""
            <?xml version="1.0"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key id="d0" for="edge" attr.name="date" attr.type="string"/>
            <graph edgedefault="directed">
            <node id="a"/><node id="b"/>
            <edge source="a" target="b"><data key="d0">2023-02-30</data></edge>
            <edge source="a" target="b"><data key="d0">banana</data></edge>
            </graph></graphml>
            """, "dates.graphml", in: dir)
        let r = try kgraphMeasured(["check", "--graph", graphml])
        #expect(r.stdout.contains("\(graphml):6:1: warning: relation 'e0': date '2023-02-30' is not a date"))
        #expect(r.stdout.contains("\(graphml):7:1: warning: relation 'e1': date 'banana' is not a date"))

        let gexf = try Self.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
            <attributes class="node"><attribute id="0" title="big" type="long"/></attributes>
            <nodes><node id="a" label="A"><attvalues><attvalue for="0" value="99999999999999999999999"/></attvalues></node></nodes>
            </graph></gexf>
            """, "big.gexf", in: dir)
        let g = try kgraphMeasured(["check", "--graph", gexf])
        #expect(g.stdout.contains("warning: a value of attribute '0' is not of its type long; kept as text"))
    }

    @Test func emptyNativeFileIsAWarning() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.write("", "empty.yaml", in: dir)
        let r = try kgraphMeasured(["check", "--strict", "--graph", file])
        #expect(r.status == 2)
        #expect(r.stdout == "\(file):1:1: warning: the file is empty: it has no graph, vocabulary, documents, entities or relations\n")
    }

    // MARK: 8. Symbolic links as the output

    @Test func symbolicLinkOutputsStayLinks() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let real = dir.appendingPathComponent("real.graphml").path, link = dir.appendingPathComponent("link.graphml").path
        fm.createFile(atPath: real, contents: Data("old".utf8))
        try fm.createSymbolicLink(atPath: link, withDestinationPath: "real.graphml")
        let dangling = dir.appendingPathComponent("dangling.json").path
        try fm.createSymbolicLink(atPath: dangling, withDestinationPath: "made.json")
        #expect(try kgraphMeasured(["export", "graphml", "-o", link] + graph()).status == 0)
        #expect(try kgraphMeasured(["export", "json", "-o", dangling] + graph()).status == 0)
        #expect(try fm.destinationOfSymbolicLink(atPath: link) == "real.graphml")
        #expect(try fm.destinationOfSymbolicLink(atPath: dangling) == "made.json")
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("<graphml"))
        #expect(try String(contentsOfFile: dir.appendingPathComponent("made.json").path, encoding: .utf8).contains("\"nodes\""))
    }

    // MARK: 9. Nesting

    @Test func attributesNestedPastTheLimitAreRefusedAndWhatLoadsIsCached() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = dir.appendingPathComponent("cache").path
        func graphFile(depth: Int, name: String) throws -> String {
            var yaml = "entities:\n  - id: a\n    name: A\n    kind: state\n    attributes:\n      x: "
                + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + "\n"
            for i in 0..<1_000 { yaml += "  - {id: e\(i), name: Entity number \(i), kind: state}\n" }  // over the cache threshold
            return try Self.write(yaml, name, in: dir)
        }
        let deep = try graphFile(depth: 64, name: "deep.yaml")
        let r = try kgraphMeasured(["check", "--graph", deep], environment: ["KGRAPH_CACHE": cache])
        #expect(r.status == 2)
        #expect(r.stdout.contains("\(deep):6:\(11 + 32): error: 'x' nests lists and mappings more than 32 levels deep (the limit)"))

        // At the limit the file loads, and the second load comes from the cache: the cache's
        // decoder takes every depth the parser accepts.
        let atLimit = try graphFile(depth: 32, name: "limit.yaml")
        #expect(try kgraphMeasured(["check", "--graph", atLimit], environment: ["KGRAPH_CACHE": cache]).status == 0)
        func entries() throws -> [String: Int] {
            var out: [String: Int] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: cache) where name.hasSuffix(".kgfc") {
                out[name] = try FileManager.default.attributesOfItem(atPath: cache + "/" + name)[.systemFileNumber] as? Int
            }
            return out
        }
        let stored = try entries()
        #expect(stored.count == 2)
        let shown = try kgraphMeasured(["show", "a", "--format", "json", "--graph", atLimit], environment: ["KGRAPH_CACHE": cache])
        #expect(shown.status == 0)
        // Read back, not parsed and stored again (a store replaces the entry's file).
        #expect(try entries() == stored)
    }

    // MARK: 10. Import without parsing its own output

    /// How many times libyaml's parser handed out an event (`yaml_parser_parse`, one call per
    /// event) while kgraph ran `arguments`, counted by a gdb breakpoint.
    static func yamlEvents(_ arguments: [String]) throws -> Int {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outPath = dir.appendingPathComponent("gdb.out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // gdb waits for its program's stops by signals: the test runner's threads block some, and a
        // spawned child would inherit that mask and wait forever.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let words: [String] = ["/usr/bin/gdb", "-q", "-batch", "-ex", "break yaml_parser_parse", "-ex", "ignore 1 1000000000", "-ex", "run",
                     "-ex", "info breakpoints", "--args", productsFolder.appendingPathComponent("kgraph").path] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let environment: [String] = ["KGRAPH_CACHE=off", "PATH=/usr/bin:/bin"]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/gdb", &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(120)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline { kill(pid, SIGKILL) }
            usleep(20_000)
        }
        let text = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("breakpoint already hit") }),
              let count = line.split(separator: " ").compactMap({ Int($0) }).first else { return 0 }
        return count
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/gdb"), "gdb is installed by .ci/setup test"))
    func importChecksItsResultWithoutParsingItsOwnYAML() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var events: [Int: Int] = [:]
        for count in [30, 300] {
            var yaml = "entities:\n"
            for i in 0..<count { yaml += "  - {id: e\(i), name: Entity number \(i), kind: state}\n" }
            let source = try Self.write(yaml, "g\(count).yaml", in: dir)
            let graphml = dir.appendingPathComponent("g\(count).graphml").path
            #expect(try kgraphMeasured(["export", "graphml", "-o", graphml, "--graph", source]).status == 0)
            let out = dir.appendingPathComponent("imported\(count).yaml").path
            events[count] = try Self.yamlEvents(["import", graphml, "-o", out])
            #expect(FileManager.default.fileExists(atPath: out))
        }
        // The probe sees the parser (the vocabulary is YAML)...
        #expect(events[30]! > 0)
        // ...and the import of ten times the entities parses no more: its own output is not read back
        // (it was, at a cost of 231 s and 1.5 GB for a 166 MB GraphML).
        #expect(events[300] == events[30], "\(events)")
        // Loading the written file does parse it, event by event.
        let load = try Self.yamlEvents(["check", "--graph", dir.appendingPathComponent("imported300.yaml").path])
        #expect(load > events[30]! + 300 * 6)
    }

    // MARK: Limits

    @Test func filesOverTheSizeLimitAreRefusedUnread() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huge.graphml").path
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(truncate(path, 5 << 30) == 0)  // sparse: no disk used
        let r = try kgraphMeasured(["check", "--graph", path], timeout: 20)
        #expect(!r.timedOut)
        #expect(r.status == 2)
        #expect(r.stdout == "\(path):1:1: error: cannot read file: it is 5368709120 bytes, over the limit of 4294967296 bytes (4 GiB) that kgraph reads\n")
        #expect(r.peakMB < Self.smallPeakMB)
    }

    @Test func valuesOverTheSizeLimitAreErrors() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = String(repeating: "x", count: 17 << 20)
        let json = try Self.write(#"{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": "a", "label": "\#(long)"}], "links": []}"#,
                                  "long.json", in: dir)
        let r = try kgraphMeasured(["check", "--graph", json])
        #expect(r.status == 2)
        #expect(r.stdout == "\(json):1:85: error: invalid JSON: a string over the limit of 16777216 bytes (16 MiB) for one value\n")
        #expect(r.peakMB < 500)
    }
}
