import Foundation
import Testing
@testable import KGraph

/// kgraph's one rule for ids (`IDKey`): two ids are the same when their Unicode scalars are.
/// `café` with a precomposed é (U+00E9) and `cafe` + U+0301 are two nodes, as in XML and NetworkX,
/// in every format; names still fold, so either spelling finds an entity by name.
@Suite struct IDIdentityTests {
    static let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"

    /// Both nodes are there, each relation joins them the way the file says, nothing is an error.
    func expectTwoNodes(_ g: Graph, _ d: [Diagnostic], _ format: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let p = Self.precomposed, q = Self.decomposed
        #expect(!d.hasErrors, "\(format): \(d.filter { $0.severity == .error })", sourceLocation: sourceLocation)
        #expect(g.entityCount == 2, "\(format)", sourceLocation: sourceLocation)
        guard let a = g.index(ofEntity: p), let b = g.index(ofEntity: q) else {
            Issue.record("\(format): an id is missing", sourceLocation: sourceLocation)
            return
        }
        #expect(a != b, "\(format)", sourceLocation: sourceLocation)
        #expect(Array(g.entity(at: a).id.unicodeScalars) == Array(p.unicodeScalars), "\(format)", sourceLocation: sourceLocation)
        #expect(Array(g.entity(at: b).id.unicodeScalars) == Array(q.unicodeScalars), "\(format)", sourceLocation: sourceLocation)
        #expect(g.relationCount == 2, "\(format)", sourceLocation: sourceLocation)
        #expect(g.outgoing(a).map { g.targetIndex(ofRelation: $0) } == [b], "\(format)", sourceLocation: sourceLocation)
        #expect(g.outgoing(b).map { g.targetIndex(ofRelation: $0) } == [a], "\(format)", sourceLocation: sourceLocation)
    }

    func read(_ text: String, ext: String) -> (Graph, [Diagnostic]) {
        let (g, d) = readGraph(Data(text.utf8), ext: ext)
        return (g, d)
    }

    @Test func graphML() {
        let (p, q) = (Self.precomposed, Self.decomposed)
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
        <node id="\(p)"/><node id="\(q)"/>
        <edge id="r1" source="\(p)" target="\(q)"/><edge id="r2" source="\(q)" target="\(p)"/>
        </graph></graphml>
        """
        let (g, d) = read(text, ext: "graphml")
        expectTwoNodes(g, d, "GraphML")
    }

    @Test func gexf() {
        let (p, q) = (Self.precomposed, Self.decomposed)
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
        <nodes><node id="\(p)" label="A"/><node id="\(q)" label="B"/></nodes>
        <edges><edge id="r1" source="\(p)" target="\(q)"/><edge id="r2" source="\(q)" target="\(p)"/></edges>
        </graph></gexf>
        """
        let (g, d) = read(text, ext: "gexf")
        expectTwoNodes(g, d, "GEXF")
    }

    @Test func nodeLinkJSON() {
        let (p, q) = (Self.precomposed, Self.decomposed)
        // Once as the characters, once as JSON escapes: the same scalars either way.
        for (x, y) in [(p, q), ("caf\\u00e9", "cafe\\u0301")] {
            let text = """
            {"directed": true, "multigraph": true, "graph": {},
             "nodes": [{"id": "\(x)"}, {"id": "\(y)"}],
             "edges": [{"source": "\(x)", "target": "\(y)", "key": "r1"}, {"source": "\(y)", "target": "\(x)", "key": "r2"}]}
            """
            let (g, d) = read(text, ext: "json")
            expectTwoNodes(g, d, "node-link JSON")
        }
    }

    @Test func cytoscapeJSON() {
        let (p, q) = (Self.precomposed, Self.decomposed)
        let text = """
        {"elements": {"nodes": [{"data": {"id": "\(p)"}}, {"data": {"id": "\(q)"}}],
                      "edges": [{"data": {"id": "r1", "source": "\(p)", "target": "\(q)"}},
                                {"data": {"id": "r2", "source": "\(q)", "target": "\(p)"}}]}}
        """
        let (g, d) = read(text, ext: "cyjs")
        expectTwoNodes(g, d, "Cytoscape JSON")
    }

    @Test func neo4jCSV() throws {
        let (p, q) = (Self.precomposed, Self.decomposed)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-ids-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("id:ID,name\n\(p),A\n\(q),B\n".utf8).write(to: dir.appendingPathComponent("entities.csv"))
        try Data(":START_ID,:END_ID,:TYPE,id\n\(p),\(q),BACKS,r1\n\(q),\(p),BACKS,r2\n".utf8)
            .write(to: dir.appendingPathComponent("relations.csv"))
        let result = try GraphLoader.load(paths: [dir.appendingPathComponent("entities.csv").path])
        expectTwoNodes(result.graph, result.diagnostics, "Neo4j CSV")
    }

    /// The native format's ids are ASCII slugs, so neither spelling is an id there: each is refused
    /// on its own, never as a repeat of the other. `kgraph import` makes two slugs of them.
    @Test func yaml() throws {
        let (p, q) = (Self.precomposed, Self.decomposed)
        let written = GraphLoader.load(yaml: """
        entities:
          - {id: "\(p)", name: A, kind: militia}
          - {id: "\(q)", name: B, kind: militia}
        """, file: "f.yaml")
        let errors = written.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.contains("must be lowercase letters") }, "\(errors)")

        var graph = Graph()
        try graph.add(Entity(id: p, name: "A", kind: "militia"))
        try graph.add(Entity(id: q, name: "B", kind: "militia"))
        try graph.add(Relation(id: "r1", source: p, type: "allied-with", target: q, sources: []))
        let converted = try GraphImport.convert(graph, file: "x.graphml", format: "graphml", extendVocabulary: false)
        let back = GraphLoader.load(yaml: GraphYAMLWriter.yaml(converted.graph), file: "back.yaml")
        #expect(!back.diagnostics.hasErrors, "\(back.diagnostics)")
        #expect(back.graph.entityCount == 2)
        #expect(Set(back.graph.entities.map(\.id)).count == 2)
    }

    @Test func theGraphKeepsBothAndNamesStillFold() throws {
        let (p, q) = (Self.precomposed, Self.decomposed)
        var g = Graph()
        let a = try g.add(Entity(id: p, name: "Caf\u{E9} Brigade", kind: "militia"))
        let b = try g.add(Entity(id: q, name: "Other", kind: "militia"))
        #expect(throws: GraphError.duplicateEntity(q)) { try g.add(Entity(id: q, name: "Again", kind: "militia")) }
        #expect(g.index(ofEntity: p) == a && g.index(ofEntity: q) == b)
        // Swift's String calls the two equal; kgraph's ids do not.
        #expect(p == q)
        #expect(IDKey(p) != IDKey(q))
        #expect(!sameScalars(p, q) && sameScalars(p, String(decoding: Array(p.utf8), as: UTF8.self)))
        // Names fold: the name written either way finds the entity.
        let names = NameIndex(g)
        for written in ["Caf\u{E9} Brigade", "Cafe\u{301} Brigade", "cafe brigade"] {
            guard case .unique(let i) = names.resolve(written) else { Issue.record("'\(written)' not found"); continue }
            #expect(i == a)
        }
    }
}
