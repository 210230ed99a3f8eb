import Foundation
import Testing
@testable import KGraph

/// A big graph's assembly does part of its work on a second core (`Assembly+SecondCore`): the
/// graph and the diagnostics must be the same as with one, whatever the fragments hold.
@Suite struct AssemblerSecondCoreTests {
    /// Everything a graph answers, and the diagnostics of making it (in the order made).
    struct Snapshot: Equatable {
        var relations: [Relation] = []
        var entities: [Entity] = []
        var relationIndex: [Int32?] = []
        var ends: [[Int32]] = []
        var adjacency: [[Int32]] = []
        var diagnostics: [String] = []
    }

    private func snapshot(_ fragments: [GraphFragment], _ secondCore: Assembly.SecondCore) -> Snapshot {
        var d: [Diagnostic] = []
        let g = GraphAssembler.assemble(fragments, secondCore: secondCore, diagnostics: &d)
        g.checkInvariants()
        var s = Snapshot()
        s.relations = g.relations
        s.entities = g.entities
        // Every id asked for, kept or refused, and one no relation has.
        s.relationIndex = (fragments.flatMap { $0.relations.map(\.id) } + ["none"]).map { g.index(ofRelation: $0) }
        s.ends = (0..<Int32(g.relationCount)).map { [g.sourceIndex(ofRelation: $0), g.targetIndex(ofRelation: $0)] }
        s.adjacency = (0..<Int32(g.entityCount)).flatMap { [g.outgoing($0), g.incoming($0)] }
        s.diagnostics = d.map(\.description)
        return s
    }

    /// `count` relations among `entities` entities, drawn from `seed`; about one in `flaw` has a
    /// flaw: an unknown end, a repeated id, an unknown type or document, an unknown speaker.
    private func fragment(_ file: String, entities: Int, relations count: Int, flaw: Int, seed: UInt64,
                          strict: Bool = true) -> GraphFragment {
        var rng = SplitMix64(seed: seed)
        var f = GraphFragment(file: file, strictVocabulary: strict)
        f.documents = [Document(id: "\(file)-doc", title: "Doc")]
        f.entities = (0..<entities).map { Entity(id: "\(file)-e\($0)", name: "E\($0)", kind: "state") }
        f.relations = (0..<count).map { i in
            let end = { "\(file)-e\(rng.next() % UInt64(entities))" }
            var source = end(), target = end(), id = "\(file)-r\(i)", type = "allied-with"
            var citation = Citation(document: "\(file)-doc", quote: "q\(i)")
            if rng.next() % UInt64(flaw) == 0 {
                switch rng.next() % 6 {
                case 0: source = "ghost-\(i)"
                case 1: target = "nowhere"
                case 2: id = "\(file)-r\(rng.next() % UInt64(i + 1))"
                case 3: type = "alied-with"
                case 4: citation.document = "missing-doc"
                default: citation.speaker = rng.next() % 2 == 0 ? "nobody" : "\(file)-e0"
                }
            }
            return Relation(id: id, source: source, type: type, target: target, sources: [citation],
                            location: FileLocation(file: file, line: i + 1, column: 1))
        }
        return f
    }

    @Test(arguments: [(3, 1), (7, 2), (1_000_000, 3)])
    func sameGraphAndDiagnosticsWithOrWithoutASecondCore(flaw: Int, seed: UInt64) {
        let fragments = [
            fragment("a.yaml", entities: 300, relations: 1_500, flaw: flaw, seed: seed),
            fragment("b.graphml", entities: 50, relations: 901, flaw: flaw, seed: seed + 10, strict: false),
        ]
        let one = snapshot(fragments, .never), two = snapshot(fragments, .always)
        #expect(one == two)
        #expect(one.relations.count > 1_200)
        if flaw < 1_000_000 { #expect(one.diagnostics.count > 10) } else { #expect(one.diagnostics.isEmpty) }
    }

    /// Ids a reader made differ (`GraphFragment.relationIDsUnique`) are not indexed at assembly,
    /// yet every lookup by id answers as when they were, and a later fragment's repeats of them are
    /// still refused.
    @Test(arguments: [Assembly.SecondCore.never, .always])
    func idsKnownToDifferAnswerAsIndexedOnes(secondCore: Assembly.SecondCore) {
        var a = fragment("a.graphml", entities: 200, relations: 1_200, flaw: 5, seed: 8, strict: false)
        // Only the flaws a reader that makes ids differ can leave: unknown ends, types, documents.
        for i in a.relations.indices { a.relations[i].id = "a.graphml-r\(i)" }
        var b = fragment("b.graphml", entities: 20, relations: 300, flaw: 1_000_000, seed: 9, strict: false)
        for i in b.relations.indices where i % 7 == 0 { b.relations[i].id = "a.graphml-r\(i * 3)" }
        var told = a
        told.relationIDsUnique = true
        for fragments in [[a], [a, b]] {
            let indexed = snapshot(fragments, .never)
            #expect(snapshot([told] + fragments.dropFirst(), secondCore) == indexed)
            #expect(indexed.diagnostics.count > 10)
        }
    }

    @Test func firstFragmentWithoutRelationsOrAllLost() {
        let empty = fragment("a.yaml", entities: 20, relations: 0, flaw: 2, seed: 4)
        var lost = fragment("l.yaml", entities: 1, relations: 40, flaw: 1_000_000, seed: 5)
        for i in lost.relations.indices { lost.relations[i].target = "nowhere" }
        let b = fragment("b.yaml", entities: 30, relations: 500, flaw: 3, seed: 6)
        for fragments in [[empty, b], [lost, b], [empty, lost, b, b]] {
            #expect(snapshot(fragments, .never) == snapshot(fragments, .always))
        }
    }

    @Test func otherThreadLetsGoOfWhatItCapturedBeforeTheResult() {
        final class Box: Sendable { let n: Int; init(_ n: Int) { self.n = n } }
        var box = Box(41)
        let work = OtherThread { [box] in box.n + 1 }
        #expect(work.wait() == 42)
        // The caller's reference is the only one left: a list the graph adopts is not copied.
        #expect(isKnownUniquelyReferenced(&box))
    }

    @Test func automaticWaitsForBigFragments() {
        #expect(!Assembly.SecondCore.automatic.applies(to: Assembly.SecondCore.minimumRelations - 1))
        #expect(!Assembly.SecondCore.never.applies(to: 1_000_000))
        #expect(Assembly.SecondCore.always.applies(to: 1) && !Assembly.SecondCore.always.applies(to: 0))
    }
}
