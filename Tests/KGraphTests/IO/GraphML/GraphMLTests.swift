import Foundation
import Testing
@testable import KGraph

/// Reads GraphML text; returns the graph and the diagnostics as "line:column: severity: message".
func graphML(_ xml: String) -> (graph: Graph, messages: [String], errors: [String]) {
    let (g, d) = readGraph(Data(xml.utf8), ext: "graphml", file: "t.graphml")
    let m = d.sortedByLocation().map { String($0.description.dropFirst("t.graphml:".count)) }
    return (g, m, m.filter { $0.contains(": error: ") })
}

@Suite struct GraphMLTests {
    @Test func roundTripKeepsEveryField() throws {
        for g in [try trickyGraph(), try shippedGraph()] {
            let data = GraphMLWriter.graphml(g)
            let (back, d) = readGraph(data, ext: "graphml")
            #expect(!d.hasErrors, "\(d.filter { $0.severity == .error }.prefix(3))")
            let a = GraphContent(g), b = GraphContent(back)
            #expect(a.difference(from: b) == nil, "\(a.difference(from: b) ?? "")")
        }
    }

    @Test func idsThatAreNotNMTokensAreMadeValidAndRestored() throws {
        var g = Graph()
        try g.add(Entity(id: "not a token", name: "A", kind: "state"))
        try g.add(Entity(id: "not_a_token", name: "B", kind: "state"))
        try g.add(Relation(id: "r 1", source: "not a token", type: "backs", target: "not_a_token",
                           sources: [Citation(document: "d", quote: "q")]))
        let text = String(decoding: GraphMLWriter.graphml(g), as: UTF8.self)
        #expect(text.contains(#"<node id="not_a_token_2">"#) || text.contains(#"<node id="not_a_token">"#))
        #expect(!text.contains(#"id="not a token""#))
        let back = readGraph(Data(text.utf8), ext: "graphml").graph
        #expect(back.entities.map(\.id) == ["not a token", "not_a_token"])
        #expect(back.relations.map(\.id) == ["r 1"])
    }

    /// An edge's or a node's values stay with it (the reader collects them per element and
    /// clears them after): the second edge has no date, sources or weight, the second node no country attribute.
    @Test func valuesStayWithTheirElement() throws {
        let (g, _, errors) = graphML("""
            <?xml version="1.0"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d5" for="edge" attr.name="weight" attr.type="double"/>
              <key id="d4" for="edge" attr.name="sources" attr.type="string"/>
              <key id="d3" for="edge" attr.name="date" attr.type="string"/>
              <key id="d2" for="edge" attr.name="relation" attr.type="string"/>
              <key id="d1" for="node" attr.name="country" attr.type="string"/>
              <key id="d0" for="node" attr.name="label" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="a"><data key="d0">A</data><data key="d1">IQ</data></node>
                <node id="b"><data key="d0">B</data></node>
                <edge source="a" target="b" id="0"><data key="d2">attacked</data><data key="d3">2019-05..2022-03</data><data key="d4">[{"document": "doc-1", "quote": "A attacked B"}]</data><data key="d5">0.5</data></edge>
                <edge source="b" target="a" id="0"><data key="d2">fought</data></edge>
              </graph>
            </graphml>
            """)
        #expect(errors.isEmpty, "\(errors)")
        let first = try #require(g.relations.first { $0.source == "a" })
        let second = try #require(g.relations.first { $0.source == "b" })
        #expect(first.type == "attacked" && first.time?.description == "2019-05..2022-03")
        #expect(first.sources == [Citation(document: "doc-1", quote: "A attacked B")] && first.attributes == ["weight": .double(0.5)])
        #expect(second.type == "fought" && second.time == nil && second.sources.isEmpty && second.attributes.isEmpty)
        let a = try #require(g.entity(id: "a")), b = try #require(g.entity(id: "b"))
        #expect(a.name == "A" && a.attributes == ["country": .string("IQ")] && b.name == "B" && b.attributes.isEmpty)
    }

    @Test func foreignFilesMapOntoFields() {
        let (g, messages, _) = graphML("""
            <?xml version="1.0"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="node" attr.name="name" attr.type="string"/>
              <key id="d1" for="node" attr.name="labelV" attr.type="string"/>
              <key id="d2" for="node" attr.name="age" attr.type="int"><default>7</default></key>
              <key id="d3" for="edge" attr.name="labelE" attr.type="string"/>
              <key id="d4" for="edge" attr.name="weight" attr.type="double"/>
              <key id="d5" for="node" attr.name="country" attr.type="string"/>
              <graph edgedefault="undirected">
                <node id="1"><data key="d0">marko</data><data key="d1">person</data><data key="d2">29</data><data key="d5">Italy</data></node>
                <node id="2"><data key="d0">lop</data><data key="d1">software</data></node>
                <edge source="1" target="2"><data key="d3">created</data><data key="d4">0.4</data><data key="dx">extra</data></edge>
              </graph>
            </graphml>
            """)
        #expect(g.entities.map(\.name) == ["marko", "lop"])
        #expect(g.entities.map(\.kind) == ["person", "software"])
        #expect(g.entities[0].attributes == ["age": .int(29), "country": .string("Italy")])
        #expect(g.entities[1].attributes == ["age": .int(7)])
        #expect(g.entities[0].country == nil)
        #expect(g.relations.map(\.type) == ["created"])
        #expect(g.relations[0].id == "e0")
        #expect(g.relations[0].attributes == ["weight": .double(0.4), "dx": .string("extra")])
        #expect(messages.contains { $0.hasPrefix("12:98: warning: data key 'dx' is not declared") }, "\(messages)")
        #expect(messages.contains { $0.contains("unknown entity kind 'software' (1 entities)") })
    }

