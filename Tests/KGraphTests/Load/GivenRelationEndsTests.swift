import Foundation
import Testing
@testable import KGraph

/// The GraphML reader hands each relation's ends over as positions in its fragment's entities
/// (`GraphFragment.relationEnds`), and assembly maps them through one array instead of looking
/// each end up by its id. These check that the positions name the entity the id names, and that a
/// graph assembled from them is the one the lookups give, whatever the fragments hold: repeated,
/// renamed, undeclared and nested nodes, fragments without positions, positions not known (-1).
@Suite struct GivenRelationEndsTests {
    /// Everything a graph answers, and the diagnostics of making it.
    struct Snapshot: Equatable {
        var entities: [Entity] = []
        var relations: [Relation] = []
        var ends: [[Int32]] = []
        var adjacency: [[Int32]] = []
        var diagnostics: [String] = []
    }

    private func snapshot(_ fragments: [GraphFragment], _ secondCore: Assembly.SecondCore = .never) -> Snapshot {
        var d: [Diagnostic] = []
        let g = GraphAssembler.assemble(fragments, secondCore: secondCore, diagnostics: &d)
        g.checkInvariants()
        var s = Snapshot()
        s.entities = g.entities
        s.relations = g.relations
        s.ends = (0..<Int32(g.relationCount)).map { [g.sourceIndex(ofRelation: $0), g.targetIndex(ofRelation: $0)] }
        s.adjacency = (0..<Int32(g.entityCount)).flatMap { [g.outgoing($0), g.incoming($0)] }
        s.diagnostics = d.map(\.description)
        return s
    }

    private func withoutEnds(_ f: GraphFragment) -> GraphFragment {
        var f = f
        f.relationEnds = .init()
        return f
    }

    private func read(_ xml: String, file: String = "g.graphml") -> GraphFragment {
        var d: [Diagnostic] = []
        return GraphMLReader.read(.bytes(Data(xml.utf8)), file: file, diagnostics: &d)
    }

    /// Each given end is the position of an entity whose id is the one the relation names.
    private func expectEndsNameTheirEntities(_ f: GraphFragment, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(f.relationEnds.sources.count == f.relations.count, sourceLocation: sourceLocation)
        #expect(f.relationEnds.targets.count == f.relations.count, sourceLocation: sourceLocation)
        for (i, r) in f.relations.enumerated() where i < f.relationEnds.sources.count && i < f.relationEnds.targets.count {
            let s = Int(f.relationEnds.sources[i]), t = Int(f.relationEnds.targets[i])
            #expect(f.entities.indices.contains(s) && f.entities[s].id == r.source, "relation \(r.id)", sourceLocation: sourceLocation)
            #expect(f.entities.indices.contains(t) && f.entities[t].id == r.target, "relation \(r.id)", sourceLocation: sourceLocation)
        }
    }

