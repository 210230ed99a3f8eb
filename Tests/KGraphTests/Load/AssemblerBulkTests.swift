import Foundation
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

/// Whole assemblies compared with what they must give: ends found by id (ids compared as Unicode
/// scalars), entities and relations repeated across fragments, and imported findings in order.
@Suite struct AssemblerPhaseTests {
    /// Everything a graph answers, and the diagnostics of making it (in the order made).
    struct Snapshot: Equatable {
        var documents: [Document] = []
        var entities: [Entity] = []
        var relations: [Relation] = []
        var entityIndex: [Int32?] = []
        var relationIndex: [Int32?] = []
        var ends: [[Int32]] = []
        var adjacency: [[Int32]] = []
        var rows: [[Int32]] = []
        var diagnostics: [String] = []
    }

    private func snapshot(_ fragments: [GraphFragment]) -> Snapshot {
        var d: [Diagnostic] = []
        let g = GraphAssembler.assemble(fragments, base: .standard, diagnostics: &d)
        g.checkInvariants()
        var s = Snapshot()
        s.documents = g.documents
        s.entities = g.entities
        s.relations = g.relations
        s.entityIndex = g.entities.map { g.index(ofEntity: $0.id) }
        s.relationIndex = g.relations.map { g.index(ofRelation: $0.id) }
        s.ends = (0..<Int32(g.relationCount)).map { [g.sourceIndex(ofRelation: $0), g.targetIndex(ofRelation: $0)] }
        s.adjacency = (0..<Int32(g.entityCount)).flatMap { [g.outgoing($0), g.incoming($0)] }
        if let r = g.rows { s.rows = [r.outStart, r.outRelation, r.outOther, r.inStart, r.inRelation, r.inOther] }
        s.diagnostics = d.map(\.description)
        return s
    }

    private func fragment(_ file: String, strict: Bool = true, documents: [String] = ["doc"], entities: [(String, String)],
                          relations: [(id: String, source: String, type: String, target: String, documents: [String])]) -> GraphFragment {
        var f = GraphFragment(file: file, strictVocabulary: strict)
        f.documents = documents.map { Document(id: $0, title: $0, location: FileLocation(file: file, line: 1, column: 1)) }
        f.entities = entities.enumerated().map { i, e in
            Entity(id: e.0, name: e.0.uppercased(), kind: e.1, location: FileLocation(file: file, line: 10 + i, column: 1))
        }
        f.relations = relations.enumerated().map { i, r in
            Relation(id: r.id, source: r.source, type: r.type, target: r.target,
                     sources: r.documents.map { Citation(document: $0, quote: "q") },
                     location: FileLocation(file: file, line: 100 + i, column: 1))
        }
        return f
    }

    @Test func cleanFragmentFindsEveryEnd() {
        let f = fragment("a.yaml", entities: [("x", "militia"), ("y", "state"), ("z", "site")], relations: [
            ("r1", "x", "attacked", "z", ["doc"]), ("r2", "y", "allied-with", "y", ["doc"]), ("r3", "z", "located-in", "y", ["doc"]),
        ])
        let s = snapshot([f])
        #expect(s.ends == [[0, 2], [1, 1], [2, 1]])
        #expect(s.diagnostics.isEmpty)
    }

    @Test func endsNamedByCopiesOfTheIds() {
        // Readers that read in parts hold a node's id in more than one string. Fresh copies, so that
        // no string is shared. The same text in another Unicode form is another id (scalars differ).
        func copy(_ s: String) -> String { String(decoding: Array(s.utf8), as: UTF8.self) }
        let long = "an-entity-id-longer-than-fifteen-bytes", accented = "caf\u{E9}-militia-of-the-long-name"
        let f = fragment("a.yaml", entities: [(long, "militia"), (accented, "state")], relations: [
            ("r1", copy(long), "attacked", copy(accented), ["doc"]), ("r2", copy(long), "attacked", "cafe\u{301}-militia-of-the-long-name", ["doc"]),
            ("r3", copy(long), "attacked", copy(accented), ["doc"]), ("r4", long, "attacked", accented, ["doc"]),
        ])
        let s = snapshot([f])
        #expect(s.ends == Array(repeating: [0, 1], count: 3))
        #expect(s.relations.map(\.id) == ["r1", "r3", "r4"])
        #expect(s.relations.allSatisfy { $0.source == long && $0.target == accented })
        #expect(s.diagnostics.count == 1)
        #expect(s.diagnostics.first?.hasPrefix("a.yaml:101:1: error: unknown entity 'cafe\u{301}-militia-of-the-long-name'") == true)
    }

    @Test func entitiesRepeatedAcrossFragmentsShiftPositions() {
        // b.yaml's "x" is refused (a.yaml has it), so b's positions no longer match graph indices:
        // its relations must still reach a.yaml's x and b's own w.
        let a = fragment("a.yaml", entities: [("x", "militia"), ("y", "state")], relations: [("r1", "x", "attacked", "y", ["doc"])])
        let b = fragment("b.yaml", documents: [], entities: [("x", "state"), ("w", "site"), ("w", "site")], relations: [
            ("r2", "w", "located-in", "x", ["doc"]), ("r3", "x", "attacked", "w", ["doc"]),
        ])
        let s = snapshot([a, b])
        #expect(s.entities.map(\.id) == ["x", "y", "w"])
        #expect(s.ends == [[0, 1], [2, 0], [0, 2]])
        #expect(s.diagnostics.filter { $0.contains("duplicate entity") }.count == 2)
    }

