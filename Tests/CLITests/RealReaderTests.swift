import Foundation
import Testing

/// Runs a program found on PATH.
func runTool(_ tool: String, _ arguments: [String]) throws -> Outcome {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Outcome(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// What a real reader saw in a file (Tests/Scripts/read_graph.py).
struct ReaderView {
    var nodes: Int
    var edges: Int
    var multigraph: Bool
    var graph: [String: Any]
    var nodeValues: [String: [String: Any]]
    var edgeValues: [(source: String, target: String, key: String?, values: [String: Any])]
}

/// Reads `file` with `reader` (networkx-graphml, igraph-graphml, networkx-gexf, networkx-json).
func readWithPython(_ reader: String, _ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ReaderView? {
    let script = packageRoot.appendingPathComponent("Tests/Scripts/read_graph.py").path
    let r = try runTool("python3", [script, reader, file])
    if r.status == 3 {
        Issue.record("\(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) (make test installs it through .ci/setup test)",
                     sourceLocation: sourceLocation)
        return nil
    }
    guard r.status == 0 else {
        Issue.record("\(reader) could not read \(file): \(r.stderr.suffix(2000))", sourceLocation: sourceLocation)
        return nil
    }
    let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    let edges = (o["edge_values"] as! [[Any]]).map { e in
        (source: e[0] as! String, target: e[1] as! String, key: e[2] as? String, values: e[3] as! [String: Any])
    }
    return ReaderView(nodes: o["nodes"] as! Int, edges: o["edges"] as! Int, multigraph: o["multigraph"] as! Bool,
                      graph: o["graph"] as! [String: Any], nodeValues: o["node_values"] as! [String: [String: Any]],
                      edgeValues: edges)
}

/// The shipped graph as kgraph's own JSON prints it: the expectation the real readers are held to.
struct Expected {
    var entities: [[String: Any]]
    var relations: [[String: Any]]

    init() throws {
        entities = try JSONSerialization.jsonObject(with: Data(try kgraph(["entities", "--format", "json"] + shippedGraph).stdout.utf8)) as! [[String: Any]]
        relations = try JSONSerialization.jsonObject(with: Data(try kgraph(["relations", "--format", "json"] + shippedGraph).stdout.utf8)) as! [[String: Any]]
    }

    /// How many relations carry `field`.
    func relationCount(_ field: String) -> Int { relations.filter { $0[field] != nil }.count }

    /// How many relations carry free attribute `name`.
    func attributeCount(_ name: String) -> Int {
        relations.filter { ($0["attributes"] as? [String: Any])?[name] != nil }.count
    }

    var attributeNames: Set<String> { Set(relations.flatMap { ($0["attributes"] as? [String: Any] ?? [:]).keys }) }
}

/// A JSON text or a nested value, as Foundation objects.
func decoded(_ v: Any?) -> Any? {
    if let s = v as? String, let d = s.data(using: .utf8),
       let j = try? JSONSerialization.jsonObject(with: d, options: [.fragmentsAllowed]) {
        return j
    }
    return v
}

func same(_ a: Any?, _ b: Any?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return NSDictionary(dictionary: ["v": a]).isEqual(NSDictionary(dictionary: ["v": b]))
}

/// Every export of the shipped graph read back by its real consumer: the counts of nodes, edges and
/// attribute values match, and the values are the graph's.
@Suite(.serialized) struct RealReaderTests {
    let expected: Expected
    init() throws { expected = try Expected() }

    func export(_ format: String, ext: String) throws -> (URL, String) {
        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent("shipped.\(ext)").path
        let r = try kgraph(["export", format, "-o", file] + shippedGraph)
        #expect(r.status == 0, "\(r.stderr)")
        return (dir, file)
    }

    /// Nodes: count, and each node's name, kind and aliases. Edges: count, attribute-value counts,
    /// and each edge's type, date, confidence, assertion, sources and free attributes, found by id.
    func checkView(_ v: ReaderView, _ who: String, edgeID: ((String?, [String: Any]) -> String?)?, sourcesNested: Bool = false) {
        #expect(v.nodes == expected.entities.count, "\(who): nodes")
        #expect(v.edges == expected.relations.count, "\(who): edges")
        for e in expected.entities {
            let id = e["id"] as! String
            guard let n = v.nodeValues[id] else { Issue.record("\(who): node \(id) missing"); continue }
            #expect(n["label"] as? String == e["name"] as? String, "\(who): \(id) label")
            #expect(n["kind"] as? String == e["kind"] as? String, "\(who): \(id) kind")
            let aliases = e["aliases"] as! [String]
            #expect(same(decoded(n["aliases"]), aliases.isEmpty ? nil : aliases), "\(who): \(id) aliases")
        }
        // Attribute-value counts per name.
        func count(_ name: String) -> Int { v.edgeValues.filter { $0.values[name] != nil }.count }
        for field in ["relation", "confidence", "assertion", "sources", "label"] {
            #expect(count(field) == expected.relations.count, "\(who): edges with \(field)")
        }
        #expect(count("date") == expected.relationCount("date"), "\(who): edges with a date")
        #expect(count("date_precision") == expected.relationCount("date"), "\(who): edges with a date precision")
        #expect(count("note") == expected.relationCount("note"), "\(who): edges with a note")
        for name in expected.attributeNames { #expect(count(name) == expected.attributeCount(name), "\(who): edges with \(name)") }
        // Values, edge by edge: each expected relation is found by its ends, type, date and sources
        // (igraph does not keep GraphML edge ids).
        func canonical(_ v: Any?) -> String {
            guard let v, JSONSerialization.isValidJSONObject(["v": v]),
                  let d = try? JSONSerialization.data(withJSONObject: ["v": v], options: [.sortedKeys]) else { return "\(v ?? "")" }
            return String(decoding: d, as: UTF8.self)
        }
        func signature(_ s: String, _ t: String, _ relation: Any?, _ date: Any?, _ sources: Any?) -> String {
            [s, t, "\(relation ?? "")", "\(date ?? "")", canonical(sources)].joined(separator: "|")
        }
        var pool: [String: [[String: Any]]] = [:]
        for e in v.edgeValues {
            let key = signature(e.source, e.target, e.values["relation"], e.values["date"], sourcesNested ? e.values["sources"] : decoded(e.values["sources"]))
            pool[key, default: []].append(e.values)
        }
        for r in expected.relations {
            let id = r["id"] as! String
            let key = signature(r["source"] as! String, r["target"] as! String, r["relation"], r["date"], r["sources"])
            guard var candidates = pool[key], !candidates.isEmpty else { Issue.record("\(who): edge \(id) missing"); continue }
            let e = candidates.removeFirst()
            pool[key] = candidates
            #expect(e["confidence"] as? String == r["confidence"] as? String, "\(who): \(id) confidence")
            #expect(e["assertion"] as? String == r["assertion"] as? String, "\(who): \(id) assertion")
            #expect(e["note"] as? String == r["note"] as? String, "\(who): \(id) note")
            for (name, value) in r["attributes"] as? [String: Any] ?? [:] {
                #expect(same(decoded(e[name]), value) || same(e[name], value), "\(who): \(id) attribute \(name): \(e[name] ?? "none") for \(value)")
            }
        }
        // Edge keys, where the reader keeps them, are the relation ids.
        if let edgeID {
            let keys = v.edgeValues.compactMap { edgeID($0.key, $0.values) }
            #expect(Set(keys) == Set(expected.relations.map { $0["id"] as! String }), "\(who): edge ids are relation ids")
        }
    }

    /// The GraphML and GEXF 1.3 schemas (`Tests/Fixtures/schemas`, origins in its SOURCES.md).
    static let schemas = packageRoot.appendingPathComponent("Tests/Fixtures/schemas")

    @Test(arguments: [("graphml", "graphml/graphml.xsd"), ("gexf", "gexf-1.3/gexf.xsd")])
    func validAgainstTheSchema(_ format: String, _ schema: String) throws {
        let (dir, file) = try export(format, ext: format)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lint = try runTool("xmllint", ["--nonet", "--noout", "--schema", Self.schemas.appendingPathComponent(schema).path, file])
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stderr == "\(file) validates\n")
    }

    @Test func graphMLByNetworkXAndIgraph() throws {
        let (dir, file) = try export("graphml", ext: "graphml")
        defer { try? FileManager.default.removeItem(at: dir) }
        if let nx = try readWithPython("networkx-graphml", file) {
            #expect(nx.multigraph)
            #expect(nx.graph["title"] as? String != nil)
            #expect((decoded(nx.graph["documents"]) as? [Any])?.count == 5)
            checkView(nx, "networkx", edgeID: { key, _ in key })
        }
        if let ig = try readWithPython("igraph-graphml", file) {
            checkView(ig, "igraph", edgeID: nil)
        }
    }

    @Test func graphMLForYEdStaysReadable() throws {
        let (dir, _) = try export("graphml", ext: "graphml")
        defer { try? FileManager.default.removeItem(at: dir) }
        let yed = dir.appendingPathComponent("yed.graphml").path
        #expect(try kgraph(["export", "graphml", "--yed", "-o", yed] + shippedGraph).status == 0)
        if let nx = try readWithPython("networkx-graphml", yed) {
            checkView(nx, "networkx (yEd markup)", edgeID: { key, _ in key })
        }
    }

    @Test func gexfByNetworkX() throws {
        let (dir, file) = try export("gexf", ext: "gexf")
        defer { try? FileManager.default.removeItem(at: dir) }
        if let nx = try readWithPython("networkx-gexf", file) {
            checkView(nx, "networkx GEXF", edgeID: { key, values in key ?? values["id"] as? String })
            // Dated edges carry start and end days for Gephi's timeline.
            let dated = nx.edgeValues.filter { $0.values["start"] != nil || $0.values["end"] != nil }.count
            #expect(dated == expected.relationCount("date"))
        }
    }

    @Test func nodeLinkJSONByNetworkX() throws {
        let (dir, file) = try export("json", ext: "json")
        defer { try? FileManager.default.removeItem(at: dir) }
        if let nx = try readWithPython("networkx-json", file) {
            #expect(nx.multigraph)
            #expect(Set(nx.edgeValues.compactMap(\.key)) == Set(expected.relations.map { $0["id"] as! String }), "edge keys are relation ids")
            checkView(nx, "networkx node-link", edgeID: { key, _ in key }, sourcesNested: true)
            #expect(nx.edgeValues.allSatisfy { $0.values["sources"] is [[String: Any]] }, "sources are nested objects")
        }
    }
}

/// Real files from other tools, loaded directly and exported again: the GraphML is schema-valid and
/// NetworkX reads the GraphML, GEXF and node-link JSON with the same node and edge counts.
@Suite
struct CorpusReexportTests {
    static let files = ["graphml/boost_graphml_test.graphml", "graphml/gephi_lesmiserables.graphml",
                        "graphml/graphology_missing_nodes.graphml", "graphml/graphology_mixed_multigraph.graphml",
                        "graphml/osmnx_oakland_piedmont_drive.graphml", "graphml/prefuse_terror.graphml",
                        "graphml/tinkerpop_grateful_dead.graphml", "graphml/yed_3_23_groups_cdata.graphml",
                        "gexf/gephi_0_8_1_rio.gexf", "gexf/graphology_v1_3_lists.gexf", "gexf/networkit_dynamic.gexf"]

    @Test(arguments: files)
    func reexportIsReadable(_ name: String) throws {
        let source = ["--graph", corpus.appendingPathComponent(name).path]
        let stats = try kgraph(["check"] + source)
        #expect(stats.status == 0)
        // "1 file(s), N entities, M relations, ..."
        let numbers = stats.stderr.split(separator: " ").compactMap { Int($0) }
        let (nodes, edges) = (numbers[1], numbers[2])
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (format, reader) in [("graphml", "networkx-graphml"), ("gexf", "networkx-gexf"), ("json", "networkx-json")] {
            let file = dir.appendingPathComponent("x.\(format)").path
            let r = try kgraph(["export", format, "-o", file] + source)
            #expect(r.status == 0, "\(r.stderr)")
            if format != "json" {
                let schema = format == "graphml" ? "graphml/graphml.xsd" : "gexf-1.3/gexf.xsd"
                let lint = try runTool("xmllint", ["--nonet", "--noout", "--schema", RealReaderTests.schemas.appendingPathComponent(schema).path, file])
                #expect(lint.status == 0, "\(format): \(lint.stderr.prefix(500))")
            }
            if let v = try readWithPython(reader, file) {
                #expect(v.nodes == nodes && v.edges == edges, "\(format): \(v.nodes)/\(v.edges) for \(nodes)/\(edges)")
            }
        }
    }
}