    @Test func conventionsWhereReadersDiffer() {
        let (g, messages, _) = graphML("""
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key id="g" for="node" yfiles.type="nodegraphics"/>
              <graph id="G" edgedefault="directed">
                <key id="late" for="node" attr.name="color" attr.type="string"/>
                <node id="n0"><data key="late">red</data></node>
                <node id="grp">
                  <data key="g"><y:ProxyAutoBoundsNode><y:Realizers><y:GroupNode><y:NodeLabel>Group <![CDATA[A&B]]></y:NodeLabel></y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
                  <graph id="grp:" edgedefault="directed"><node id="grp::n1"/></graph>
                </node>
                <edge id="e" source="n0" target="undeclared"/>
                <edge id="k" source="n0" target="grp"/>
                <edge id="k" source="grp" target="n0"/>
                <hyperedge><endpoint node="n0"/><endpoint node="grp"/></hyperedge>
                <graph id="inner"><node id="dropped"/></graph>
              </graph>
              <graph id="second"><node id="also-dropped"/></graph>
            </graphml>
            """)
        #expect(g.entities.map(\.id).sorted() == ["grp", "grp::n1", "n0", "undeclared"])
        #expect(g.entity(id: "n0")?.attributes["color"] == .string("red"))
        #expect(g.entity(id: "grp")?.name == "Group A&B")
        #expect(g.entity(id: "grp::n1")?.attributes["parent"] == .string("grp"))
        #expect(g.relations.map(\.id) == ["e", "n0-grp-k", "grp-n0-k"])
        #expect(messages.contains { $0.contains("1 node(s) are named by edges but never declared") })
        #expect(messages.contains { $0.contains("hyperedges are not supported; skipped") })
        #expect(messages.contains { $0.contains("a <graph> directly inside a <graph> is not valid GraphML") })
        #expect(messages.contains { $0.contains("only the first top-level <graph> is read") })
        #expect(messages.contains { $0.contains("1 edge id(s) are reused between different node pairs") })
    }

    @Test func structuralErrorsAreLocated() {
        #expect(graphML(#"<graphml><graph><node id="a"/><node id="a"/></graph></graphml>"#).errors
                == ["1:31: error: duplicate node id 'a' (first at t.graphml:1:17)"])
        let dupEdge = graphML(#"<graphml><graph><node id="a"/><node id="b"/><edge id="e" source="a" target="b"/><edge id="e" source="a" target="b"/></graph></graphml>"#)
        #expect(dupEdge.errors.first == "1:91: error: duplicate edge id 'e' between the same two nodes (first at t.graphml:1:45)")
        #expect(graphML(#"<graphml><key id="k" attr.type="list"/><graph/></graphml>"#).errors
                == ["1:33: error: key 'k' has attr.type 'list'; GraphML allows boolean, int, long, float, double and string"])
        #expect(graphML(#"<graph><node id="a"/></graph>"#).errors
                == ["1:1: error: not a GraphML file: the root element is <graph>, expected <graphml>"])
        #expect(graphML(#"<graphml><graph><node/></graph></graphml>"#).errors == ["1:17: error: <node> without an id"])
    }

    @Test func typedValuesAndDefaults() {
        let (g, messages, _) = graphML("""
            <graphml><key id="b" for="edge" attr.name="flag" attr.type="boolean"><default>false</default></key>
            <key id="n" for="edge" attr.name="n" attr.type="long"/>
            <key id="x" for="edge" attr.name="x" attr.type="double"/>
            <graph><node id="a"/><edge source="a" target="a"><data key="b">TRUE</data><data key="n"> 12 </data><data key="x">NaN</data></edge>
            <edge source="a" target="a"><data key="n">twelve</data></edge></graph></graphml>
            """)
        #expect(g.relations[0].attributes == ["flag": .bool(true), "n": .int(12), "x": .string("NaN")])
        #expect(g.relations[1].attributes == ["flag": .bool(false), "n": .string("twelve")])
        #expect(messages.contains { $0.contains("a value of key 'n' is not of its attr.type long; kept as text") })
    }
}

