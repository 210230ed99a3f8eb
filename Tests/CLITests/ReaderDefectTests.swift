import Foundation
import Testing

/// Runs Python `code` with `arguments` (`sys.argv[1:]`); a missing module is recorded as what
/// `.ci/setup test` installs, any other failure with Python's message.
func python(_ code: String, _ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome? {
    let r = try runTool("python3", ["-c", code] + arguments)
    guard r.status == 0 else {
        let missing = r.stderr.contains("ModuleNotFoundError")
        Issue.record("\(missing ? "make test installs it through .ci/setup test: " : "")\(r.stderr.suffix(1500))",
                     sourceLocation: sourceLocation)
        return nil
    }
    return r
}

/// Issue 16's defects, each found by a real reader and checked through it: files NetworkX and
/// igraph write are loaded and imported, and what kgraph writes is read by NetworkX and igraph.
@Suite(.serialized) struct ReaderDefectTests {
    let dir: URL
    init() throws { dir = try temporaryFolder() }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// 1. A free attribute named like a field (`date` in the EPL corpus file, `label` in a NetworkX
    /// graph) gets its own `attr.name`: igraph reads the file, NetworkX keeps both values apart.
    @Test func graphMLAttributesNamedLikeFieldsKeepTheirOwnKey() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let epl = corpus.appendingPathComponent("graphml/krlawrence_epl_2013_2014.graphml").path
        let r = try kgraph(["export", "graphml", "-o", path("epl.graphml"), "--graph", epl])
        #expect(r.status == 0, "\(r.stderr)")
        if let ig = try readWithPython("igraph-graphml", path("epl.graphml")) {
            #expect(ig.nodes == 33 && ig.edges == 423)
        }
        guard let original = try readWithPython("networkx-graphml", epl),
              let nx = try readWithPython("networkx-graphml", path("epl.graphml")) else { return }
        let dates = original.edgeValues.compactMap { $0.values["date"] as? String }.sorted()
        #expect(dates.count > 300)
        #expect(nx.edgeValues.compactMap { $0.values["attribute_date"] as? String }.sorted() == dates)
        #expect(nx.edgeValues.allSatisfy { $0.values["date"] == nil }, "no relation of the file has a kgraph date")
        // kgraph reads its own file back with the attribute under its own name.
        let back = try kgraph(["relations", "--format", "json", "--graph", path("epl.graphml")])
        let relations = try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as! [[String: Any]]
        #expect(relations.compactMap { ($0["attributes"] as? [String: Any])?["date"] as? String }.sorted() == dates)

        // A NetworkX graph whose edges have a `label` of their own.
        guard try python("""
            import networkx as nx, sys
            g = nx.MultiDiGraph()
            g.add_edge("a", "b", label="first strike", relation="attacked")
            g.add_edge("b", "a", label="reply", relation="struck")
            nx.write_graphml(g, sys.argv[1])
            """, [path("labels.graphml")]) != nil else { return }
        let l = try kgraph(["export", "graphml", "-o", path("labels-out.graphml"), "--graph", path("labels.graphml")])
        #expect(l.status == 0, "\(l.stderr)")
        if let ig = try readWithPython("igraph-graphml", path("labels-out.graphml")) {
            #expect(ig.edges == 2)
        }
    }

    /// 2. Nodes without a kind joined by built-in types (igraph's and NetworkX's plain files, a
    /// NetworkX dynamic GEXF) import with --extend-vocabulary, and the result loads cleanly.
    @Test(arguments: ["igraph.graphml", "networkx-dynamic.gexf"])
    func kindlessFilesImport(_ name: String) throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        guard try python("""
            import sys
            out = sys.argv[1]
            if out.endswith(".graphml"):
                import igraph as ig
                g = ig.Graph(directed=True)
                g.add_vertices(3)
                g.vs["name"] = ["kh", "base", "us"]
                g.add_edges([(0, 1), (2, 0)])
                g.es["relation"] = ["attacked", "struck"]
                g.write_graphml(out)
            else:
                import networkx as nx
                g = nx.MultiDiGraph(mode="dynamic")
                g.add_edge("kh", "base", relation="attacked", start="2024-01-28", end="2024-01-28")
                g.add_edge("us", "kh", relation="struck", start="2024-02-02", end="2024-02-02")
                nx.write_gexf(g, out)
            """, [path(name)]) != nil else { return }
        let r = try kgraph(["import", path(name), "-o", path("out.yaml"), "--extend-vocabulary"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("'attacked' from node") && r.stderr.contains("'struck' from node"), "\(r.stderr)")
        let check = try kgraph(["check", "--graph", path("out.yaml")])
        #expect(check.status == 0, "\(check.stderr)")
        let relations = try kgraph(["relations", "--format", "json", "--graph", path("out.yaml")])
        let types = (try JSONSerialization.jsonObject(with: Data(relations.stdout.utf8)) as! [[String: Any]]).map { $0["type"] as? String ?? $0["relation"] as? String ?? "" }
        #expect(types.sorted() == ["attacked", "struck"])
        // Without the flag: refused, saying why and what to add.
        let plain = try kgraph(["import", path(name), "-o", path("plain.yaml")])
        #expect(plain.status == 2)
        #expect(plain.stderr.contains("--extend-vocabulary") && !plain.stderr.contains("kgraph bug"), "\(plain.stderr)")
    }

    /// 3. A NetworkX file where a person "struck" 2,000 times loads with one counted warning (an
    /// error with --strict-vocabulary, capped like every list of diagnostics).
    @Test func vocabularyRulesAreWarningsInForeignFiles() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        guard try python("""
            import networkx as nx, sys
            g = nx.MultiDiGraph()
            g.add_node("base", kind="site")
            for i in range(2000):
                g.add_node(f"p{i}", kind="person")
                g.add_edge(f"p{i}", "base", relation="struck")
            nx.write_graphml(g, sys.argv[1])
            """, [path("people.graphml")]) != nil else { return }
        let graph = ["--graph", path("people.graphml")]
        let relations = try kgraph(["relations", "--type", "struck"] + graph)
        #expect(relations.status == 0, "\(relations.stderr)")
        #expect(relations.stdout.split(separator: "\n").count == 2000)
        let check = try kgraph(["check"] + graph)
        #expect(check.status == 0)
        let warnings = check.stdout.split(separator: "\n").filter { $0.contains("'struck' cannot start at a person") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("(2000 relation(s); --strict-vocabulary makes this an error)") == true, "\(check.stdout)")
        let strict = try kgraph(["check", "--strict-vocabulary"] + graph)
        #expect(strict.status == 2)
        #expect(strict.stdout.split(separator: "\n").count < 110, "capped")
        #expect(strict.stdout.contains("1902 more not shown"))
        #expect(try kgraph(["check", "--strict-vocabulary", "--all"] + graph).stdout.components(separatedBy: "cannot start at 'p").count == 2001)
    }

    /// 4. Node-link JSON opens in NetworkX 3.3 (installed apart by `.ci/setup test`) as the format
    /// table says: `node_link_graph(data, link="edges")`.
    @Test func nodeLinkOpensInOlderNetworkX() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/kgraph/networkx-3.3").path
        #expect(FileManager.default.fileExists(atPath: old + "/networkx"), "make test installs NetworkX 3.3 there through .ci/setup test")
        let r = try kgraph(["export", "json", "-o", path("g.json")] + shippedGraph)
        #expect(r.status == 0, "\(r.stderr)")
        guard let out = try python("""
            import sys
            sys.path.insert(0, sys.argv[1])
            import json, networkx as nx
            assert nx.__version__ == "3.3", nx.__version__
            g = nx.node_link_graph(json.load(open(sys.argv[2])), link="edges")
            print(g.number_of_nodes(), g.number_of_edges(), g.is_multigraph(), g.is_directed())
            """, [old, path("g.json")]) else { return }
        let expected = try Expected()
        #expect(out.stdout == "\(expected.entities.count) \(expected.relations.count) True True\n")
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(#"NetworkX 3.3 to 3.5 read them with `node_link_graph(data, link="edges")`"#))
    }

    /// 5. NetworkX's `cytoscape_graph` reads the Cytoscape export: a directed multigraph with every
    /// node and edge, edge keys the relation ids.
    @Test func cytoscapeExportOpensInNetworkX() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try kgraph(["export", "cytoscape", "-o", path("g.cyjs")] + shippedGraph)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try Expected()
        guard let nx = try readWithPython("networkx-cytoscape", path("g.cyjs")) else { return }
        #expect(nx.multigraph)
        #expect(nx.nodes == expected.entities.count)
        #expect(nx.edges == expected.relations.count)
        #expect(Set(nx.edgeValues.compactMap(\.key)) == Set(expected.relations.map { $0["id"] as! String }))
        // Direction kept: each relation's ends as kgraph has them.
        let ends = Set(expected.relations.map { "\($0["source"]!)>\($0["target"]!)" })
        #expect(Set(nx.edgeValues.map { "\($0.source)>\($0.target)" }) == ends)
        // kgraph reads its own file back the same.
        let back = try kgraph(["entities", "--format", "json", "--graph", path("g.cyjs")])
        let entities = try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as! [[String: Any]]
        #expect(entities.count == expected.entities.count)
        #expect(entities.allSatisfy { ($0["attributes"] as? [String: Any])?["value"] == nil })
    }

    /// 7. An edge attribute named `key` (and `label`, `date`) no longer breaks `networkx.read_gexf`,
    /// and each keeps its value.
    @Test func gexfAttributesNamedLikeNetworkXKeys() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = """
            documents:
              - {id: d, title: T}
            entities:
              - {id: a, name: A, kind: militia}
              - {id: b, name: B, kind: site}
            relations:
              - {id: r1, source: a, type: attacked, target: b, date: 2024-01-28, sources: [{document: d, quote: q}],
                 attributes: {key: k-1, label: own label, date: the 28th, weight: 3}}
              - {id: r2, source: a, type: attacked, target: b, sources: [{document: d, quote: q}], attributes: {key: k-2}}
            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path("g.yaml")))
        let r = try kgraph(["export", "gexf", "-o", path("g.gexf"), "--graph", path("g.yaml")])
        #expect(r.status == 0, "\(r.stderr)")
        guard let nx = try readWithPython("networkx-gexf", path("g.gexf")) else { return }
        #expect(nx.edges == 2)
        let r1 = nx.edgeValues.first { ($0.key ?? $0.values["id"] as? String) == "r1" }?.values ?? [:]
        #expect(r1["attribute_key"] as? String == "k-1")
        #expect(r1["attribute_label"] as? String == "own label")
        #expect(r1["attribute_date"] as? String == "the 28th")
        #expect(r1["date"] as? String == "2024-01-28")
        #expect(r1["label"] as? String == "attacked")
        if let ig = try { () throws -> ReaderView? in
            #expect(try kgraph(["export", "graphml", "-o", path("g.graphml"), "--graph", path("g.yaml")]).status == 0)
            return try readWithPython("igraph-graphml", path("g.graphml"))
        }() {
            #expect(ig.edges == 2)
        }
        // Read back by kgraph: the attributes under their own names.
        for file in ["g.gexf", "g.graphml"] {
            let back = try kgraph(["relations", "--format", "json", "--graph", path(file)])
            let rel = (try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as! [[String: Any]]).first { $0["id"] as? String == "r1" }
            let a = rel?["attributes"] as? [String: Any] ?? [:]
            #expect(a["key"] as? String == "k-1" && a["label"] as? String == "own label" && a["date"] as? String == "the 28th", "\(file): \(a)")
        }
    }

    /// 7. Mermaid: the title in the front matter is YAML, not Mermaid text (no `#quot;`), and a
    /// name holding a backslash and `n` is not turned into a line break.
    @Test func mermaidTitleAndBackslashes() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = #"""
            graph: {title: 'The "Axis" graph'}
            documents:
              - {id: d, title: T}
            entities:
              - {id: a, name: 'C:\new folder', kind: militia}
              - {id: b, name: B, kind: site}
            relations:
              - {id: r1, source: a, type: attacked, target: b, sources: [{document: d, quote: q}]}
            """#
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path("g.yaml")))
        let r = try kgraph(["export", "mermaid", "--graph", path("g.yaml")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix(#"---\#ntitle: "The \"Axis\" graph"\#n---\#n"#), "\(r.stdout)")
        #expect(r.stdout.contains(#""C:#92;new folder""#), "\(r.stdout)")
        #expect(!r.stdout.contains(#"\n"#))
    }

    /// 8. Non-Latin ids NetworkX writes import as readable Latin slugs, the original kept under `ids`.
    @Test func nonLatinIDsImportReadably() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        guard try python("""
            import networkx as nx, sys
            g = nx.MultiDiGraph()
            g.add_node("كتائب حزب الله", kind="militia")
            g.add_node("Кирилл", kind="person")
            g.add_node("北京", kind="site")
            g.add_edge("كتائب حزب الله", "北京", relation="attacked")
            nx.write_graphml(g, sys.argv[1])
            """, [path("names.graphml")]) != nil else { return }
        let r = try kgraph(["import", path("names.graphml"), "-o", path("out.yaml")])
        #expect(r.status == 0, "\(r.stderr)")
        let entities = try JSONSerialization.jsonObject(with: Data(try kgraph(["entities", "--format", "json", "--graph", path("out.yaml")]).stdout.utf8)) as! [[String: Any]]
        let ids = Set(entities.map { $0["id"] as! String })
        #expect(ids == ["ktayb-hzb-allh", "kirill", "bei-jing"], "\(ids)")
        let text = try String(contentsOfFile: path("out.yaml"), encoding: .utf8)
        #expect(text.contains("Кирилл") && text.contains("北京") && text.contains("كتائب حزب الله"))
    }
}

/// The exports for threat-intelligence, investigative and linked-data platforms, each read by its
/// real consumer.
@Suite(.serialized) struct PlatformExportTests {
    let dir: URL
    init() throws { dir = try temporaryFolder() }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// The STIX bundle passes `stix2-validator` with no errors, and the `stix2` library parses it
    /// back with one object per entity, relation and cited document.
    @Test func stixBundleValidatesAndParses() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try kgraph(["export", "stix", "-o", path("g.json")] + shippedGraph)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try Expected()
        let cited = Set(expected.relations.flatMap { ($0["sources"] as? [[String: Any]] ?? []).compactMap { $0["document"] as? String } })
        guard let out = try python("""
            import sys, json, collections
            from stix2validator import validate_file
            import stix2
            result = validate_file(sys.argv[1])
            errors = [e.message for o in result.object_results for e in o.errors]
            bundle = stix2.parse(open(sys.argv[1]).read(), allow_custom=False)
            counts = collections.Counter(o.type for o in bundle.objects)
            sightings = [o for o in bundle.objects if o.type == "sighting"]
            print(json.dumps({"valid": result.is_valid, "errors": errors[:5], "counts": counts,
                              "confidences": sorted({o.confidence for o in bundle.objects if o.type in ("relationship", "sighting")}),
                              "quotes": sum(len(o.external_references) - 1 for o in bundle.objects if o.type == "report")}))
            """, [path("g.json")]) else { return }
        let o = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
        #expect(o["valid"] as? Bool == true, "\(o["errors"] ?? "")")
        #expect((o["errors"] as? [String])?.isEmpty == true)
        let counts = o["counts"] as! [String: Int]
        let actors = ["identity", "threat-actor", "intrusion-set", "location"].reduce(0) { $0 + (counts[$1] ?? 0) }
        #expect(actors == expected.entities.count)
        #expect((counts["relationship"] ?? 0) + (counts["sighting"] ?? 0) == expected.relations.count)
        #expect((counts["sighting"] ?? 0) > 0)
        #expect(counts["report"] == cited.count)
        #expect(Set(o["confidences"] as! [Int]).isSubset(of: [15, 50, 85]))
        #expect(o["quotes"] as? Int == expected.relations.reduce(0) { $0 + (($1["sources"] as? [Any])?.count ?? 0) })
    }

    /// The followthemoney library loads every entity of `kgraph export ftm` strictly
    /// (Tests/Scripts/check_ftm.py: known, writable properties; values FtM's cleaning keeps as
    /// written; required properties; references in range): one entity per entity, document and
    /// relation, each relation dated and cited as the graph has it, and FtM's own graph gives
    /// Kata'ib Hezbollah the neighbours `kgraph neighbors` gives.
    @Test func ftmEntitiesLoadInFollowTheMoney() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try kgraph(["export", "ftm", "-o", path("g.ftm")] + shippedGraph)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try Expected()
        let documents = try JSONSerialization.jsonObject(with: Data(try kgraph(["documents", "--format", "json"] + shippedGraph).stdout.utf8)) as! [Any]
        let n = try kgraph(["neighbors", "KH", "--format", "json"] + shippedGraph)
        let neighbours = ((try JSONSerialization.jsonObject(with: Data(n.stdout.utf8)) as! [String: Any])["entities"] as! [[String: Any]])
            .map { ($0["entity"] as! [String: Any])["id"] as! String }.sorted()
        #expect(!neighbours.isEmpty)
        let script = packageRoot.appendingPathComponent("Tests/Scripts/check_ftm.py").path
        let out = try runTool("python3", [script, path("g.ftm"), "kataib-hezbollah"])
        guard out.status == 0 else {
            let missing = out.stderr.contains("ModuleNotFoundError")
            Issue.record("\(missing ? "make test installs it through .ci/setup test: " : "")\(out.stderr.suffix(1500))")
            return
        }
        let o = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
        #expect(o["error_count"] as? Int == 0, "\(o["errors"] ?? "")")
        let schemata = o["schemata"] as! [String: Int]
        let actors = ["Person", "PublicBody", "Organization", "Address", "Contract", "LegalEntity"].reduce(0) { $0 + (schemata[$1] ?? 0) }
        #expect(actors == expected.entities.count)
        #expect(schemata["Article"] == documents.count)
        #expect(o["relations"] as? Int == expected.relations.count)
        for schema in ["Person", "PublicBody", "Organization", "Address", "Membership", "Representation", "Directorship", "Event", "UnknownLink"] {
            #expect((schemata[schema] ?? 0) > 0, "no \(schema)")
        }
        #expect(o["dated"] as? Int == expected.relationCount("date"))
        #expect(o["with_proof"] as? Int == expected.relations.filter { !(($0["sources"] as? [Any])?.isEmpty ?? true) }.count)
        let quotes = expected.relations.reduce(0) { $0 + (($1["sources"] as? [Any])?.count ?? 0) }
        #expect(o["quotes"] as? Int == quotes + expected.relationCount("note"), "each quote and note is a description")
        #expect(o["neighbours"] as? [String] == neighbours)
    }

    /// rdflib parses the Turtle and the JSON-LD into the same graph, and a SPARQL query run by
    /// pyoxigraph over the Turtle finds Kata'ib Hezbollah's neighbours as `kgraph neighbors` does.
    @Test func rdfParsesAndAnswersLikeNeighbors() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        for (format, ext) in [("turtle", "ttl"), ("jsonld", "jsonld")] {
            let r = try kgraph(["export", format, "-o", path("g.\(ext)")] + shippedGraph)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let n = try kgraph(["neighbors", "KH", "--format", "json"] + shippedGraph)
        #expect(n.status == 0)
        let entities = (try JSONSerialization.jsonObject(with: Data(n.stdout.utf8)) as! [String: Any])["entities"] as! [[String: Any]]
        let expected = entities.map { ($0["entity"] as! [String: Any])["id"] as! String }.sorted()
        #expect(!expected.isEmpty)
        guard let out = try python("""
            import sys, json, rdflib, pyoxigraph
            from rdflib.compare import isomorphic
            ttl = rdflib.Graph().parse(sys.argv[1], format="turtle")
            jsonld = rdflib.Graph().parse(sys.argv[2], format="json-ld")
            store = pyoxigraph.Store()
            store.load(path=sys.argv[1], format=pyoxigraph.RdfFormat.TURTLE)
            query = (
                "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                "SELECT DISTINCT ?n WHERE { ?kh rdfs:label \\"Kata'ib Hezbollah\\" . "
                "{ ?s rdf:subject ?kh ; rdf:object ?n } UNION { ?s rdf:object ?kh ; rdf:subject ?n } "
                "FILTER (?n != ?kh) }")
            prefix = "urn:kgraph:entity:"
            ids = sorted(r["n"].value[len(prefix):] for r in store.query(query))
            statements = len(set(ttl.subjects(rdflib.RDF.type, rdflib.RDF.Statement)))
            print(json.dumps({"triples": len(ttl), "same": isomorphic(ttl, jsonld), "ids": ids, "statements": statements}))
            """, [path("g.ttl"), path("g.jsonld")]) else { return }
        let o = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
        #expect(o["same"] as? Bool == true, "rdflib reads the same graph from Turtle and JSON-LD")
        #expect((o["triples"] as? Int ?? 0) > 1000)
        #expect(o["ids"] as? [String] == expected)
        #expect(o["statements"] as? Int == (try Expected()).relations.count)
    }
}
