import Foundation
import Testing
@testable import KGraph

/// Each format's writer read back by its reader.
@Suite struct FormatRoundTripTests {
    func expectSame(_ a: Graph, _ b: Graph, sourceLocation: SourceLocation = #_sourceLocation) {
        let x = GraphContent(a), y = GraphContent(b)
        #expect(x.difference(from: y) == nil, "\(x.difference(from: y) ?? "")", sourceLocation: sourceLocation)
    }

    @Test func nodeLinkJSON() throws {
        for g in [try trickyGraph(), try shippedGraph()] {
            let (back, d) = readGraph(NodeLinkWriter.json(g), ext: "json")
            #expect(!d.hasErrors, "\(d.prefix(3))")
            expectSame(g, back)
        }
    }

    @Test func cytoscapeJSON() throws {
        for g in [try trickyGraph(), try shippedGraph()] {
            for ext in ["json", "cyjs"] {
                let (back, d) = readGraph(CytoscapeWriter.json(g), ext: ext)
                #expect(!d.hasErrors, "\(d.prefix(3))")
                expectSame(g, back)
            }
        }
    }

    /// GEXF has no place for documents and the graph's own vocabulary; everything else comes back.
    @Test func gexfKeepsEntitiesAndRelations() throws {
        for g in [try trickyGraph(), try shippedGraph()] {
            let (back, _) = readGraph(GEXFWriter.gexf(g), ext: "gexf")
            var a = GraphContent(g), b = GraphContent(back)
            a.documents = []; b.documents = []; a.kinds = []; b.kinds = []; a.types = []; b.types = []
            b.title = a.title; b.description = a.description
            #expect(a.difference(from: b) == nil, "\(a.difference(from: b) ?? "")")
        }
    }

    @Test func gexfParallelEdgesKeepDistinctKinds() throws {
        let text = String(decoding: GEXFWriter.gexf(try trickyGraph()), as: UTF8.self)
        #expect(text.contains(#"kind="attacked" start="2024-01-28" end="2024-01-28""#))
        #expect(text.contains(#"kind="attacked#2" start="2023-10-01">"#))
        #expect(text.contains(#"kind="attacked#3" start="2019-01-01" end="2021-06-30""#))
    }

    /// The CSV pair keeps entities and relations (not the document list); it is read from a folder.
    @Test func neo4jCSVPair() throws {
        let g = try trickyGraph()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-csv-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var h = g
        // ';' is Neo4j's array delimiter: such an alias is refused.
        #expect(throws: ExportError.self) { try Neo4jCSVWriter.csv(h) }
        h = try Graph.without(alias: "Hizb; semi", in: g)
        let (entities, relations) = try Neo4jCSVWriter.csv(h)
        try AtomicFile.write(files: [(entities, dir.appendingPathComponent("entities.csv").path),
                                     (relations, dir.appendingPathComponent("relations.csv").path)])
        // Lists, maps and attributes of mixed types travel as JSON text in string columns.
        var expected = GraphContent(h)
        let entityColumns = AttributeColumns(h.entities.map(\.attributes)).columns, relationColumns = AttributeColumns(h.relations.map(\.attributes)).columns
        func asText(_ v: AttributeValue, _ t: AttributeColumns.ColumnType) -> AttributeValue {
            t == .json ? .string(v.jsonText) : t == .mixed ? .string(v.text) : v
        }
        for i in expected.entities.indices {
            for c in entityColumns { expected.entities[i].attributes[c.name] = expected.entities[i].attributes[c.name].map { asText($0, c.type) } }
        }
        for i in expected.relations.indices {
            for c in relationColumns { expected.relations[i].attributes[c.name] = expected.relations[i].attributes[c.name].map { asText($0, c.type) } }
        }
        for file in ["entities.csv", "relations.csv"] {
            let result = try GraphLoader.load(paths: [dir.appendingPathComponent(file).path])
            let got = GraphContent(result.graph)
            #expect(got.entities == expected.entities, "\(file)")
            #expect(got.relations == expected.relations, "\(file)")
        }
        let header = String(decoding: entities, as: UTF8.self).split(separator: "\n")[0]
        #expect(header == "id:ID,name,:LABEL,kind,aliases:string[],shared-aliases:string[],country,description,ids,provenance,note,active:boolean,label,meta,mixed,motto,ratio:double,strength:long,tags")
        let rel = String(decoding: relations, as: UTF8.self).split(separator: "\n")
        #expect(rel[0] == ":START_ID,:END_ID,:TYPE,id,label,relation,date,date_precision,start:date,end:date,confidence,assertion,sources,documents:string[],provenance,note,injured,killed,weapons")
        #expect(rel[1].hasPrefix(#"a,b.site-22,ATTACKED,r1,attacked,attacked,2024-01-28,day,2024-01-28,2024-01-28,medium,attributed,"[{""document"":""doc-1"","#))
    }