/// Hostile files: each is refused with a located error, quickly, reading nothing outside the file.
@Suite struct HostileInputTests {
    func errors(_ data: Data) -> [String] {
        readGraph(data, ext: "graphml", file: "h.graphml").diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func billionLaughs() {
        var entities = "<!ENTITY lol0 \"lol\">"
        for i in 1...9 { entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\(entities)]>\n<graphml><graph><node id=\"&lol9;\"/></graph></graphml>"
        let e = errors(Data(xml.utf8))
        #expect(e.count == 1)
        #expect(e.first?.hasPrefix("h.graphml:2:1: error: document type declarations (<!DOCTYPE ...>) are not accepted") == true)
    }

    @Test func externalEntityIsNeverRead() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <graphml><key id="d" for="node" attr.name="label"/><graph><node id="n"><data key="d">&xxe;</data></node></graph></graphml>
            """
        let (g, d) = readGraph(Data(xml.utf8), ext: "graphml", file: "h.graphml")
        #expect(g.entityCount == 0)
        #expect(d.count == 1)
        #expect(d[0].description.contains("no external entities"))
        #expect(!d[0].description.contains("root:"))
        // Without the DOCTYPE the reference is simply undefined.
        let bare = errors(Data(#"<graphml><graph><node id="&xxe;"/></graph></graphml>"#.utf8))
        #expect(bare == ["h.graphml:1:27: error: undefined entity '&xxe;': kgraph reads no DTD, so only &lt; &gt; &amp; &apos; &quot; and character references (&#...;) are defined"])
    }

    @Test func deepNesting() {
        let xml = "<graphml><graph><node id=\"a\"><data key=\"d\">" + String(repeating: "<x>", count: 100_000)
            + String(repeating: "</x>", count: 100_000) + "</data></node></graph></graphml>"
        #expect(errors(Data(xml.utf8)) == ["h.graphml:1:1:1 error".isEmpty ? "" : "h.graphml:1:\(44 + 3 * 252): error: elements nested deeper than 256 levels"])
    }

    @Test func truncatedFile() throws {
        let full = String(decoding: GraphMLWriter.graphml(try trickyGraph()), as: UTF8.self)
        for cut in [10, 200, full.utf8.count / 2, full.utf8.count - 5] {
            let e = errors(Data(full.utf8.prefix(cut)))
            #expect(e.count == 1, "cut at \(cut)")
            #expect(e.first?.contains("unexpected end of file") == true, "cut at \(cut): \(e)")
        }
    }

    @Test func invalidUTF8() {
        var data = Data(#"<graphml><graph><node id="a"/>"#.utf8)
        data.append(contentsOf: [0x0A, 0x3C, 0x21, 0x2D, 0x2D, 0xC3, 0x28, 0x2D, 0x2D, 0x3E])  // \n<!--\xC3(-->
        data.append(Data("</graph></graphml>".utf8))
        #expect(errors(data) == ["h.graphml:2:5: error: invalid UTF-8 (byte 0xC3 not followed by a continuation byte)"])
    }

    @Test func duplicateIds() {
        #expect(errors(Data(#"<graphml><graph><node id="x"/><node id="x"/></graph></graphml>"#.utf8))
                == ["h.graphml:1:31: error: duplicate node id 'x' (first at h.graphml:1:17)"])
        #expect(errors(Data(#"<graphml><key id="k" for="node"/><key id="k" for="node"/><graph/></graphml>"#.utf8))
                == ["h.graphml:1:34: error: key id 'k' is declared twice (first at h.graphml:1:10)"])
    }

    @Test func controlCharactersAndStrayMarkup() {
        #expect(errors(Data("<graphml>\u{0}</graphml>".utf8)) == ["h.graphml:1:10: error: character U+0000 (a control character) is not allowed in XML"])
        #expect(errors(Data("<graphml><graph></graphml>".utf8)) == ["h.graphml:1:17: error: closing tag </graphml> does not match <graph> (opened at 1:10)"])
    }
}

/// GEXF goes through the same tokenizer: the same refusals.
@Suite struct GEXFHostileInputTests {
    @Test func doctypeAndExternalEntities() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <gexf version="1.3"><graph><nodes><node id="a" label="&xxe;"/></nodes><edges/></graph></gexf>
            """
        let (g, d) = readGraph(Data(xml.utf8), ext: "gexf", file: "h.gexf")
        #expect(g.entityCount == 0)
        #expect(d.map(\.description).first?.hasPrefix("h.gexf:2:1: error: document type declarations") == true)
    }

    @Test func notGEXF() {
        let (_, d) = readGraph(Data("<graphml/>".utf8), ext: "gexf", file: "h.gexf")
        #expect(d.map(\.description) == ["h.gexf:1:1: error: not a GEXF file: the root element is <graphml>, expected <gexf>"])
    }

    @Test func duplicateNodeIds() {
        let (_, d) = readGraph(Data(#"<gexf><graph><nodes><node id="a"/><node id="a"/></nodes></graph></gexf>"#.utf8), ext: "gexf", file: "h.gexf")
        #expect(d.filter { $0.severity == .error }.map(\.description) == ["h.gexf:1:35: error: duplicate node id 'a' (first at h.gexf:1:21)"])
    }
}
