import Foundation
import Testing

/// What a command-line tool is expected to have besides its commands: a version, shell
/// completions that know the graph's names, a manual page.
@Suite struct PackagingTests {
    @Test func versionIsOneLineAndExitsZero() throws {
        let r = try kgraph(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(r.stdout)")
    }

    /// The shell's call back into kgraph, as the generated scripts make it:
    /// `kgraph ---completion SUBCOMMAND -- ARGUMENT CWORD CURSOR kgraph WORDS...`.
    func complete(_ subcommand: String, _ argument: String, _ words: [String]) throws -> [String] {
        let line = ["kgraph"] + words
        let r = try kgraph(["---completion", subcommand, "--", argument, String(line.count - 1),
                            String(line.last?.count ?? 0)] + line)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test func entityNamesCompleteFromTheGraphTheWordsName() throws {
        let small = graph()
        #expect(try complete("show", "positional@0", ["show"] + small + ["ka"]) == ["kataib-hezbollah"])
        #expect(try complete("show", "positional@0", ["show"] + small + ["K"]) == ["kataib-hezbollah", "KH", "Kirby", "kirby"])
        #expect(try complete("path", "positional@1", ["path"] + small + ["kh", "t"]) == ["tower-22"])
        // A name with a space is left out (a shell splits it); the entity's id stands for it.
        #expect(try complete("neighbors", "positional@0", ["neighbors"] + small + ["u"]) == ["U.S.", "united-states", "US"])
        // No graph to read: nothing offered, and no error for the shell to print.
        let empty = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(try complete("show", "positional@0", ["show", "--graph", empty.appendingPathComponent("none.yaml").path, "k"]) == [])
    }

    @Test func kindsAndTypesCompleteFromTheVocabulary() throws {
        let small = graph()
        #expect(try complete("entities", "--kind", ["entities"] + small + ["--kind", "mil"]) == ["militia"])
        #expect(try complete("relations", "--type", ["relations"] + small + ["--type", "stru"]) == ["struck"])
    }

    @Test func completionScriptsCallKgraphBackForNames() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try kgraph(["--generate-completion-script", shell])
            #expect(r.status == 0)
            #expect(r.stdout.contains("---completion show -- positional@0") || r.stdout.contains("---completion show -- 'positional@0'")
                    || r.stdout.contains("show -- positional@0"), "\(shell)")
        }
    }
}