    /// Repeated and renamed nodes (two renamed to one id), a nested graph, nodes only edges name
    /// (before and after their declaration), reused edge ids.
    static let awkward = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="kind" for="node" attr.name="kind" attr.type="string"/>
          <key id="kid" for="node" attr.name="kgraph_id" attr.type="string"><desc>{"kgraph":"id"}</desc></key>
          <key id="rel" for="edge" attr.name="relation" attr.type="string"/>
          <graph id="G" edgedefault="directed">
            <edge id="e0" source="late" target="a"><data key="rel">attacked</data></edge>
            <node id="a"><data key="kind">militia</data></node>
            <node id="b"><data key="kind">state</data></node>
            <node id="a"><data key="kind">state</data></node>
            <node id="odd id"><data key="kid">renamed</data><data key="kind">site</data></node>
            <node id="twin"><data key="kid">renamed</data><data key="kind">site</data></node>
            <node id="outer"><data key="kind">militia</data>
              <graph id="inner" edgedefault="directed">
                <node id="in1"><data key="kind">person</data></node>
                <edge source="in1" target="outer"><data key="rel">member-of</data></edge>
              </graph>
            </node>
            <node id="late"><data key="kind">militia</data></node>
            <edge id="e1" source="a" target="b"><data key="rel">attacked</data></edge>
            <edge id="e1" source="b" target="a"><data key="rel">attacked</data></edge>
            <edge id="e2" source="odd id" target="ghost"><data key="rel">located-in</data></edge>
            <edge id="e3" source="twin" target="outer"><data key="rel">attacked</data></edge>
            <edge source="ghost" target="a"><data key="rel">attacked</data></edge>
            <edge source="renamed" target="twin"><data key="rel">attacked</data></edge>
          </graph>
        </graphml>
        """

    @Test func theGraphMLReaderGivesEachEndsEntity() {
        let f = read(Self.awkward)
        #expect(f.relations.count == 8)
        expectEndsNameTheirEntities(f)
        // "twin" is renamed to the id "odd id" was renamed to, and an undeclared node has that id:
        // the edges of each give its own entity (assembly refuses the later two, and maps them to
        // the first, as a lookup by the id finds).
        let renamed = f.entities.indices.filter { f.entities[$0].id == "renamed" }.map(Int32.init)
        #expect(renamed.count == 3)
        let ends = zip(f.relations, zip(f.relationEnds.sources, f.relationEnds.targets))
        #expect(ends.first { $0.0.id == "e2" }?.1.0 == renamed[0])
        #expect(ends.first { $0.0.id == "e3" }?.1.0 == renamed[1])
        #expect(ends.first { $0.0.source == "renamed" && $0.0.target == "renamed" }?.1.0 == renamed[2])
    }

    @Test(arguments: [Assembly.SecondCore.never, .always])
    func theSameGraphAsLookingEachEndUp(secondCore: Assembly.SecondCore) {
        let f = read(Self.awkward)
        let other = read(Self.awkward.replacingOccurrences(of: "\"a\"", with: "\"a2\""), file: "h.graphml")
        // Alone; twice (the second copy's entities all refused, so its positions map to the first's);
        // after another file (positions shifted); beside a fragment without positions.
        for fragments in [[f], [f, f], [other, f], [withoutEnds(other), f, other]] {
            let given = snapshot(fragments, secondCore)
            #expect(given == snapshot(fragments.map(withoutEnds), secondCore))
            #expect(given.relations.count >= 8)
        }
    }

    @Test func aMultigraphSplitInTwoHalvesGivesTheSameEnds() {
        let text = GraphMLSplitTests.multigraph(nodes: 30, edges: 60)
        var d1: [Diagnostic] = [], d2: [Diagnostic] = []
        let (whole, _) = GraphMLReader.readReportingSplit(.bytes(Data(text.utf8)), file: "t.graphml", diagnostics: &d1, split: .never)
        let (halves, at) = GraphMLReader.readReportingSplit(.bytes(Data(text.utf8)), file: "t.graphml", diagnostics: &d2,
                                                            split: .near(text.utf8.count / 2))
        #expect(at != nil)
        expectEndsNameTheirEntities(halves)
        #expect(halves.relationEnds.sources == whole.relationEnds.sources)
        #expect(halves.relationEnds.targets == whole.relationEnds.targets)
        #expect(snapshot([halves]) == snapshot([withoutEnds(halves)]))
    }

    @Test func corpusFilesGiveEndsThatAssembleAsLookups() throws {
        let folder = corpusFolder.appendingPathComponent("graphml")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".graphml") }.sorted()
        #expect(files.count >= 10)
        var relations = 0
        for name in files {
            var d: [Diagnostic] = []
            let f = GraphMLReader.read(.file(path: folder.appendingPathComponent(name).path), file: name, diagnostics: &d)
            expectEndsNameTheirEntities(f)
            #expect(snapshot([f]) == snapshot([withoutEnds(f)]), "\(name)")
            relations += f.relations.count
        }
        #expect(relations > 1_000)
    }

    /// A fragment made by hand: entities x, y; relations x->y, y->ghost, ghost->x, y->x.
    private func handMade(ends: GraphFragment.RelationEnds) -> GraphFragment {
        var f = GraphFragment(file: "m.graphml", strictVocabulary: false)
        f.entities = ["x", "y"].map { Entity(id: $0, name: $0, kind: "state") }
        f.relations = [("x", "y"), ("y", "ghost"), ("ghost", "x"), ("y", "x")].enumerated().map { i, e in
            Relation(id: "r\(i)", source: e.0, type: "allied-with", target: e.1,
                     location: FileLocation(file: "m.graphml", line: 10 + i, column: 5))
        }
        f.relationEnds = ends
        return f
    }

    @Test func endsNotKnownAreLookedUpAndUnknownOnesReportedWhereTheRelationIs() {
        var ends = GraphFragment.RelationEnds()
        // -1: not known. The last relation's ends are left to the lookup too, though they exist.
        ends.sources = [0, 1, -1, -1]
        ends.targets = [1, -1, 0, -1]
        let s = snapshot([handMade(ends: ends)])
        #expect(s.relations.map(\.id) == ["r0", "r3"])
        #expect(s.ends == [[0, 1], [1, 0]])
        #expect(s.diagnostics.filter { $0.contains("error") } == [
            "m.graphml:11:5: error: unknown entity 'ghost'",
            "m.graphml:12:5: error: unknown entity 'ghost'",
        ])
        #expect(s == snapshot([handMade(ends: .init())]))
    }

    @Test func endsOfAnotherCountAreIgnored() {
        var ends = GraphFragment.RelationEnds()
        // Wrong positions, one too few: not used at all.
        ends.sources = [1, 1, 1]
        ends.targets = [0, 0, 0]
        let s = snapshot([handMade(ends: ends)])
        #expect(s == snapshot([handMade(ends: .init())]))
        #expect(s.ends == [[0, 1], [1, 0]])
    }
}
