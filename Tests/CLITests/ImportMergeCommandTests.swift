import Foundation
import Testing

/// `kgraph import --into`: incoming entities matched to a graph folder by id, name and alias,
/// conflicts reported, and only what the folder lacks written, to a new file in it.
@Suite struct ImportMergeCommandTests {
    /// A fresh folder holding a copy of the shipped graph as `Graphs/`.
    func shippedCopy() throws -> URL {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Graphs"), to: dir.appendingPathComponent("Graphs"))
        return dir
    }

    /// A GraphML file another tool could have written: nodes with a label and a kind, typed edges.
    func graphML(nodes: [(id: String, label: String, kind: String)], edges: [(id: String, source: String, target: String, type: String)]) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="kind" for="node" attr.name="kind" attr.type="string"/>
              <key id="type" for="edge" attr.name="type" attr.type="string"/>
              <graph id="G" edgedefault="directed">

            """
        for n in nodes {
            out += "    <node id=\"\(n.id)\"><data key=\"label\">\(n.label)</data><data key=\"kind\">\(n.kind)</data></node>\n"
        }
        for e in edges {
            out += "    <edge id=\"\(e.id)\" source=\"\(e.source)\" target=\"\(e.target)\"><data key=\"type\">\(e.type)</data></edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    /// "69 entities, 165 relations and 5 documents" for the shipped graph, as `check` counts them.
    func shippedCounts() throws -> String {
        let summary = try kgraph(["check"] + shippedGraph).stderr
        let counts = try #require(summary.split(separator: ":").first).split(separator: ",").dropFirst()
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return "\(counts[0]), \(counts[1]) and \(counts[2])"
    }

    func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func theShippedGraphsOwnExportAddsNothing() throws {
        let dir = try shippedCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphs = dir.appendingPathComponent("Graphs")
        let exported = dir.appendingPathComponent("shipped.graphml").path
        #expect(try kgraph(["export", "graphml", "-o", exported] + shippedGraph).status == 0)
        let before = try files(in: graphs)

        let r = try kgraph(["import", exported, "--into", graphs.path])
        #expect(r.status == 1, "nothing to add is exit 1: \(r.stderr)")
        let entities = try kgraph(["entities", "--format", "json"] + shippedGraph).stdout.components(separatedBy: "\"id\" :").count - 1
        #expect(entities > 50)
        #expect(r.stdout.hasPrefix("Entities: \(entities) matched, 0 added\nRelations: "))
        #expect(r.stdout.contains(" matched, 0 added\nDocuments: 5 matched, 0 added\n"))
        #expect(r.stdout.hasSuffix("no existing file was changed\nNothing to add: nothing was written\n"))
        #expect(try files(in: graphs) == before)

        let json = try kgraph(["import", exported, "--into", graphs.path, "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let e = try #require(object["entities"] as? [String: Any])
        #expect((e["added"] as? [Any])?.count == 0)
        #expect((e["matched"] as? [[String: Any]])?.count == entities)
        #expect((e["matched"] as? [[String: Any]])?.allSatisfy { $0["by"] as? String == "id" && $0["incoming"] as? String == $0["existing"] as? String } == true)
        #expect(((object["relations"] as? [String: Any])?["added"] as? [Any])?.count == 0)
        #expect(object["written"] == nil)
        #expect((object["conflicts"] as? [Any])?.count == 0)
    }

    @Test func aForeignFileAddsTheNewActorAndReusesTheKnownOne() throws {
        let dir = try shippedCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphs = dir.appendingPathComponent("Graphs")
        let other = dir.appendingPathComponent("other.graphml")
        // n0 is the shipped graph's Kata'ib Hezbollah, spelled as another tool would; n1 is new.
        try graphML(nodes: [("n0", "Kataib Hezbollah", "militia"), ("n1", "Harakat al-Nujaba", "militia")],
                    edges: [("e0", "n1", "n0", "allied-with")]).write(to: other, atomically: true, encoding: .utf8)

        let dry = try kgraph(["import", other.path, "--into", graphs.path, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(!FileManager.default.fileExists(atPath: graphs.appendingPathComponent("other.yaml").path))

        let counts = try shippedCounts()
        let r = try kgraph(["import", other.path, "--into", graphs.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            Entities: 1 matched, 1 added
              = 'Kataib Hezbollah' [n0] is 'Kata'ib Hezbollah' [kataib-hezbollah] (by name 'Kataib Hezbollah')
              + 'Harakat al-Nujaba' [n1] (militia)
            Relations: 0 matched, 1 added
              + e0  Harakat al-Nujaba --allied-with--> Kata'ib Hezbollah
            Documents: 0 matched, 1 added
              + import-other  Imported from other.graphml
            Left alone: the existing \(counts); no existing file was changed
            Wrote \(graphs.path)/other.yaml

            """)
        #expect(dry.stdout == r.stdout.replacingOccurrences(of: "Wrote \(graphs.path)/other.yaml\n", with: ""))
        let written = try String(contentsOf: graphs.appendingPathComponent("other.yaml"), encoding: .utf8)
        #expect(written.contains("    source: n1\n    type: allied-with\n    target: kataib-hezbollah\n"))
        #expect(!written.contains("Kataib Hezbollah"), "the matched actor is not written again")

        // The folder loads clean with one Kata'ib Hezbollah, now allied with the new group.
        let check = try kgraph(["check", "--graph", graphs.path])
        #expect(check.status == 0)
        #expect(!check.stdout.contains("warning"), "\(check.stdout)")
        let show = try kgraph(["show", "Kataib Hezbollah", "--graph", graphs.path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("<- Harakat al-Nujaba"))

        // Again: everything is there now.
        let again = try kgraph(["import", other.path, "--into", graphs.path, "-o", graphs.appendingPathComponent("again.yaml").path])
        #expect(again.status == 1)
        #expect(again.stdout.hasPrefix("Entities: 2 matched, 0 added\n"))
        #expect(again.stdout.contains("Relations: 1 matched, 0 added\n"))
        #expect(!FileManager.default.fileExists(atPath: graphs.appendingPathComponent("again.yaml").path))
    }

    @Test func conflictsStopTheMergeWithExit2() throws {
        let dir = try shippedCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphs = dir.appendingPathComponent("Graphs")
        let other = dir.appendingPathComponent("conflicts.graphml")
        try graphML(nodes: [("n0", "The Kataib Hezbollah", "militia"), ("n1", "KH", "militia"),
                            ("n2", "US base", "site"), ("n3", "Iran", "place"), ("n4", "Al-Nujaba", "militia")],
                    edges: []).write(to: other, atomically: true, encoding: .utf8)
        let before = try files(in: graphs)
        let r = try kgraph(["import", other.path, "--into", graphs.path])
        #expect(r.status == 2)
        #expect(r.stdout.hasPrefix("Conflicts (3), so nothing was written:\n"))
        #expect(r.stdout.contains("\n  'The Kataib Hezbollah' [n0] and 'KH' [n1]: both match 'Kata'ib Hezbollah' [kataib-hezbollah]"))
        #expect(r.stdout.contains("\n  'US base' [n2]: its name 'US base' names several site entities: 'Tower 22' [tower-22] (site), "))
        #expect(r.stdout.contains("\n  'Iran' [n3]: it is a place and its names are those of 'Iran' [iran] (state)\n"))
        #expect(try files(in: graphs) == before)

        let json = try kgraph(["import", other.path, "--into", graphs.path, "--format", "json"])
        #expect(json.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let conflicts = try #require(object["conflicts"] as? [[String: Any]])
        #expect(conflicts.map { $0["incoming"] as? [String] ?? [] } == [["n0", "n1"], ["n2"], ["n3"]])
        #expect(conflicts[2]["existing"] as? [String] == ["iran"])
    }

    @Test func writingTheWholeFileInsideTheFolderIsRefusedWhenItDuplicates() throws {
        let dir = try shippedCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphs = dir.appendingPathComponent("Graphs")
        let other = dir.appendingPathComponent("other.graphml")
        try graphML(nodes: [("n0", "Kataib Hezbollah", "militia"), ("n1", "Harakat al-Nujaba", "militia")],
                    edges: [("e0", "n1", "n0", "allied-with")]).write(to: other, atomically: true, encoding: .utf8)
        let inside = graphs.appendingPathComponent("x.yaml").path
        let r = try kgraph(["import", other.path, "-o", inside])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: \(inside) is inside the graph folder "))
        #expect(r.stderr.contains("already has 1 of the incoming entities ('Kataib Hezbollah' is [kataib-hezbollah])"))
        #expect(r.stderr.contains("Merge with: kgraph import \(other.path) --into "))
        #expect(!FileManager.default.fileExists(atPath: inside))
        // Outside the folder it is a graph of its own, written as before.
        let outside = dir.appendingPathComponent("x.yaml").path
        #expect(try kgraph(["import", other.path, "-o", outside]).status == 0)
    }

    @Test func theTargetMustBeANewYAMLFileInsideTheFolder() throws {
        let dir = try shippedCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphs = dir.appendingPathComponent("Graphs")
        let exported = dir.appendingPathComponent("shipped.graphml").path
        #expect(try kgraph(["export", "graphml", "-o", exported] + shippedGraph).status == 0)
        let own = graphs.appendingPathComponent("iran-militias-2021-2024.yaml").path
        let r = try kgraph(["import", exported, "--into", graphs.path, "-o", own, "--force"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: \(own) is a file of the graph in \(graphs.path); name a new file with -o\n")
        let outside = try kgraph(["import", exported, "--into", graphs.path, "-o", dir.appendingPathComponent("o.yaml").path])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("must be a .yaml file inside \(graphs.path)"))
        let noFolder = try kgraph(["import", exported, "--into", own])
        #expect(noFolder.status == 2)
        #expect(noFolder.stderr == "error: --into takes a graph folder; \(own) is not one\n")
    }
}
