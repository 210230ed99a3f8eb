import Foundation
import Testing

/// Every subcommand's `--help` ends with examples, and every example works on the shipped graph.
@Suite struct HelpExamplesTests {
    /// The subcommands `kgraph --help` lists.
    func subcommands() throws -> [String] {
        let help = try kgraph(["--help"]).stdout
        let listing = try #require(help.components(separatedBy: "SUBCOMMANDS:\n").last?.components(separatedBy: "\n\n").first)
        return listing.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else { return nil }
            return word == "help" ? nil : String(word)
        }
    }

    /// The example lines a subcommand's help ends with.
    func examples(_ command: String) throws -> [String] {
        let r = try kgraph([command, "--help"])
        #expect(r.status == 0)
        let parts = r.stdout.components(separatedBy: "\nEXAMPLES:\n")
        #expect(parts.count == 2, "kgraph \(command) --help has no EXAMPLES block at its end")
        return (parts.last ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Splits an example into words: spaces separate, double quotes group.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for c in line {
            if c == "\"" { quoted.toggle(); started = true }
            else if c == " " && !quoted { if started { words.append(word) }; word = ""; started = false }
            else { word.append(c); started = true }
        }
        if started { words.append(word) }
        return words
    }

    /// Each subcommand names itself (`commandName`, not its type's name): the names the README shows.
    @Test func subcommandNames() throws {
        #expect(try subcommands() == ["check", "show", "entities", "relations", "render", "vocabulary", "path", "neighbors",
                                      "timeline", "stats", "export", "import", "documents", "search", "diff", "quotes"])
    }

    @Test func everySubcommandsHelpEndsWithTwoOrThreeExamplesOfItself() throws {
        let commands = try subcommands()
        #expect(commands.count >= 15)
        for command in commands {
            let lines = try examples(command)
            #expect((1...3).contains(lines.count), "\(command): \(lines.count) examples")
            #expect(lines.allSatisfy { $0.hasPrefix("kgraph \(command)") }, "\(command): \(lines)")
        }
        #expect(try kgraph(["help", "path"]).stdout.hasSuffix(try kgraph(["path", "--help"]).stdout))
    }

    /// Run in a folder holding a copy of the shipped graph (found as ./Graphs), an older copy of
    /// its file (old.yaml) and, once the export example has run, out/graph.graphml. An example
    /// may find nothing (exit 1), never fail (exit 2).
    @Test func everyExampleRunsOnTheShippedGraph() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shipped = packageRoot.appendingPathComponent("Graphs")
        try FileManager.default.copyItem(at: shipped, to: dir.appendingPathComponent("Graphs"))
        let yaml = try #require(try FileManager.default.contentsOfDirectory(atPath: shipped.path).first { $0.hasSuffix(".yaml") })
        try FileManager.default.copyItem(at: shipped.appendingPathComponent(yaml), to: dir.appendingPathComponent("old.yaml"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        let commands = try subcommands()
        // export first: the import and diff examples read what it wrote.
        for command in ["export"] + commands.filter({ $0 != "export" }) {
            for line in try examples(command) {
                let r = try kgraph(Array(Self.words(line).dropFirst()), in: dir)
                #expect(r.status == 0 || r.status == 1, "\(line): exit \(r.status): \(r.stderr)")
            }
        }
        for written in ["out/graph.svg", "out/kh.png", "out/graph.graphml", "out/imported.yaml"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(written).path), "\(written)")
        }
    }
}
