import Foundation
import Testing
@testable import KGraph

/// A big GraphML file's second half is read on another thread from a guessed place, and merged
/// only when the first half's reader confirms the guess (GraphMLReader.Split). These tests check
/// that the result never depends on it: for every place a second half could start, reading in two
/// halves gives exactly what reading in one pass gives, entities, relations, locations and
/// diagnostics alike, including when the guessed place is inside a comment, a CDATA section or a
/// nested graph, and when the halves conflict (a node declared in both, an edge id reused).
@Suite struct GraphMLSplitTests {
    /// Everything a reader returns, for comparing two readings.
    struct Reading: Equatable {
        var title: String?
        var description: String?
        var documents: [Document]
        var entities: [Entity]
        var relations: [Relation]
        /// Each relation's ends as positions in `entities` (`GraphFragment.relationEnds`).
        var ends: [[Int32]]
        var kinds: [String]
        var types: [String]
        var diagnostics: [String]

        init(_ f: GraphFragment, _ d: [Diagnostic]) {
            title = f.title
            description = f.description
            documents = f.documents
            entities = f.entities
            relations = f.relations
            ends = [f.relationEnds.sources, f.relationEnds.targets]
            kinds = f.vocabulary.kinds.map(\.id)
            types = f.vocabulary.types.map(\.id)
            diagnostics = d.map(\.description)
        }
    }

    static func read(_ data: Data, _ split: GraphMLReader.Split) -> (Reading, mergedAt: Int?) {
        var d: [Diagnostic] = []
        let (f, at) = GraphMLReader.readReportingSplit(.bytes(data), file: "t.graphml", diagnostics: &d, split: split)
        return (Reading(f, d), at)
    }

    /// Offsets just after each line feed: where a second half can start.
    static func lineStarts(_ data: Data) -> [Int] {
        var out: [Int] = []
        for (i, b) in data.enumerated() where b == 0x0A { out.append(i + 1) }
        return out
    }

    /// Reads `text` in one pass and split at every line (every `step`th); returns how many splits were merged.
    @discardableResult
    static func checkEverySplit(_ text: String, every step: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        checkSplits(Data(text.utf8), every: step, sourceLocation: sourceLocation)
    }

    @discardableResult
    static func checkSplits(_ data: Data, every step: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let (whole, none) = read(data, .never)
        #expect(none == nil, sourceLocation: sourceLocation)
        var merged = 0
        for (n, start) in lineStarts(data).enumerated() where n % step == 0 {
            let (halves, at) = read(data, .near(start))
            if at != nil { merged += 1 }
            let note = "split near offset \(start) (merged at \(at.map(String.init) ?? "-")) differs: " + difference(halves, whole)
            #expect(halves == whole, "\(note)", sourceLocation: sourceLocation)
            if halves != whole { break }
        }
        return merged
    }

    static func difference(_ a: Reading, _ b: Reading) -> String {
        if a.diagnostics != b.diagnostics { return "diagnostics \(a.diagnostics) vs \(b.diagnostics)" }
        if a.entities != b.entities { return "entities \(a.entities.count) vs \(b.entities.count): " + first(a.entities, b.entities) }
        if a.relations != b.relations { return "relations \(a.relations.count) vs \(b.relations.count): " + first(a.relations, b.relations) }
        if a.ends != b.ends { return "relation ends" }
        if a.documents != b.documents { return "documents" }
        return "title, description or vocabulary"
    }

    static func first<T: Equatable>(_ a: [T], _ b: [T]) -> String {
        for (x, y) in zip(a, b) where x != y { return "\(x)\n  vs\n\(y)" }
        return "lengths differ"
    }

    @Test func kgraphsOwnExportReadsTheSameInTwoHalves() throws {
        // Every line of the small graph; every fifth of the shipped one (a debug build reads slowly).
        for (g, step) in [(try trickyGraph(), 1), (try shippedGraph(), 5)] {
            let text = String(decoding: GraphMLWriter.graphml(g), as: UTF8.self)
            let merged = Self.checkEverySplit(text, every: step)
            // Most lines of kgraph's export are inside a node or an edge; those that start one merge.
            #expect(merged * step >= g.relationCount / 2, "only \(merged) splits were merged")
        }
    }