    @Test func unknownEndsAndRepeatedRelationIds() {
        let a = fragment("a.yaml", entities: [("x", "militia"), ("y", "state")], relations: [
            ("r1", "x", "attacked", "y", ["doc"]), ("r2", "x", "attacked", "nowhere", ["doc"]), ("r1", "y", "attacked", "x", ["doc"]),
            ("r3", "ghost", "attacked", "y", ["nodoc"]), ("r4", "y", "attackd", "x", ["doc"]), ("r5", "x", "attacked", "y", []),
        ])
        let b = fragment("b.yaml", documents: [], entities: [("z", "site")], relations: [
            ("r1", "z", "located-in", "y", ["doc"]), ("r6", "z", "located-in", "y", ["doc"]), ("r6", "y", "attacked", "z", ["doc"]),
        ])
        let s = snapshot([a, b])
        #expect(s.relations.map(\.id) == ["r1", "r4", "r5", "r6"])
        #expect(s.diagnostics.filter { $0.contains("error") }.count == 8)
    }

    @Test func repeatedRelationIdsAcrossFragmentsAfterAnEmptyOrLostFirst() {
        let empty = fragment("a.yaml", entities: [("x", "militia"), ("y", "state")], relations: [])
        let b = fragment("b.yaml", documents: [], entities: [("z", "site")], relations: [
            ("r1", "z", "located-in", "y", ["doc"]), ("r2", "x", "attacked", "z", ["doc"]), ("r1", "x", "attacked", "y", ["doc"]),
        ])
        let c = fragment("c.yaml", documents: [], entities: [], relations: [("r2", "y", "attacked", "z", ["doc"]), ("r3", "y", "attacked", "x", ["doc"])])
        let s = snapshot([empty, b, c])
        #expect(s.relations.map(\.id) == ["r1", "r2", "r3"])
        // A first fragment whose relations all have an unknown end adds none: the next one is first to add.
        let lost = fragment("a.yaml", entities: [("x", "militia"), ("y", "state")], relations: [("r9", "x", "attacked", "nowhere", ["doc"])])
        #expect(snapshot([lost, b, c]).relations.map(\.id) == ["r1", "r2", "r3"])
    }

    @Test func importedFindingsKeepTheirOrderAndCounts() {
        // Imports count unknown types, documents and uncited relations once per value, in the order
        // first met (a relation's citations before its type); spellings that are the same text in
        // another Unicode form are two values, as ids are ('cafe\u{301}' is not the document 'caf\u{E9}').
        let a = fragment("a.graphml", strict: false, documents: ["caf\u{E9}"], entities: [("x", "militia"), ("y", "state")], relations: [
            ("r1", "x", "flew-over", "y", ["d2", "cafe\u{301}"]), ("r2", "y", "attacked", "x", []), ("r3", "x", "fle\u{301}w", "y", ["d1"]),
            ("r4", "x", "fl\u{E9}w", "y", ["d2"]), ("r5", "x", "flew-over", "y", ["caf\u{E9}", "d1"]),
        ])
        let b = fragment("b.graphml", strict: false, documents: [], entities: [("z", "militia")], relations: [
            ("r6", "z", "attacked", "x", []), ("r7", "z", "fl\u{E9}w", "x", ["d3"]),
        ])
        let s = snapshot([a, b])
        #expect(s.diagnostics == [
            "a.graphml:100:1: warning: unknown document 'd2' (cited 2 time(s); the file does not describe it)",
            "a.graphml:100:1: warning: unknown document 'cafe\u{301}' (cited 1 time(s); the file does not describe it)",
            "a.graphml:100:1: warning: unknown relation type 'flew-over' (2 relations)",
            "a.graphml:101:1: warning: 1 relation(s) cite no source (the file has no citations)",
            "a.graphml:102:1: warning: unknown document 'd1' (cited 2 time(s); the file does not describe it)",
            "a.graphml:102:1: warning: unknown relation type 'fle\u{301}w' (1 relations)",
            "a.graphml:103:1: warning: unknown relation type 'fl\u{E9}w' (2 relations)",
            "b.graphml:100:1: warning: 1 relation(s) cite no source (the file has no citations)",
            "b.graphml:101:1: warning: unknown document 'd3' (cited 1 time(s); the file does not describe it)",
        ])
    }

    @Test func graphMLFileReadTwice() {
        // Repeated, renamed and nested nodes, nodes only edges name, reused edge ids.
        let xml = GivenRelationEndsTests.awkward
        var d: [Diagnostic] = []
        let f = GraphMLReader.read(.bytes(Data(xml.utf8)), file: "g.graphml", diagnostics: &d)
        // Read twice: the second copy's entities are all refused.
        let s = snapshot([f, f])
        #expect(s.entities.map(\.id) == ["a", "b", "renamed", "in1", "outer", "late", "ghost"])
    }
}
