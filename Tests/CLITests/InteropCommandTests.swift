import Foundation
import Testing

/// The shipped graph (`Graphs/`).
let shippedGraph = ["--graph", packageRoot.appendingPathComponent("Graphs").path]
/// Real files from other tools (`Tests/Fixtures/corpus`, origins and licences in its SOURCES.md).
let corpus = packageRoot.appendingPathComponent("Tests/Fixtures/corpus")

/// `kgraph export` and `kgraph import` end to end, and direct loading of other formats.
@Suite struct InteropCommandTests {
    @Test(arguments: ["graphml", "gexf", "json", "cytoscape", "cypher", "mermaid", "dot"])
    func exportWritesAFile(_ format: String) throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("g.\(format)").path
        let r = try kgraph(["export", format, "-o", out] + graph())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "")
        #expect(r.stderr == "wrote \(out): 6 entities, 5 relations\n")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        // Standard output gets the same bytes.
        let s = try kgraph(["export", format] + graph())
        #expect(s.status == 0)
        #expect(s.stdout == written)
        #expect(s.stderr == "")
    }

    @Test func exportAppliesTheSelection() throws {
        let r = try kgraph(["export", "json", "--type", "attacked"] + graph())
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let edges = json["edges"] as! [[String: Any]]
        #expect(edges.map { $0["key"] as! String } == ["kh-attacked-t22", "kh-attacked-tanf"])
        #expect((json["nodes"] as! [[String: Any]]).map { $0["id"] as! String }.sorted() == ["al-tanf", "kataib-hezbollah", "tower-22"])
        let focus = try kgraph(["export", "mermaid", "--focus", "Kirby", "--depth", "1"] + graph())
        #expect(focus.stdout.contains("\"John Kirby\"") && focus.stdout.contains("\"United States\"") && !focus.stdout.contains("Iran"))
    }

    @Test func aFailedExportLeavesTheOldFileAlone() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("g.graphml").path
        try Data("old contents".utf8).write(to: URL(fileURLWithPath: out))
        let r = try kgraph(["export", "graphml", "-o", out, "--focus", "nobody-at-all"] + graph())
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: no entity is named 'nobody-at-all'") || r.stderr.contains("nobody-at-all"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old contents")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["g.graphml"])
        // Into a folder that does not exist: refused, nothing created.
        let bad = try kgraph(["export", "graphml", "-o", dir.appendingPathComponent("no/such/g.graphml").path] + graph())
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("error: cannot write "))
    }

    @Test func csvGoesIntoAFolder() throws {
        let r = try kgraph(["export", "csv"] + graph())
        #expect(r.status == 2)
        #expect(r.stderr.contains("csv writes two files (entities.csv, relations.csv): give the folder with -o DIR"))
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("neo4j").path
        let w = try kgraph(["export", "csv", "-o", out] + graph())
        #expect(w.status == 0, "\(w.stderr)")
        // The pair and its manifest (which pairs belong together: AtomicFile.write(files:)).
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [".kgraph-group", "entities.csv", "relations.csv"])
        let relations = try String(contentsOfFile: out + "/relations.csv", encoding: .utf8).split(separator: "\n")
        #expect(relations.count == 6)
        #expect(relations[2].hasPrefix("kataib-hezbollah,tower-22,ATTACKED,kh-attacked-t22,attacked,attacked,2024-01-28,day,2024-01-28,2024-01-28,medium,attributed,"))
        // The pair loads back for any command through either file.
        let check = try kgraph(["relations", "--graph", out + "/relations.csv", "--type", "attacked"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Kata'ib Hezbollah --attacked--> Tower 22  2024-01-28  medium confidence, attributed  [mee]"))
    }

    @Test func dialectOnlyWithCypher() throws {
        let r = try kgraph(["export", "json", "--dialect", "falkordb"] + graph())
        #expect(r.status == 2)
        #expect(r.stderr.contains("--dialect goes with cypher only"))
        let f = try kgraph(["export", "cypher", "--dialect", "falkordb"] + graph())
        #expect(f.status == 0)
        #expect(f.stdout.contains("\nCREATE INDEX FOR (n:Entity) ON (n.id);\n"))
        #expect(!f.stdout.contains("CONSTRAINT"))
        #expect(try kgraph(["export", "cypher", "--dialect", "oracle"] + graph()).status == 2)
    }

    @Test func yedMarkupOnlyWithGraphML() throws {
        let r = try kgraph(["export", "gexf", "--yed"] + graph())
        #expect(r.status == 2)
        #expect(r.stderr.contains("--yed goes with graphml only"))
        let y = try kgraph(["export", "graphml", "--yed"] + graph())
        #expect(y.stdout.contains(#"<key id="y_node" for="node" yfiles.type="nodegraphics"/>"#))
        #expect(y.stdout.contains("<y:NodeLabel>Kata&apos;ib Hezbollah</y:NodeLabel>") || y.stdout.contains("<y:NodeLabel>Kata'ib Hezbollah</y:NodeLabel>"))
    }

    /// Export, import back into YAML, and the graph is the same: every entity and relation field.
    @Test(arguments: ["graphml", "json", "cytoscape"])
    func importRoundTrip(_ format: String) throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exported = dir.appendingPathComponent("g." + (format == "cytoscape" ? "cyjs" : format)).path
        #expect(try kgraph(["export", format, "-o", exported] + shippedGraph).status == 0)
        let yaml = dir.appendingPathComponent("imported.yaml").path
        let imp = try kgraph(["import", exported, "-o", yaml])
        #expect(imp.status == 0, "\(imp.stderr)")
        #expect(imp.stderr.contains("wrote \(yaml): "))
        let check = try kgraph(["check", "--graph", yaml])
        #expect(check.status == 0)
        // The reports' texts stay beside the shipped graph, so each document gets one note that its
        // quotes are not verified here; nothing else is found.
        let findings = check.stdout.split(separator: "\n")
        #expect(findings.count == 5 && findings.allSatisfy { $0.contains(": note: ") && $0.contains("are not verified") },
                "the imported file loads with no diagnostics: \(check.stdout)")
        for command in [["entities", "--format", "json"], ["relations", "--format", "json"], ["vocabulary"]] {
            let a = try kgraph(command + shippedGraph), b = try kgraph(command + ["--graph", yaml])
            #expect(a.stdout == b.stdout, "\(command)")
        }
        let original = try kgraph(["show", "kh", "--format", "json"] + shippedGraph)
        #expect(try kgraph(["show", "kh", "--format", "json", "--graph", yaml]).stdout == original.stdout)
    }

    @Test
    func importChecksTheVocabulary() throws {
        let modern = corpus.appendingPathComponent("graphml/tinkerpop_modern.graphml").path
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("modern.yaml").path
        let refused = try kgraph(["import", modern, "-o", out])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: entity kinds the vocabulary lacks: 'software' (2); relation types the vocabulary lacks: "
                + "'knows' (2), 'created' (4); add them to the new file's vocabulary with --extend-vocabulary\n")
        #expect(!FileManager.default.fileExists(atPath: out))
        let ok = try kgraph(["import", modern, "-o", out, "--extend-vocabulary"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stderr.contains("note: 6 relation(s) had no source; they cite 'import-tinkerpop_modern'"))
        #expect(ok.stderr.hasSuffix("wrote \(out): 6 entities, 6 relations, 1 documents\n"))
        let check = try kgraph(["check", "--graph", out])
        #expect(check.status == 0)
        #expect(check.stdout == "\(out):28:5: note: 6 quote(s) citing 'import-tinkerpop_modern' are not verified: "
                + "it names no text file ('file:')\n")
        let yaml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(yaml.hasPrefix("# Imported by `kgraph import` from tinkerpop_modern.graphml.\n"))
        #expect(yaml.contains("    - id: software\n      label: software\n"))
        #expect(yaml.contains("  - id: \"1\"\n    name: marko\n    kind: person\n"))
        #expect(yaml.contains("        quote: edge 7 from 1 to 2\n"))
        let again = try kgraph(["import", modern, "-o", out, "--extend-vocabulary"])
        #expect(again.status == 2)
        #expect(again.stderr == "error: \(out) exists; pass --force to replace it\n")
    }

    @Test
    func otherFormatsLoadDirectlyForEveryCommand() throws {
        let modern = corpus.appendingPathComponent("graphml/tinkerpop_modern.graphml").path
        let show = try kgraph(["show", "marko", "--graph", modern])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("marko [1]\n  kind: person\n"))
        let check = try kgraph(["check", "--graph", modern])
        #expect(check.status == 0)
        #expect(check.stdout.contains("warning: unknown entity kind 'software' (2 entities)"))
        let path = try kgraph(["path", "marko", "ripple", "--graph", modern])
        #expect(path.status == 0, "\(path.stderr)")
        let bad = try kgraph(["check", "--graph", corpus.appendingPathComponent("graphml/apoc_invalid_control_chars.graphml").path])
        #expect(bad.status == 2)
        #expect(bad.stdout.hasSuffix("apoc_invalid_control_chars.graphml:5:16: error: character U+0013 (a control character) is not allowed in XML\n"))
    }
}
