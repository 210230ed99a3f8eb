import Testing
@testable import KGraph

/// `GraphMerge`: what an incoming graph adds to an existing one, matched by id, name and alias.
@Suite struct GraphMergeTests {
    static let existing = """
        documents:
          - {id: mee, title: US launches retaliatory strikes, outlet: Middle East Eye}
        entities:
          - {id: iran, name: Iran, kind: state}
          - {id: kataib-hezbollah, name: Kata'ib Hezbollah, kind: militia, aliases: [KH]}
          - {id: tower-22, name: Tower 22, kind: site, aliases: [US base], shared-aliases: [US base]}
          - {id: al-tanf, name: Al-Tanf, kind: site, aliases: [US base], shared-aliases: [US base]}
        relations:
          - {id: r1, source: iran, type: backs, target: kataib-hezbollah, sources: [{document: mee, quote: backs}]}
          - {id: r2, source: kataib-hezbollah, type: attacked, target: tower-22, date: 2024-01-28,
             sources: [{document: mee, quote: attacked}]}
        """

    func graph(_ yaml: String) -> Graph {
        let result = GraphLoader.load(yaml: yaml)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.graph
    }

    @Test func matchesByIdThenNameThenAliasFoldedAsTheResolverFolds() {
        let incoming = graph("""
            documents:
              - {id: mee, title: Another title}
              - {id: new-doc, title: A new report}
            entities:
              - {id: iran, name: Islamic Republic of Iran, kind: state}
              - {id: n0, name: The Kataib Hezbollah’s, kind: militia}
              - {id: n1, name: Jordan outpost, kind: site, aliases: [Tower 22]}
              - {id: n2, name: Harakat al-Nujaba, kind: militia, country: iran}
            relations:
              - {id: r1, source: iran, type: backs, target: n0, sources: [{document: mee, quote: backs}]}
              - {id: x9, source: n0, type: attacked, target: n1, date: 2024-01-28, sources: [{document: mee, quote: again}]}
              - {id: r2, source: n2, type: attacked, target: n1, date: 2024-01-28, sources: [{document: new-doc, quote: too}]}
            """)
        let m = GraphMerge(incoming, into: graph(Self.existing))
        #expect(m.conflicts.isEmpty)
        #expect(m.matches.map { [$0.incoming, $0.existing, $0.by] } == [
            ["iran", "iran", "id"], ["n0", "kataib-hezbollah", "name 'The Kataib Hezbollah’s'"], ["n1", "tower-22", "alias 'Tower 22'"],
        ])
        // Iran's other name is news the merge reports and does not write; the other spellings are not.
        #expect(m.matches.map(\.differing) == [["name"], [], ["name"]])
        #expect(m.addedEntities.map(\.id) == ["n2"])
        #expect(m.relationMatches.map { [$0.incoming, $0.existing, $0.by] } == [
            ["r1", "r1", "id"], ["x9", "r2", "same ends, type and time"],
        ])
        // r2 is a new fact under a taken id: added with the ends rewritten and a new id.
        #expect(m.addedRelations.map { [$0.id, $0.source, $0.target] } == [["r2-2", "n2", "tower-22"]])
        #expect(m.renamedRelations.map { [$0.incoming, $0.added] } == [["r2", "r2-2"]])
        #expect(m.matchedDocuments == ["mee"])
        #expect(m.addedDocuments.map(\.id) == ["new-doc"])
    }

    @Test func placeholderDocumentsAreAddedOnlyWhenAnAddedRelationCitesThem() {
        let incoming = graph("""
            documents:
              - {id: import-x, title: Imported from x.graphml}
              - {id: unused, title: Made up too}
            entities:
              - {id: kh, name: KH, kind: militia}
              - {id: n2, name: Harakat al-Nujaba, kind: militia}
            relations:
              - {id: e0, source: n2, type: allied-with, target: kh, sources: [{document: import-x, quote: edge e0}]}
            """)
        let m = GraphMerge(incoming, into: graph(Self.existing), placeholders: ["import-x", "unused"])
        #expect(m.addedDocuments.map(\.id) == ["import-x"])
        #expect(m.addedRelations.map { [$0.source, $0.target] } == [["n2", "kataib-hezbollah"]])
    }

    @Test func conflictsNeedAPerson() {
        let incoming = graph("""
            entities:
              - {id: a, name: Kataib Hezbollah, kind: militia}
              - {id: b, name: KH, kind: militia}
              - {id: c, name: US base, kind: site}
              - {id: d, name: Iran, kind: place}
              - {id: tower-22, name: Al-Tanf, kind: site}
              - {id: e, name: Somewhere, kind: site, aliases: [Tower 22, Al-Tanf]}
            """)
        let m = GraphMerge(incoming, into: graph(Self.existing))
        #expect(m.conflicts.map { [$0.incoming, $0.existing] } == [
            [["a", "b"], ["kataib-hezbollah"]],
            [["c"], ["tower-22", "al-tanf"]],
            [["d"], ["iran"]],
            [["tower-22"], ["tower-22", "al-tanf"]],
            [["e"], ["tower-22", "al-tanf"]],
        ])
        #expect(m.addedEntities.isEmpty && m.addedRelations.isEmpty)
    }

    @Test func aSharedAliasAloneIdentifiesNothing() {
        let incoming = graph("""
            entities:
              - {id: n0, name: Camp X, kind: site, aliases: [US base]}
            """)
        let m = GraphMerge(incoming, into: graph(Self.existing))
        #expect(m.conflicts.isEmpty && m.matches.isEmpty)
        #expect(m.addedEntities.map(\.id) == ["n0"])
    }
}
