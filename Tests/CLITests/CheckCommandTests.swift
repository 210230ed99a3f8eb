import Foundation
import Testing

/// `kgraph check` beyond the file's form: quotes against the reports' texts.
@Suite struct CheckCommandTests {
    /// A copy of the shipped graph (its YAML and its documents) in a fresh folder.
    func shippedCopy() throws -> URL {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Graphs"), to: dir.appendingPathComponent("Graphs"))
        return dir.appendingPathComponent("Graphs")
    }

    @Test func theShippedGraphChecksCleanWithEveryQuoteVerified() throws {
        let r = try kgraph(["check", "--strict", "--graph", packageRoot.appendingPathComponent("Graphs").path])
        #expect(r.status == 0)
        #expect(r.stdout == "")
    }

    @Test func anInventedQuoteFailsAtItsLineAndColumnWithExit2() throws {
        let graphs = try shippedCopy()
        defer { try? FileManager.default.removeItem(at: graphs.deletingLastPathComponent()) }
        let file = graphs.appendingPathComponent("iran-militias-2021-2024.yaml")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        // The first quote of the file, replaced by words the report never printed.
        let n = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("quote: ") })
        let column = try #require(lines[n].range(of: "quote: ")).upperBound.utf16Offset(in: lines[n]) + 1
        lines[n] = String(lines[n].prefix(column - 1)) + "\"Iran ordered every attack personally\""
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        let r = try kgraph(["check", "--graph", graphs.path])
        #expect(r.status == 2)
        let errors = r.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(file.path):\(n + 1):\(column): error: quote not found in the text of '") == true)
        #expect(errors.first?.contains("; did you mean \"") == true)
        // Again, from the parse cache: the quote keeps its place.
        #expect(try kgraph(["check", "--graph", graphs.path]).stdout == r.stdout)
    }

    @Test func aMissingTextIsOneNoteAndNotAnError() throws {
        let graphs = try shippedCopy()
        defer { try? FileManager.default.removeItem(at: graphs.deletingLastPathComponent()) }
        let documents = graphs.appendingPathComponent("documents")
        let text = try #require(try FileManager.default.contentsOfDirectory(atPath: documents.path).sorted().first { $0.hasSuffix(".txt") })
        try FileManager.default.removeItem(at: documents.appendingPathComponent(text))

        let r = try kgraph(["check", "--graph", graphs.path])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(": note: ") == true)
        #expect(lines.first?.contains("are not verified: its text is not at \(documents.path)/\(text)") == true)
    }

    @Test func checkJSONListsEveryFinding() throws {
        let r = try kgraph(["check", "--format", "json"] + graph("broken.yaml"))
        #expect(r.status == 2)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["errors"] as? Int == 3)
        #expect(obj["warnings"] as? Int == 1)
        let first = try #require((obj["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["severity"] as? String == "warning")
        #expect(first["line"] as? Int == 2)
        #expect(first["column"] as? Int == 5)
        #expect(first["file"] as? String == fixtures.appendingPathComponent("broken.yaml").path)
    }
}

/// `--assertion`, `--min-confidence`, `--exclude-added`: one meaning in every command that selects.
@Suite struct StrengthOptionTests {
    static let shipped = ["--graph", packageRoot.appendingPathComponent("Graphs").path]

    /// The relation ids a command prints as JSON (a list of relations, or a path or neighbourhood answer).
    func relationIDs(_ arguments: [String]) throws -> Set<String> {
        let r = try kgraph(arguments + ["--format", "json"] + Self.shipped)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        if let list = json as? [[String: Any]] { return Set(list.compactMap { $0["id"] as? String }) }
        let obj = try #require(json as? [String: Any])
        if let rels = obj["relations"] as? [[String: Any]] { return Set(rels.compactMap { $0["id"] as? String }) }
        let paths = try #require(obj["paths"] as? [[String: Any]])
        return Set(paths.flatMap { ($0["hops"] as? [[String: Any]] ?? []).compactMap { $0["relationId"] as? String } })
    }

    @Test func everyCommandLeavesOutTheSameRelations() throws {
        let all = try relationIDs(["relations"])
        let firm = try relationIDs(["relations", "--assertion", "reported", "--min-confidence", "medium", "--exclude-added"])
        #expect(!firm.isEmpty && firm.count < all.count)
        let weak = all.subtracting(firm)
        for command in [["timeline"], ["neighbors", "KH", "--depth", "3"], ["path", "IRGC", "US base", "-k", "5"]] {
            let seen = try relationIDs(command + ["--assertion", "reported", "--min-confidence", "medium", "--exclude-added"])
            #expect(!seen.isEmpty, "\(command)")
            #expect(seen.isDisjoint(with: weak), "\(command) printed \(seen.intersection(weak))")
        }
        let exported = try kgraph(["export", "json", "--assertion", "reported", "--min-confidence", "medium", "--exclude-added"] + Self.shipped)
        let links = try #require((try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])?["edges"] as? [[String: Any]])
        #expect(Set(links.compactMap { $0["key"] as? String }) == firm)
        let dot = try kgraph(["render", "--format", "dot", "--assertion", "denied"] + Self.shipped)
        #expect(dot.status == 0)
        #expect(dot.stdout.contains("assertion denied"))
    }

    @Test func aWrongValueIsAnErrorNamingTheChoices() throws {
        for command in [["relations"], ["timeline"], ["neighbors", "KH"], ["path", "IRGC", "Iran"], ["export", "json"], ["render", "--format", "dot"]] {
            let r = try kgraph(command + ["--assertion", "rumoured"] + Self.shipped)
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr.contains("--assertion: 'rumoured' is not an assertion; use reported, claimed, attributed, alleged, denied"), "\(command)")
            let c = try kgraph(command + ["--min-confidence", "certain"] + Self.shipped)
            #expect(c.status == 2, "\(command)")
        }
    }
}

/// Added facts read as added, in text and JSON, wherever relations are printed.
@Suite struct ProvenanceMarkTests {
    @Test func timelineAndPathsMarkEveryAddedFact() throws {
        let shipped = StrengthOptionTests.shipped
        let json = try kgraph(["timeline", "--format", "json"] + shipped)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.allSatisfy { ["reported", "added"].contains($0["provenance"] as? String) })
        let added = list.filter { $0["provenance"] as? String == "added" }
        #expect(added.count >= 10)
        let text = try kgraph(["timeline"] + shipped).stdout.split(separator: "\n").filter { $0.contains(" --") }
        #expect(text.count == list.count)
        #expect(text.filter { $0.hasSuffix(", added from general knowledge)") }.count == added.count)
        #expect(!text.contains { $0.contains("added from general knowledge") && $0.contains(", reported") })

        // The path, and one through an added fact (Trump ordering the strike on Soleimani).
        for query in [["IRGC", "US base", "-k", "5"], ["Trump", "Quds Force", "-k", "3"]] {
            let paths = try kgraph(["path"] + query + ["--format", "json"] + shipped)
            let hops = try #require((try JSONSerialization.jsonObject(with: Data(paths.stdout.utf8)) as? [String: Any])?["paths"] as? [[String: Any]])
                .flatMap { $0["hops"] as? [[String: Any]] ?? [] }
            #expect(hops.allSatisfy { ["reported", "added"].contains($0["provenance"] as? String) })
            let addedHops = hops.filter { $0["provenance"] as? String == "added" }
            if query[0] == "Trump" { #expect(!addedHops.isEmpty) }
            let pathText = try kgraph(["path"] + query + shipped).stdout
            #expect(pathText.components(separatedBy: ", added from general knowledge\n").count - 1 == addedHops.count)
        }
    }
}
