import Foundation
import Testing
@testable import KGraph

/// Each kind of problem, with «» marking where the diagnostic must point.
@Suite struct LoaderTests {
    static let header = """
        documents:
          - {id: doc, title: A report}
        entities:
          - {id: iran, name: Iran, kind: state}
          - {id: kh, name: Kata'ib Hezbollah, kind: militia, aliases: [KH]}
          - {id: kirby, name: John Kirby, kind: person}

        """

    /// Loads header + `body` and checks that the diagnostics equal `expected`, with the marked places.
    func expect(_ body: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (text, places) = marked(Self.header + body)
        #expect(places.count == expected.count, "one marker per expected diagnostic", sourceLocation: sourceLocation)
        let want = zip(places, expected).map { "\($0): \($1)" }
        // Warnings about unused fixture entities are tested on their own below.
        #expect(diagnostics(of: text).filter { $0.contains(": error: ") } == want, sourceLocation: sourceLocation)
    }

    @Test func cleanGraphHasNoDiagnostics() {
        expect("""
            relations:
              - {id: r1, source: iran, type: backs, target: kh, date: 2020, sources: [{document: doc, quote: q}]}
              - {id: r2, source: kirby, type: spoke-for, target: iran, sources: [{document: doc, quote: q}]}
            """, [])
    }

    @Test func syntaxError() {
        expect("""
            relations:
              - id: r1
                source: [iran
            «»
            """, ["error: YAML syntax: did not find expected ',' or ']' while parsing a flow sequence"])
    }

    @Test func unknownAndMissingFields() {
        expect("""
            relations:
              - «»«id: r1
                source: iran
                «tpye: backs
                sources: [{document: doc, quote: q}]
            """, ["error: relation is missing required field 'type'",
                  "error: relation is missing required field 'target'",
                  "error: unknown field 'tpye' in relation (did you mean 'type'?)"])
    }

    @Test func duplicateIDs() {
        expect("""
              - «{id: iran, name: Iran again, kind: state}»
            relations:
              - {id: r1, source: iran, type: backs, target: kh, sources: [{document: doc, quote: q}]}
              - «{id: r1, source: iran, type: backs, target: kh, sources: [{document: doc, quote: q}]}»
            """, ["error: duplicate entity id 'iran' (first defined at f.yaml:4:5)",
                  "error: duplicate relation id 'r1' (first defined at f.yaml:9:5)"])
    }

    @Test func unknownReferencesSuggestIDs() {
        expect("""
            relations:
              - {id: r1, source: «irn», type: backs, target: «Kata’ib Hezbollah», sources: [{document: «dco», quote: q}]}
            """, ["error: unknown entity 'irn' (did you mean 'iran'?)",
                  "error: unknown entity 'Kata’ib Hezbollah'; 'Kata’ib Hezbollah' is a name of 'kh': refer to entities by id",
                  "error: unknown document 'dco' (did you mean 'doc'?)"])
    }

    /// An entity field that names an entity (`Entity.optionalEntityFields`) points at its value.
    @Test func unknownCountryPointsAtTheValue() {
        expect("""
              - {id: x, name: X, kind: state, country: «irn»}
            relations:
              - {id: r1, source: x, type: backs, target: kh, sources: [{document: doc, quote: q}]}
            """, ["error: unknown country entity 'irn' (did you mean 'iran'?)"])
    }

    @Test func unknownKindAndTypeAndDomainRange() {
        expect("""
              - {id: x, name: X, kind: «milita»}
            relations:
              - {id: r1, source: iran, type: «bakcs», target: kh, sources: [{document: doc, quote: q}]}
              - {id: r2, source: «kh», type: spoke-for, target: iran, sources: [{document: doc, quote: q}]}
              - {id: r3, source: x, type: located-in, target: «kirby», sources: [{document: doc, quote: q}]}
            """, ["error: unknown entity kind 'milita' (did you mean 'militia'?)",
                  "error: unknown relation type 'bakcs' (did you mean 'backs'?)",
                  "error: 'spoke-for' cannot start at 'kh', a militia; allowed: person",
                  "error: 'located-in' cannot end at 'kirby', a person; allowed: place, state, site"])
    }

    @Test func impossibleDatesAndMissingSources() {
        expect("""
            relations:
              - {id: r1, source: iran, type: backs, target: kh, date: «2023-02-29», sources: [{document: doc, quote: q}]}
              - {id: r2, source: iran, type: backs, target: kh, date: «2024..2021», sources: [{document: doc, quote: q}]}
              - «{id: r3, source: iran, type: backs, target: kh}»
              - «{id: r4, source: iran, type: backs, target: kh, sources: [{document: doc, quote: «" "}]}
            """, ["error: '2023-02-29' is not a possible date (expected YYYY, YYYY-MM or YYYY-MM-DD, or START..END)",
                  "error: interval '2024..2021' ends before it starts",
                  "error: relation 'r3' has no source: cite a document and quote",
                  "error: relation 'r4' has no source: cite a document and quote",
                  "error: the quote is empty: copy the words that support the relation"])
    }