    static let awkward = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="w" for="edge" attr.name="weight" attr.type="double"/>
          <key id="n" for="node" attr.name="label" attr.type="string"><default>unnamed</default></key>
          <graph id="G" edgedefault="directed">
            <data key="title">ignored, no such key</data>
            <node id="a"><data key="n">Alpha &amp; co</data></node>
            <node id="b"/>
            <!-- lines that look like elements:
            <edge id="x" source="a" target="b"/>
            <node id="c"/>
            -->
            <edge id="0" source="a" target="b"><data key="w">1.5</data></edge>
            <edge id="0" source="b" target="c"><data key="w">not a number</data></edge>
            <![CDATA[
            <edge id="y" source="a" target="b"/>
            ]]>
            <node id="g1">
              <graph id="g1:" edgedefault="directed">
                <node id="g1::n0"/>
                <edge source="g1::n0" target="a"/>
                <edge source="a" target="g1::n0"/>
              </graph>
            </node>
            <edge source="a" target="zz"/>
            <node id="c"/>
            <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>
            <edge id="1" source="c" target="a">
              <data key="w">2</data>
              <data key="undeclared">kept as text</data>
            </edge>
            <edge id="0" source="c" target="a"/>
            <edge source="c" target="b"/>
            <edge id="e1" source="b" target="a"/>
            <key id="late" for="node" attr.name="late" attr.type="string"/>
            <node id="d"><data key="late">x</data></node>
            <edge id="0" source="c" target="d"/>
            <edge id="2" source="d" target="zz"/>
            <edge id="z" source="a" target="b"/>
            <edge id="z" source="b" target="d"/>
          </graph>
          <graph id="second"><node id="ignored"/></graph>
        </graphml>
        """

    @Test func commentsCDATANestedGraphsReusedIdsAndLateKeys() {
        // A key declared after the first node (here by a <data> naming an undeclared key, and by a
        // <key> inside the graph) means no second half merges: it started with the keys known then.
        Self.checkEverySplit(Self.awkward)
        let earlyKeys = Self.awkward
            .replacingOccurrences(of: "      <data key=\"undeclared\">kept as text</data>\n", with: "")
            .replacingOccurrences(of: "    <key id=\"late\" for=\"node\" attr.name=\"late\" attr.type=\"string\"/>\n", with: "")
            .replacingOccurrences(of: "<data key=\"late\">x</data>", with: "")
        #expect(earlyKeys.count < Self.awkward.count - 100)
        #expect(Self.checkEverySplit(earlyKeys) >= 8)
    }

    @Test func conflictsBetweenTheHalvesAreReportedAsInOnePass() {
        let endOfGraph = "    <edge id=\"2\" source=\"d\" target=\"zz\"/>\n"
        // A node declared in both halves; an edge id reused between the same two nodes; an XML
        // error late in the file; an XML error early in the file.
        for (addition, expected) in [
            ("    <node id=\"a\"/>\n", "duplicate node id 'a'"),
            ("    <edge id=\"1\" source=\"c\" target=\"a\"/>\n", "duplicate edge id '1'"),
            ("    <edge id=\"9\" source=\"a\" target=\"b\"></edg>\n", "does not match"),
        ] {
            let text = Self.awkward.replacingOccurrences(of: endOfGraph, with: endOfGraph + addition)
            #expect(text != Self.awkward)
            let (whole, _) = Self.read(Data(text.utf8), .never)
            #expect(whole.diagnostics.contains { $0.contains(expected) }, "\(whole.diagnostics)")
            Self.checkEverySplit(text)
        }
        let early = Self.awkward.replacingOccurrences(of: "<node id=\"b\"/>", with: "<node id=\"b\" id=\"b\"/>")
        Self.checkEverySplit(early)
    }

    @Test func theSecondHalfStartsAtTheGraphsFirstNodeEdgeOrData() {
        // The second half is launched before the graph's own data is read (kgraph's export writes
        // its documents there), so a key declared in the graph before that data is in its seed
        // and the halves merge.
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="t" for="graph" attr.name="title" attr.type="string"/>
              <graph id="G" edgedefault="directed">
                <key id="k" for="edge" attr.name="relation" attr.type="string"/>
                <data key="t">A title, read by the first half</data>
                <node id="a"/>
                <node id="b"/>
                <edge id="r1" source="a" target="b"><data key="k">backs</data></edge>
                <edge id="r2" source="b" target="a"><data key="k">attacked</data></edge>
                <edge id="r3" source="a" target="b"><data key="k">struck</data></edge>
              </graph>
            </graphml>
            """
        #expect(Self.checkEverySplit(text) >= 4)
        // Data naming an undeclared key declares one when read: the second half then starts at
        // the first node, after it, and still merges.
        let undeclared = text.replacingOccurrences(of: "<data key=\"t\">", with: "<data key=\"nowhere\">")
        #expect(undeclared != text)
        #expect(Self.checkEverySplit(undeclared) >= 4)
        // Declared after that data, the key is not in the seed: the halves do not merge, and the
        // result is still the one-pass read's.
        let keyLine = "    <key id=\"k\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
        let dataLine = "    <data key=\"t\">A title, read by the first half</data>\n"
        let late = text.replacingOccurrences(of: keyLine + dataLine, with: dataLine + keyLine)
        #expect(late != text)
        Self.checkEverySplit(late)
    }

    @Test func prefixedNamesAndCarriageReturns() {
        let text = """
            <?xml version="1.0"?>
            <g:graphml xmlns:g="http://graphml.graphdrawing.org/xmlns">
              <g:key id="k" for="edge" attr.name="relation" attr.type="string"/>
              <g:graph edgedefault="directed">
                <g:node id="a"/>
                <g:node id="b"/>
                <g:edge id="r1" source="a" target="b"><g:data key="k">backs</g:data></g:edge>
                <g:edge id="r2" source="b" target="a"><g:data key="k">attacked</g:data></g:edge>
                <g:node id="c"/>
                <g:edge id="r3" source="c" target="a"><g:data key="k">struck</g:data></g:edge>
              </g:graph>
            </g:graphml>
            """
        #expect(Self.checkEverySplit(text) >= 3)
        #expect(Self.checkEverySplit(text.replacingOccurrences(of: "\n", with: "\r\n")) >= 3)
    }

    /// NetworkX writes a multigraph's edge keys as edge ids, so the same few ids ("0", "1") are
    /// used in both halves: the merge renumbers the second half's id slots and must find which ids
    /// are reused, and an id reused between the same two nodes across the halves is an error.
    static func multigraph(nodes: Int, edges: Int, sameEnds: (Int, Int)? = nil) -> String {
        var text = """
            <?xml version='1.0' encoding='utf-8'?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d1" for="edge" attr.name="relation" attr.type="string" />
              <key id="d0" for="node" attr.name="label" attr.type="string" />
              <graph edgedefault="directed">

            """
        for i in 0..<nodes where i % 3 != 2 {
            text += "    <node id=\"n\(i)\">\n      <data key=\"d0\">Node \(i)</data>\n    </node>\n"
        }
        for k in 0..<edges {
            // Every third node is only named by edges (created in finish, from both halves).
            // No two edges join the same pair (no error), while few ids serve all of them.
            let a = k % nodes
            let b = (a + 1 + k / nodes) % nodes
            let id = k < 4 ? "solo\(k)" : String(k % 3)
            text += "    <edge source=\"n\(a)\" target=\"n\(b)\" id=\"\(id)\">\n      <data key=\"d1\">backs</data>\n    </edge>\n"
        }
        if let (a, b) = sameEnds {
            text += "    <edge source=\"n\(a)\" target=\"n\(b)\" id=\"0\" />\n"
        }
        text += "    <edge source=\"n0\" target=\"n1\" />\n  </graph>\n</graphml>\n"
        return text
    }

    @Test func reusedEdgeIdsAcrossTheHalvesAreRenamedAsInOnePass() {
        let text = Self.multigraph(nodes: 30, edges: 60)
        let (whole, _) = Self.read(Data(text.utf8), .never)
        #expect(whole.diagnostics.contains { $0.contains("edge id(s) are reused") }, "\(whole.diagnostics)")
        #expect(whole.diagnostics.contains { $0.contains("never declared") }, "\(whole.diagnostics)")
        // Nearly every edge line merges: the shared ids are renumbered, not refused.
        #expect(Self.checkEverySplit(text) >= 60)
        // The first edge with id "0" is k = 6, from n6 to n7: the same id again between them is
        // an error, found in whichever half it is read.
        let withError = Self.multigraph(nodes: 30, edges: 60, sameEnds: (6, 7))
        let (bad, _) = Self.read(Data(withError.utf8), .never)
        #expect(bad.diagnostics.contains { $0.contains("duplicate edge id '0'") }, "\(bad.diagnostics)")
        Self.checkEverySplit(withError)
    }

    /// Every GraphML file of the real-world corpus reads the same split at (up to 60) lines spread
    /// over it: yEd's CDATA and nested graphs, hyperedges, two graphs in one file, prefixes...
    @Test func corpusFilesReadTheSameInTwoHalves() throws {
        let folder = corpusFolder.appendingPathComponent("graphml")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".graphml") }.sorted()
        #expect(files.count >= 10)
        var merged = 0
        for name in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let lines = Self.lineStarts(data).count
            merged += Self.checkSplits(data, every: max(1, lines / 60))
        }
        #expect(merged >= 200, "only \(merged) splits were merged")
    }

    /// A file read from disk (the second half opens it again at an offset) reads the same split.
    @Test func aFileOnDiskReadsTheSameSplit() throws {
        let text = Self.multigraph(nodes: 200, edges: 2_000)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString).graphml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var d1: [Diagnostic] = [], d2: [Diagnostic] = []
        let (whole, _) = GraphMLReader.readReportingSplit(.file(path: url.path), file: "t.graphml", diagnostics: &d1, split: .never)
        let (halves, at) = GraphMLReader.readReportingSplit(.file(path: url.path), file: "t.graphml", diagnostics: &d2,
                                                            split: .near(text.utf8.count / 2))
        #expect(at != nil)
        let a = Reading(whole, d1), b = Reading(halves, d2)
        #expect(a == b, "\(Self.difference(b, a))")
    }

    /// A file big enough for the automatic policy is split, and reads the same.
    @Test func automaticSplitOfABigFile() throws {
        var g = Graph()
        try g.add(Document(id: "d", title: "D"))
        let n = 3_000
        for i in 0..<n { try g.add(Entity(id: "e\(i)", name: "Entity \(i)", kind: "militia", aliases: ["E\(i)"])) }
        for i in 0..<(12 * n) {
            try g.add(Relation(id: "r\(i)", source: "e\(i % n)", type: "attacked", target: "e\((i * 7 + 1) % n)",
                               sources: [Citation(document: "d", quote: "a quote long enough to make the file big, number \(i)")]))
        }
        let data = GraphMLWriter.graphml(g)
        #expect(data.count > GraphMLReader.Split.minimumBytes)
        let (whole, _) = Self.read(data, .never)
        let (halves, at) = Self.read(data, .automatic)
        if Cores.available > 1 {
            #expect(at != nil, "a \(data.count)-byte file was not split")
        }
        #expect(halves == whole, "\(Self.difference(halves, whole))")
        #expect(whole.relations.count == 12 * n)
    }
}
