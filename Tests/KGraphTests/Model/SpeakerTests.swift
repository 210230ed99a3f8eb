import Foundation
import Testing
@testable import KGraph

/// A citation's `speaker`: who said the quoted words, an entity of the graph.
@Suite struct SpeakerTests {
    static let yaml = """
        documents:
          - {id: doc, title: A report}
        entities:
          - {id: iran, name: Iran, kind: state}
          - {id: kh, name: Kata'ib Hezbollah, kind: militia}
          - {id: kirby, name: John Kirby, kind: person}
        relations:
          - id: r1
            source: iran
            type: backs
            target: kh
            sources:
              - document: doc
                quote: Iran backs them
                speaker: «kirby»
              - {document: doc, quote: the report's own words}
          - {id: r2, source: kirby, type: spoke-for, target: iran, sources: [{document: doc, quote: said Kirby}]}

        """

    @Test func speakerIsReadAndWrittenBack() throws {
        let result = GraphLoader.load(yaml: marked(Self.yaml).text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let r = try #require(result.graph.relations.first { $0.id == "r1" })
        #expect(r.sources.map(\.speaker) == ["kirby", nil])
        let text = GraphYAMLWriter.yaml(result.graph)
        #expect(text.contains("      - document: doc\n        quote: Iran backs them\n        speaker: kirby\n"))
        let back = GraphLoader.load(yaml: text)
        #expect(back.diagnostics.isEmpty)
        #expect(back.graph.relations.first { $0.id == "r1" }?.sources == r.sources)
    }

    @Test func anUnknownSpeakerIsALocatedErrorWithASuggestion() {
        let (text, places) = marked(Self.yaml.replacingOccurrences(of: "«kirby»", with: "«kirbi»"))
        #expect(diagnostics(of: text).filter { $0.contains("error") }
                == ["\(places[0]): error: unknown entity 'kirbi' as speaker of a citation (did you mean 'kirby'?)"])
    }

    /// Every export that carries citations carries the speaker, and its reader gives it back.
    @Test func speakerTravelsThroughEveryFormat() throws {
        let g = try trickyGraph()
        let want = g.relations.map { $0.sources.map(\.speaker) }
        #expect(want.joined().contains("news"))
        for (ext, data) in [("graphml", GraphMLWriter.graphml(g)), ("gexf", GEXFWriter.gexf(g)),
                            ("json", NodeLinkWriter.json(g)), ("cyjs", CytoscapeWriter.json(g))] {
            let (back, d) = readGraph(data, ext: ext)
            #expect(!d.hasErrors, "\(ext): \(d.prefix(3))")
            #expect(back.relations.map { $0.sources.map(\.speaker) } == want, "\(ext)")
        }
        let h = try Graph.without(alias: "Hizb; semi", in: g)
        let relations = String(decoding: try Neo4jCSVWriter.csv(h).relations, as: UTF8.self)
        #expect(relations.contains(#""speaker"":""news"""#))
        #expect(CypherWriter.cypher(g).contains(#""speaker":"news""#))
    }

    @Test func speakerSurvivesTheParseCache() throws {
        var d: [Diagnostic] = []
        let fragment = GraphFileParser.parse(yaml: marked(Self.yaml).text, file: "f.yaml", diagnostics: &d)
        let bytes = FragmentCoding.encode(fragment, diagnostics: d)
        let (back, _) = try bytes.withUnsafeBytes { try FragmentCoding.decode($0) }
        #expect(back.relations == fragment.relations)
        #expect(back.relations[0].sources[0].speaker == "kirby")
        #expect(back.relationPlaces.map(\.citations) == fragment.relationPlaces.map(\.citations))
    }

    @Test func outputShowsTheSpeaker() throws {
        let g = GraphLoader.load(yaml: marked(Self.yaml).text).graph
        let r = try #require(g.relations.first { $0.id == "r1" })
        #expect(TextReport.citations(r, in: g, indent: "  ")
                == "  doc (A report): \"Iran backs them\"  speaker: John Kirby\n  doc (A report): \"the report's own words\"")
        let json = try StableJSON.text(r.json)
        #expect(json.contains(#""speaker" : "kirby""#))
        #expect(json.components(separatedBy: "\"speaker\"").count == 2)
    }

    @Test func importRenamesTheSpeakerWithItsEntity() throws {
        var g = Graph()
        try g.add(Document(id: "doc", title: "A report"))
        try g.add(Entity(id: "Iran", name: "Iran", kind: "state"))
        try g.add(Entity(id: "John Kirby", name: "John Kirby", kind: "person"))
        try g.add(Relation(id: "r1", source: "John Kirby", type: "spoke-for", target: "Iran",
                           sources: [Citation(document: "doc", quote: "q", speaker: "John Kirby")]))
        let r = try GraphImport.convert(g, file: "f.graphml", format: "graphml", extendVocabulary: false)
        #expect(r.graph.relations[0].sources[0].speaker == "john-kirby")
        #expect(GraphLoader.load(yaml: GraphYAMLWriter.yaml(r.graph)).diagnostics.filter { $0.severity == .error }.isEmpty)
    }
}
