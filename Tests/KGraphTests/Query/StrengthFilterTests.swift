import Testing
@testable import KGraph

@Suite struct StrengthFilterTests {
    static func relation(_ c: Confidence, _ a: Assertion, _ p: Provenance = .reported) -> Relation {
        Relation(id: "r", source: "a", type: "backs", target: "b", confidence: c, assertion: a, provenance: p)
    }

    @Test func theEmptyFilterAdmitsEverything() {
        let f = StrengthFilter()
        #expect(f.isUnbounded)
        for c in Confidence.allCases { for a in Assertion.allCases { #expect(f.admits(Self.relation(c, a, .added))) } }
        #expect(f.limits == [])
    }

    @Test func eachLimitLeavesOutWhatItSays() {
        let assertions = StrengthFilter(assertions: [.reported, .attributed])
        #expect(assertions.admits(Self.relation(.low, .attributed)))
        #expect(!assertions.admits(Self.relation(.high, .denied)))
        let confidence = StrengthFilter(minimumConfidence: .medium)
        #expect(confidence.admits(Self.relation(.medium, .denied)))
        #expect(!confidence.admits(Self.relation(.low, .reported)))
        let reportedOnly = StrengthFilter(excludesAdded: true)
        #expect(reportedOnly.admits(Self.relation(.high, .reported)))
        #expect(!reportedOnly.admits(Self.relation(.high, .reported, .added)))
        #expect(StrengthFilter(assertions: [.attributed, .reported], minimumConfidence: .high, excludesAdded: true).limits
                == ["assertion reported or attributed", "confidence high or higher", "no facts added from general knowledge"])
    }

    @Test func selectionsAndTimelinesApplyIt() throws {
        let g = GraphLoader.load(yaml: """
            documents: [{id: d, title: D}]
            entities:
              - {id: a, name: A, kind: state}
              - {id: b, name: B, kind: state}
              - {id: c, name: C, kind: state}
            relations:
              - {id: firm, source: a, type: allied-with, target: b, date: 2020, sources: [{document: d, quote: q}]}
              - {id: denied, source: a, type: allied-with, target: c, date: 2021, assertion: denied, confidence: low, sources: [{document: d, quote: q}]}
              - {id: added, source: b, type: allied-with, target: c, date: 2022, provenance: added, sources: [{document: d, quote: q}]}
            """).graph
        func ids(_ list: [Int32]) -> [String] { list.map { g.relation(at: $0).id } }
        #expect(ids(g.timeline(strength: StrengthFilter(excludesAdded: true))) == ["firm", "denied"])
        #expect(ids(g.timeline(strength: StrengthFilter(assertions: [.denied]))) == ["denied"])
        let picked = try Selection(strength: StrengthFilter(minimumConfidence: .medium)).apply(to: g)
        #expect(ids(picked.relations) == ["firm", "added"])
    }
}
