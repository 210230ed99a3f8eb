import Testing
@testable import KGraph

/// The assembler adds each file's relations in one bulk step; these check that the step keeps file
/// order, leaves out relations with an unknown end, refuses repeated ids, and keeps adjacency in sync.
@Suite struct AssemblerBulkTests {
    private func fragment(_ file: String, entities: [String], relations: [(String, String, String)]) -> GraphFragment {
        var f = GraphFragment(file: file, strictVocabulary: true)
        f.documents = file == "a.yaml" ? [Document(id: "doc", title: "Doc")] : []
        f.entities = entities.map { Entity(id: $0, name: $0.uppercased(), kind: "state") }
        f.relations = relations.map {
            Relation(id: $0.0, source: $0.1, type: "allied-with", target: $0.2, sources: [Citation(document: "doc", quote: "q")],
                     location: FileLocation(file: file, line: 1, column: 1))
        }
        return f
    }

    @Test func mixedValidUnknownAndDuplicateRelations() {
        var d: [Diagnostic] = []
        let g = GraphAssembler.assemble([
            fragment("a.yaml", entities: ["x", "y", "z"], relations: [("r1", "x", "y"), ("r2", "x", "nowhere"), ("r3", "y", "z"),
                                                                      ("r1", "z", "x")]),
            fragment("b.yaml", entities: ["w"], relations: [("r4", "w", "x"), ("r3", "x", "w"), ("r5", "x", "x")]),
        ], diagnostics: &d)
        g.checkInvariants()
        #expect((0..<Int32(g.relationCount)).map { g.relation(at: $0).id } == ["r1", "r3", "r4", "r5"])
        #expect(g.relation(at: 0).target == "y" && g.relation(at: 1).source == "y")
        #expect(g.outgoing(g.index(ofEntity: "x")!) == [0, 3])
        #expect(g.incoming(g.index(ofEntity: "x")!) == [2, 3])
        let errors = d.filter { $0.severity == .error }.map(\.message).sorted()
        #expect(errors == ["duplicate relation id 'r1' (first defined at a.yaml:1:1)",
                           "duplicate relation id 'r3' (first defined at a.yaml:1:1)",
                           "unknown entity 'nowhere'"])
    }
}