    @Test func csvQuotingAndErrors() {
        #expect(Neo4jCSVWriter.field("plain") == "plain")
        #expect(Neo4jCSVWriter.field("a,b") == "\"a,b\"")
        #expect(Neo4jCSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Neo4jCSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(Neo4jCSVWriter.label("armed-force") == "ArmedForce")
        #expect(Neo4jCSVWriter.relationshipType("spoke-for") == "SPOKE_FOR")
        let bad = readGraph(Data("id:ID,name\na,\"unterminated\n".utf8), ext: "csv", file: "e.csv")
        #expect(bad.diagnostics.map(\.description) == ["e.csv:2:3: error: unterminated quoted field (the file ends inside it)"])
        let short = readGraph(Data("id:ID,name\na\n".utf8), ext: "csv", file: "e.csv")
        #expect(short.diagnostics.first?.description == "e.csv:2:1: error: 1 field(s) where the header has 2")
    }

    @Test func jsonErrorsAreLocated() {
        let (_, d) = readGraph(Data("{\"nodes\": [\n  {\"id\": 1,}\n]}".utf8), ext: "json", file: "g.json")
        #expect(d.map(\.description) == ["g.json:2:12: error: invalid JSON: expected a quoted key in an object"])
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(readGraph(Data(deep.utf8), ext: "json", file: "g.json").diagnostics.first?.description
                == "g.json:1:257: error: invalid JSON: JSON nested deeper than 256 levels")
        let dup = readGraph(Data(#"{"nodes":[{"id":"a"},{"id":"a"}],"edges":[]}"#.utf8), ext: "json", file: "g.json")
        #expect(dup.diagnostics.first?.description == "g.json:1:22: error: duplicate node id 'a' (first at g.json:1:11)")
    }

    @Test func foreignNodeLinkFromNetworkX() {
        // As networkx.node_link_data writes a graph with integer nodes, before 3.4 (`links`).
        let json = #"{"directed": false, "multigraph": false, "graph": {"name": "karate"}, "nodes": [{"club": "Mr. Hi", "id": 0}, {"club": "Officer", "id": 1}], "links": [{"weight": 4, "source": 0, "target": 1}]}"#
        let (g, d) = readGraph(Data(json.utf8), ext: "json")
        #expect(!d.hasErrors)
        #expect(g.title == "karate")
        #expect(g.entities.map(\.id) == ["0", "1"])
        #expect(g.entities[0].attributes == ["club": .string("Mr. Hi")])
        #expect(g.relations.map(\.id) == ["e0"])
        #expect(g.relations[0].attributes == ["weight": .int(4)])
    }
}

extension Graph {
    /// `g` with one alias removed everywhere (tests).
    static func without(alias: String, in g: Graph) throws -> Graph {
        var h = Graph(vocabulary: g.vocabulary)
        h.title = g.title
        h.description = g.description
        for d in g.documents { try h.add(d) }
        for e in g.entities { var x = e; x.aliases.removeAll { $0 == alias }; try h.add(x) }
        for r in g.relations { try h.add(r) }
        return h
    }
}

/// The native YAML writer behind `kgraph import`.
@Suite struct YAMLWriterTests {
    @Test func writtenYAMLLoadsBackUnchanged() throws {
        for g in [try trickyGraph(), try shippedGraph()] {
            let converted = try GraphImport.convert(g, file: "x.graphml", format: "graphml", extendVocabulary: false)
            let text = GraphYAMLWriter.yaml(converted.graph, header: ["header"], kinds: converted.kinds, types: converted.types)
            let back = GraphLoader.load(yaml: text, file: "x.yaml")
            #expect(!back.diagnostics.hasErrors, "\(back.diagnostics.prefix(3))")
            let a = GraphContent(g), b = GraphContent(back.graph)
            #expect(a.difference(from: b) == nil, "\(a.difference(from: b) ?? "")")
        }
    }

    @Test func scalarsKeepTheirTypes() {
        for s in ["yes", "No", "null", "~", "true", "3", "3.5", "-1", ".5", "+1", "2024-01-28", "0x1F", "- item", "a: b", "a #b",
                  " lead", "trail ", "", "#hash", "@at", "`tick", "multi\nline", "tab\there", "quote\"s", "back\\slash", "é", "\u{7}"] {
            let yaml = "entities:\n  - {id: a, name: " + GraphYAMLWriter.scalar(s) + ", kind: state}\n"
            let g = GraphLoader.load(yaml: yaml).graph
            #expect(g.entity(id: "a")?.name == s, "\(s) written as \(GraphYAMLWriter.scalar(s))")
        }
        #expect(GraphYAMLWriter.scalar("plain words") == "plain words")
        #expect(GraphYAMLWriter.value(.double(3)) == "3.0")
        #expect(GraphYAMLWriter.value(.list([.int(1), .string("yes"), .map(["k": .bool(false)])])) == "[1, \"yes\", {k: false}]")
    }

    @Test func longTextIsWrappedAndReadsBackTheSame() {
        let long = (1...40).map { "word\($0)" }.joined(separator: " ") + "  two spaces \"quoted\" end"
        let wrapped = GraphYAMLWriter.text(long, indent: "      ")
        #expect(wrapped.contains("\n      "))
        let yaml = "entities:\n  - id: a\n    name: x\n    kind: state\n    note: " + wrapped + "\n"
        #expect(GraphLoader.load(yaml: yaml).graph.entity(id: "a")?.note == long)
    }

    @Test func importSlugsIdsAndKeepsTheOriginals() throws {
        var g = Graph()
        try g.add(Entity(id: "n2::n0", name: "Savona", kind: "Person"))
        try g.add(Entity(id: "N2 n0", name: "Other", kind: "software"))
        try g.add(Relation(id: "e 1", source: "n2::n0", type: "followedBy", target: "N2 n0"))
        #expect(throws: ImportError.self) { try GraphImport.convert(g, file: "f.graphml", format: "graphml", extendVocabulary: false) }
        let r = try GraphImport.convert(g, file: "f.graphml", format: "graphml", extendVocabulary: true)
        #expect(r.graph.entities.map(\.id) == ["n2-n0", "n2-n0-2"])
        #expect(r.graph.entities.map(\.externalIDs) == [["graphml": "n2::n0"], ["graphml": "N2 n0"]])
        #expect(r.graph.entities.map(\.kind) == ["person", "software"])
        #expect(r.graph.relations.map(\.type) == ["followed-by"])
        #expect(r.kinds.map(\.id) == ["software"])
        #expect(r.types.map(\.id) == ["followed-by"])
        #expect(r.graph.relations[0].sources == [Citation(document: "import-f", quote: "edge e 1 from n2::n0 to N2 n0")])
        let text = GraphYAMLWriter.yaml(r.graph, kinds: r.kinds, types: r.types)
        #expect(GraphLoader.load(yaml: text).diagnostics.isEmpty)
        #expect(GraphImport.slug("Kata’ib Ḥezbollah (KH)") == "kata-ib-hezbollah-kh")
        #expect(GraphImport.slug("::") == "x")
    }
}