    @Test func badEnumValues() {
        expect("""
            relations:
              - {id: r1, source: iran, type: backs, target: kh, confidence: «hihg», assertion: «rumoured», sources: [{document: doc, quote: q}]}
            """, ["error: 'hihg' is not a valid confidence; expected one of low, medium, high, unrated (did you mean 'high'?)",
                  "error: 'rumoured' is not a valid assertion; expected one of reported, claimed, attributed, alleged, denied, unrated"])
    }

    @Test func warningsForUnusedEntitiesAndDocuments() {
        let result = GraphLoader.load(yaml: Self.header, file: "f.yaml")
        #expect(result.diagnostics.map(\.description) == [
            "f.yaml:2:5: warning: document 'doc' is cited by no relation",
            "f.yaml:4:5: warning: entity 'iran' is in no relation",
            "f.yaml:5:5: warning: entity 'kh' is in no relation",
            "f.yaml:6:5: warning: entity 'kirby' is in no relation",
        ])
        #expect(!result.diagnostics.hasErrors)
    }

    @Test func reportsEveryProblemNotJustTheFirst() {
        let (text, _) = marked(Self.header + """
            relations:
              - {id: r1, source: a, type: b, target: c, sources: [{document: d, quote: q}]}
              - {id: r2, source: e, type: f, target: g, sources: [{document: h, quote: q}]}
            """)
        #expect(diagnostics(of: text).filter { $0.contains("error") }.count == 8)
    }

    @Test func attributesKeepTheirTypes() throws {
        let result = GraphLoader.load(yaml: Self.header + """
            relations:
              - id: r1
                source: iran
                type: backs
                target: kh
                sources: [{document: doc, quote: q}]
                attributes: {killed: 3, injured: "more than 30", ratio: 0.5, confirmed: true, weapons: [drone, rocket]}
            """, file: "f.yaml")
        let r = try #require(result.graph.relations.first)
        #expect(r.attributes == ["killed": .int(3), "injured": .string("more than 30"), "ratio": .double(0.5),
                                 "confirmed": .bool(true), "weapons": .list([.string("drone"), .string("rocket")])])
    }

    @Test func graphExtendsTheVocabulary() throws {
        let result = GraphLoader.load(yaml: """
            vocabulary:
              kinds: [{id: outlet, label: media outlet, shape: note}]
              types: [{id: reported-on, label: reported on, inverse: reported by, domain: [outlet], range: [nokind]}]
            """, file: "f.yaml")
        #expect(result.graph.vocabulary.kind("outlet")?.shape == "note")
        #expect(result.graph.vocabulary.type("reported-on")?.inverse == "reported by")
        #expect(result.graph.vocabulary.type("backs") != nil)
        #expect(result.diagnostics.map(\.description) == ["f.yaml:3:11: error: relation type 'reported-on' names unknown kind 'nokind'"])
    }

    @Test func mergesFilesAndFolders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-loader-\(UUID())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.header.write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try """
            relations:
              - {id: r1, source: iran, type: backs, target: kh, sources: [{document: doc, quote: q}]}
              - {id: r2, source: kirby, type: spoke-for, target: iran, sources: [{document: doc, quote: q}]}
            """.write(to: dir.appendingPathComponent("sub/b.yml"), atomically: true, encoding: .utf8)
        try "not a graph".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let result = try GraphLoader.load(paths: [dir.path])
        #expect(result.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.yaml", "b.yml"])
        #expect(result.diagnostics.isEmpty)
        #expect(result.graph.relationCount == 2)
        result.graph.checkInvariants()
        #expect(throws: GraphLocationError.missing(dir.path + "/nope")) { try GraphLoader.load(paths: [dir.path + "/nope"]) }
    }

    @Test func locatesGraphsFolderUpwards() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-locate-\(UUID())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Graphs"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let found = try GraphLoader.locate(explicit: [], environment: [:], directory: dir.appendingPathComponent("a/b").path)
        #expect(found.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                == [dir.appendingPathComponent("Graphs").standardizedFileURL.path])
        #expect(try GraphLoader.locate(explicit: [], environment: ["KGRAPH_GRAPH": "x:y"], directory: "/") == ["x", "y"])
        #expect(try GraphLoader.locate(explicit: ["z"], environment: ["KGRAPH_GRAPH": "x"], directory: "/") == ["z"])
        #expect(throws: GraphLocationError.nothingToLoad) { try GraphLoader.locate(explicit: [], environment: [:], directory: "/") }
    }
}
