import Foundation
import Testing
@testable import KGraph

/// What a speaker said (`Graph.statements(by:)`) and the citation's `said` day, through every format.
@Suite struct StatementsTests {
    static let yaml = """
        documents:
          - {id: doc, title: A report, published: 2024-02-03}
        entities:
          - {id: iran, name: Iran, kind: state}
          - {id: kh, name: Kata'ib Hezbollah, kind: militia}
          - {id: kirby, name: John Kirby, kind: person}
        relations:
          - id: r1
            source: iran
            type: backs
            target: kh
            date: 2021..2024
            sources:
              - {document: doc, quote: Iran backs them, speaker: kirby, said: «2024-01-31»}
              - {document: doc, quote: the report's own words}
          - id: r2
            source: kirby
            type: spoke-for
            target: iran
            date: 2024-01-31
            sources: [{document: doc, quote: Iran backs them, speaker: kirby}]
          - id: r3
            source: kh
            type: attacked
            target: iran
            date: 2023-10..2023-12
            sources: [{document: doc, quote: we attacked, speaker: kh}, {document: doc, quote: earlier words, speaker: kirby}]
          - id: r4
            source: kh
            type: attacked
            target: iran
            date: 2022-05-01
            sources: [{document: doc, quote: much earlier, speaker: kirby}]

        """

    func graph() throws -> Graph {
        let result = GraphLoader.load(yaml: marked(Self.yaml).text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return result.graph
    }

    /// Words cited by two relations are one statement supporting both; the order is the order said,
    /// words whose day is unknown (a relation over months is no day) last.
    @Test func statementsGroupTheWordsAndFollowTheDaySaid() throws {
        let g = try graph()
        let kirby = try #require(g.index(ofEntity: "kirby"))
        let found = g.statements(by: [kirby])
        #expect(found.map(\.quote) == ["much earlier", "Iran backs them", "earlier words"])
        #expect(found.map { $0.when?.description } == ["2022-05-01", "2024-01-31", nil])
        #expect(found.map { $0.said?.description } == [nil, "2024-01-31", nil])
        #expect(found[1].supports.map { g.relation(at: $0).id } == ["r1", "r2"])
        #expect(found.allSatisfy { $0.speaker == "kirby" })
        let kh = try #require(g.index(ofEntity: "kh"))
        #expect(g.statements(by: [kh]).map(\.quote) == ["we attacked"])
        #expect(g.statements(by: [try #require(g.index(ofEntity: "iran"))]).isEmpty)
    }

    @Test func saidIsReadWrittenAndChecked() throws {
        let g = try graph()
        #expect(g.relations[0].sources.map { $0.said?.description } == ["2024-01-31", nil])
        let text = GraphYAMLWriter.yaml(g)
        #expect(text.contains("        speaker: kirby\n        said: 2024-01-31\n"))
        #expect(GraphLoader.load(yaml: text).graph.relations.map(\.sources) == g.relations.map(\.sources))
        let (bad, places) = marked(Self.yaml.replacingOccurrences(of: "«2024-01-31»", with: "«2024-13-01»"))
        #expect(diagnostics(of: bad).contains { $0.hasPrefix("\(places[0]): error:") }, "\(diagnostics(of: bad))")
    }

    /// Every export that carries citations carries `said`, and its reader gives it back.
    @Test func saidTravelsThroughEveryFormat() throws {
        let g = try graph()
        let want = g.relations.map { $0.sources.map(\.said) }
        for (ext, data) in [("graphml", GraphMLWriter.graphml(g)), ("gexf", GEXFWriter.gexf(g)),
                            ("json", NodeLinkWriter.json(g)), ("cyjs", CytoscapeWriter.json(g))] {
            let (back, d) = readGraph(data, ext: ext)
            #expect(!d.hasErrors, "\(ext): \(d.prefix(3))")
            #expect(back.relations.map { $0.sources.map(\.said) } == want, "\(ext)")
        }
        #expect(String(decoding: try Neo4jCSVWriter.csv(g).relations, as: UTF8.self).contains(#""said"":""2024-01-31"""#))
        #expect(CypherWriter.cypher(g).contains(#""said":"2024-01-31""#))
        var d: [Diagnostic] = []
        let fragment = GraphFileParser.parse(yaml: marked(Self.yaml).text, file: "f.yaml", diagnostics: &d)
        let (cached, _) = try FragmentCoding.encode(fragment, diagnostics: d).withUnsafeBytes { try FragmentCoding.decode($0) }
        #expect(cached.relations[0].sources[0].said?.description == "2024-01-31")
    }

    @Test func textAndJSONGiveTheDaySaidAndWhatItSupports() throws {
        let g = try graph()
        let found = g.statements(by: [try #require(g.index(ofEntity: "kirby"))])
        #expect(StatementText.list(Array(found[1...1]), in: g) == """
            2024-01-31 (said)  doc (A report, 2024-02-03)
              "Iran backs them"
              supports: Iran --backs--> Kata'ib Hezbollah  2021..2024  high confidence, reported  [doc (A report, 2024-02-03)]
              supports: John Kirby --spoke-for--> Iran  2024-01-31  high confidence, reported  [doc (A report, 2024-02-03)]
            """)
        let json = try StableJSON.text(QuotesJSON(speakers: [try #require(g.index(ofEntity: "kirby"))], statements: found, in: g))
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let s = try #require(o["statements"] as? [[String: Any]])
        #expect(s.map { $0["date"] as? String } == ["2022-05-01", "2024-01-31", nil])
        #expect(s.map { $0["said"] as? String } == [nil, "2024-01-31", nil])
        #expect(((s[1]["relations"] as? [[String: Any]]) ?? []).map { $0["id"] as? String } == ["r1", "r2"])
        #expect((s[1]["document"] as? [String: Any])?["published"] as? String == "2024-02-03")
    }
}
