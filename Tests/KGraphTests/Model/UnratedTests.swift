import Foundation
import Testing
@testable import KGraph

/// A relation whose confidence or assertion was never recorded is unrated: it never reads as
/// "high confidence, reported", passes no strength limit, and stays unrated through every format.
@Suite struct UnratedTests {
    static func relation(_ c: Confidence?, _ a: Assertion?, _ p: Provenance = .reported) -> Relation {
        Relation(id: "r", source: "a", type: "backs", target: "b", confidence: c, assertion: a, provenance: p)
    }

    @Test func textSaysUnrated() {
        #expect(Self.relation(nil, nil).strengthText == "unrated")
        #expect(Self.relation(nil, nil, .added).strengthText == "unrated, added from general knowledge")
        #expect(Self.relation(nil, .attributed).strengthText == "unrated confidence, attributed")
        #expect(Self.relation(.medium, nil).strengthText == "medium confidence, assertion unrated")
        #expect(Self.relation(.high, .reported).strengthText == "high confidence, reported")
    }

    @Test func jsonLeavesThemOut() throws {
        let json = try StableJSON.text(Self.relation(nil, nil).json)
        #expect(!json.contains("\"confidence\"") && !json.contains("\"assertion\""))
        #expect(try StableJSON.text(Self.relation(.low, .denied).json).contains(#""confidence" : "low""#))
    }

    @Test func noStrengthLimitAdmitsIt() {
        let r = Self.relation(nil, nil)
        #expect(StrengthFilter().admits(r))
        #expect(StrengthFilter(excludesAdded: true).admits(r))
        #expect(!StrengthFilter(minimumConfidence: .low).admits(r))
        #expect(!StrengthFilter(assertions: Set(Assertion.allCases)).admits(r))
    }

    /// Native YAML leaves them out for `high` and `reported` (Graphs/README: the defaults of a fact
    /// recorded by hand) and writes `unrated` for none, so YAML keeps what a foreign file said.
    @Test func yamlDefaultsToHighReportedAndWritesUnrated() throws {
        let g = GraphLoader.load(yaml: """
            documents: [{id: d, title: D}]
            entities: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
            relations:
              - {id: plain, source: a, type: allied-with, target: b, sources: [{document: d, quote: q}]}
              - {id: none, source: a, type: allied-with, target: b, confidence: unrated, assertion: unrated, sources: [{document: d, quote: q}]}
            """)
        #expect(g.diagnostics.isEmpty, "\(g.diagnostics)")
        #expect(g.graph.relations.map(\.confidence) == [.high, nil])
        #expect(g.graph.relations.map(\.assertion) == [.reported, nil])
        let text = GraphYAMLWriter.yaml(g.graph)
        #expect(text.components(separatedBy: "confidence: unrated").count == 2)
        let back = GraphLoader.load(yaml: text).graph.relations
        #expect(back.map(\.confidence) == [.high, nil] && back.map(\.assertion) == [.reported, nil])
    }

    /// A GraphML edge without confidence or assertion (another tool's file) reads unrated, and an
    /// export of it says nothing either (no value, not "high").
    @Test func aForeignEdgeWithoutThemIsUnrated() throws {
        let graphml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="t" for="edge" attr.name="relation" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="a"/><node id="b"/>
                <edge source="a" target="b"><data key="t">backs</data></edge>
              </graph>
            </graphml>
            """
        let (g, d) = readGraph(Data(graphml.utf8), ext: "graphml")
        #expect(!d.hasErrors, "\(d)")
        let r = try #require(g.relations.first)
        #expect(r.confidence == nil && r.assertion == nil)
        #expect(TextReport.line(r, in: g).contains("  unrated  "))
        for (ext, data) in [("graphml", GraphMLWriter.graphml(g)), ("gexf", GEXFWriter.gexf(g)),
                            ("json", NodeLinkWriter.json(g)), ("cyjs", CytoscapeWriter.json(g))] {
            let (back, _) = readGraph(data, ext: ext)
            #expect(back.relations.map(\.confidence) == [nil] && back.relations.map(\.assertion) == [nil], "\(ext)")
        }
    }
}
