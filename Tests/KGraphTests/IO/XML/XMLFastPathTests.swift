import Foundation
import Testing
@testable import KGraph

/// Every token of `data` as text, or the error as "line:column: message" at the end. With
/// `readsContent`, each start tag is followed by `readTextContent()`, as the GraphML reader does
/// for `<data>`; what it reads is described as `next()` would have returned it.
func describeTokens(_ data: Data, chunk: Int, fastPaths: Bool, readsContent: Bool) -> [String] {
    var out: [String] = []
    do {
        var t = try XMLTokenizer(source: .bytes(data), file: "t.xml", chunkSize: chunk)
        t.fastPaths = fastPaths
        loop: while true {
            let token = try t.next()
            guard let line = describe(token, of: &t) else { break loop }
            out.append(line)
            if token == .startElement && readsContent && t.readTextContent() {
                if t.text.count > 0 { out.append((t.textIsCDATA ? "cdata:" : "text:") + t.textString()) }
                out.append("</" + t.string(t.name, decoding: false) + "> depth \(t.depth)")
            }
        }
    } catch {
        out.append("\(error.location.line):\(error.location.column): \(error.message)")
    }
    return out
}

/// The token `next()` just returned, as one line of text; nil at the end of the document.
func describe(_ token: XMLTokenizer.Token, of t: inout XMLTokenizer) -> String? {
    switch token {
    case .startElement:
        var s = "\(t.tokenLocation().line):\(t.tokenLocation().column) <" + t.string(t.name, decoding: false)
        for a in t.attributes { s += " \(t.string(a.name, decoding: false))=\(t.string(a))" }
        return s + (t.isEmptyElement ? "/>" : ">") + " depth \(t.depth)"
    case .endElement:
        return "</" + t.string(t.name, decoding: false) + "> depth \(t.depth)"
    case .text:
        return (t.textIsCDATA ? "cdata:" : "text:") + t.textString()
    case .endOfDocument:
        return nil
    }
}

/// A GraphML read whole: graph fields, entities and relations (with their locations), and every
/// diagnostic.
struct GraphMLRead: Equatable {
    var graph: String
    var entities: [Entity]
    var relations: [Relation]
    var diagnostics: [String]

    init(_ data: Data, chunk: Int = 1 << 20, fastPaths: Bool = true) {
        var d: [Diagnostic] = []
        let f = GraphMLReader.read(.bytes(data), file: "t.graphml", chunkSize: chunk, fastPaths: fastPaths, diagnostics: &d)
        graph = "title \(f.title ?? "-"), description \(f.description ?? "-"), documents \(f.documents)"
        entities = f.entities
        relations = f.relations
        diagnostics = d.map(\.description)
    }
}

/// The fast paths of the tokenizer (plain start and end tags, text read with its end tag) against
/// the general scan, which checks everything; both must give the same tokens, values, locations
/// and errors, wherever the buffer's chunks end.
@Suite struct XMLFastPathTests {
    static let chunks = [1, 2, 3, 5, 8, 13, 64, 1 << 20]

    static let snippets = [
        "<a>text</a>", "<a></a>", "<a/>", "<a x='1' y=\"2\"/>", "<a>x<!--c-->y</a>", "<a><![CDATA[x]]></a>",
        "<a>&lt;&#65;&#x42;</a>", "<a>x<b/>y</a>", "<a>x</b>", "<a>x</a >", "<a>x</a\n>", "<a>x</ab>", "<ab>x</a>",
        "<a>\r\n</a>", "<a>x\ry</a>", "<a>]]></a>", "<a>]]</a>", "<a>]></a>", "<a>&bad;</a>", "<a>AT&T</a>", "<a>&#0;</a>",
        "<a>x</a", "<a>x", "<a>x<", "<a>x</", "<r><a>x</a><a>y</a></r>", "<r>\n  <a k=\"v\">é😀</a>\n  <a/>\n</r>",
        "<a x=\"1\" x=\"2\"/>", "<a x=\"<\"/>", "<a x=\"&amp;&#10;\"/>", "<a x=\"t\tab\"/>", "<a x='say \"hi\"'/>",
        "<a x=\"1\"y=\"2\"/>", "<a x=1/>", "<a x =\n\"1\" / >", "<a/><b/>", "<a>x</a>y", "<é>ü</é>", "<a:b>x</a:b>",
        "<a>x</a:b>", "<a>x</a.>", "<a><?pi x?>y</a>", "<a>" + String(repeating: "long text ", count: 20) + "</a>",
        // Tags that start like the one before (the scanner reuses what it found in those bytes).
        "<r><data key=\"a\">1</data><data key=\"b\" key=\"c\">2</data></r>",
        "<r><data key=\"a\"/><data key='b'/><data key=\"c&amp;\"/><data key=\"d\" x=\"&lt;\"/><data key=\"e\"\n/></r>",
        "<r><abcdefgh x=\"1\"/><abcdefgh x=\"2\" y=\"<\"/><abcdefgh x=\"3\"y=\"4\"/><abcdefgh x=\"5\"></r>",
        "<r><data key=\"a\">1</data><data  key=\"b\">2</data><data key =\"c\">3</data><datakey=\"d\"/></r>",
        // Tags whose later attributes are joined as in the tag before (or nearly).
        "<r><edge source=\"a\" target=\"b\" id=\"1\"/><edge source=\"a\" target=\"b\" id=\"2\"/><edge source=\"a\" targex=\"b\" id=\"3\"/>"
            + "<edge source=\"a\" target=\"b\" target=\"c\"/><edge source=\"a\" target=\"b\" source=\"c\"/><edge source=\"a\" target='b' id=\"4\"/>"
            + "<edge source=\"a\"  target=\"b\"/><edge source=\"a\" target=\"b\"id=\"5\"/><edge source=\"a\" target=\"b\" id=\"6&amp;\"/>"
            + "<edge source=\"a\" target=\"b\" id=\"7\" x=\"8\"/><edge source=\"a\" target=\"b\" id=\"9\" x=\"8\" x=\"9\"/>"
            + "<edge source=\"a\" target=\"b\" id=\"1\" source=\"c\"/><edge source=\"a\" target=\"\t\" id=\"x\"></edge>"
            + "<edge source=\"a\" target=\"b\" id=\"<\"/><edge source=\"a\" target=\"b\"\nid=\"2\"/><edge source=\"a\" target=\"b\" id=\"2\"></r>",
    ]

    @Test func snippetsAgreeWithTheGeneralScan() {
        for xml in Self.snippets {
            let data = Data(xml.utf8)
            let general = describeTokens(data, chunk: 1 << 20, fastPaths: false, readsContent: false)
            for chunk in Self.chunks {
                #expect(describeTokens(data, chunk: chunk, fastPaths: true, readsContent: false) == general, "\(xml) chunk \(chunk)")
                #expect(describeTokens(data, chunk: chunk, fastPaths: true, readsContent: true) == general, "\(xml) chunk \(chunk)")
                #expect(describeTokens(data, chunk: chunk, fastPaths: false, readsContent: false) == general, "\(xml) chunk \(chunk)")
            }
        }
    }

    @Test func textContentIsReadWithItsEndTagOnlyWhenPlain() throws {
        func read(_ xml: String) throws -> (Bool, String, Int) {
            var t = try XMLTokenizer(source: .bytes(Data(xml.utf8)), file: "t.xml")
            guard try t.next() == .startElement, try t.next() == .startElement else { return (false, "", -1) }
            let read = t.readTextContent()
            return (read, read ? t.textString() : "", t.depth)
        }
        #expect(try read("<r><a>A &amp; B\r\n&#233;</a></r>") == (true, "A & B\né", 1))
        #expect(try read("<r><a></a></r>") == (true, "", 1))
        #expect(try read("<r><a/></r>") == (true, "", 1))
        #expect(try read("<r><a>  </a ></r>") == (true, "  ", 1))
        // Markup, errors, or an end tag of another element: left to next(), nothing consumed.
        for xml in ["<r><a>x<!-- c --></a></r>", "<r><a><![CDATA[x]]></a></r>", "<r><a>x<b/></a></r>", "<r><a>x</b></r>",
                    "<r><a>x</ab></r>", "<r><a>&nope;</a></r>", "<r><a>]]></a></r>", "<r><a>x"] {
            #expect(try read(xml) == (false, "", 2), "\(xml)")
        }
    }

    /// Bytes deleted, inserted or replaced at random (seeded) in a GraphML document that uses the
    /// forms the fast paths take and the ones they leave to the general scan.
    static func damaged(_ count: Int, seed: UInt64) -> [Data] {
        var rng = SplitMix(seed: seed)
        let pieces: [[UInt8]] = ["<", ">", "&", "\"", "'", "/", "!", "-", "?", ";", "#", "=", " ", "\n", "\r", "]", "[", "x", ":", "\t"]
            .map { Array($0.utf8) } + [[0x00], [0xC3], [0xA9], [0xE2, 0x98]]
        let base = Array(sampleGraphML.utf8)
        return (0..<count).map { _ in
            var doc = base
            for _ in 0..<(1 + rng.next() % 4) {
                let at = Int(rng.next() % UInt64(doc.count))
                switch rng.next() % 3 {
                case 0: doc.remove(at: at)
                case 1: doc.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))], at: at)
                default: doc.replaceSubrange(at...at, with: pieces[Int(rng.next() % UInt64(pieces.count))])
                }
            }
            return Data(doc)
        }
    }

    @Test func damagedDocumentsTokenizeAlike() {
        var refused = 0
        for (i, data) in Self.damaged(300, seed: 7).enumerated() {
            let general = describeTokens(data, chunk: 1 << 20, fastPaths: false, readsContent: false)
            if general.last?.contains(": ") == true && general.last?.first?.isNumber == true && !general.last!.contains(" <") { refused += 1 }
            for chunk in [3, 1 << 20] {
                #expect(describeTokens(data, chunk: chunk, fastPaths: true, readsContent: true) == general, "document \(i) chunk \(chunk)")
            }
        }
        #expect(refused > 100, "the mutations break most documents")
    }

    @Test func graphMLReadsAlikeOnEveryPathAndChunkSize() {
        let data = Data(sampleGraphML.utf8)
        let general = GraphMLRead(data, fastPaths: false)
        for chunk in Self.chunks {
            #expect(GraphMLRead(data, chunk: chunk) == general, "chunk \(chunk)")
        }
        var refused = 0
        for (i, doc) in Self.damaged(300, seed: 8).enumerated() {
            let general = GraphMLRead(doc, fastPaths: false)
            if general.entities.isEmpty { refused += 1 }
            #expect(GraphMLRead(doc) == general, "document \(i)")
            #expect(GraphMLRead(doc, chunk: 7) == general, "document \(i) chunk 7")
        }
        #expect(refused > 100, "the mutations break most documents")
    }

    @Test func graphMLValuesOfEveryForm() {
        var d: [Diagnostic] = []
        let f = GraphMLReader.read(.bytes(Data(sampleGraphML.utf8)), file: "t.graphml", diagnostics: &d)
        let names = Dictionary(uniqueKeysWithValues: f.entities.map { ($0.id, $0.name) })
        #expect(names["a"] == "Plain")
        #expect(names["b"] == "A & B é")
        #expect(names["c"] == "Commented")
        #expect(names["d"] == "<raw & text>")
        #expect(names["e"] == "Line one\nline two\nthree")
        #expect(names["f"] == "f")
        #expect(names["h"] == "Drawn")
        #expect(names["i"] == "Mixed  text")
        #expect(names["j"] == "Spaced")
        #expect(names["k"] == "Tab\tbed")
        #expect(f.entities.first { $0.id == "k" }?.attributes["undeclared"] == .string("x"))
        let r = Dictionary(uniqueKeysWithValues: f.relations.map { ($0.id, $0) })
        #expect(r["e1"]?.sources == [Citation(document: "d1", quote: "q")])
        #expect(r["e1"]?.attributes["weight"] == .double(0.5))
        #expect(r["e1"]?.confidence == .high)
        #expect(r["e1"]?.type == "backs")
        #expect(r["e1"]?.time?.description == "2024-01..2024-03")
        #expect(r["e1"]?.location?.description == "t.graphml:24:5")
        #expect(r["e1-2"]?.sources == [Citation(document: "d2", quote: "only \"quote\"")])
        #expect(r["e1-2"]?.attributes["weight"] == .string("heavy"))
        #expect(r["e1-2"]?.attributes["confidence"] == .string("unsure"))
        #expect(r["e3"]?.sources == [Citation(document: "d1", quote: "esc")])
        #expect(r["e4"]?.source == "ab")
        #expect(d.contains { $0.description == "t.graphml:23:29: warning: data key 'undeclared' is not declared; its values are kept as text attributes named 'undeclared'" },
                "\(d)")
    }

    @Test func aControlCharacterIsFoundWhereverItStands() {
        // Validation takes 32 and 16 ASCII bytes at a time: put the bad byte at every place of such
        // blocks, among tabs, line ends and non-ASCII characters.
        let filler = Array("ab\tcd\r\nef gh é ij\n klmnopqrstu\tvwxyz 0123456789 ü\n".utf8)
        for at in 0..<90 where filler[at % filler.count] & 0xC0 != 0x80 {
            var body = Array((filler + filler).prefix(at)) + [0x01] + filler
            body = Array("<a>".utf8) + body + Array("</a>".utf8)
            // Lines end at LF; columns count characters (bytes that do not continue one).
            let before = body.prefix(3 + at)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = before.reversed().prefix { $0 != 0x0A }.filter { $0 & 0xC0 != 0x80 }.count + 1
            let expected = "\(line):\(column): character U+0001 (a control character) is not allowed in XML"
            for chunk in [1, 7, 64, 1 << 20] {
                #expect(describeTokens(Data(body), chunk: chunk, fastPaths: true, readsContent: true).last == expected, "at \(at) chunk \(chunk)")
            }
        }
    }

    @Test func edgeTextValuesAreRightPastTheSharedOnes() {
        // Short edge texts are made once and shared, up to 1,024 distinct ones; long ones never.
        var xml = #"<graphml><key id="c" for="edge" attr.name="color" attr.type="string"/><graph><node id="a"/>"#
        let long = String(repeating: "long ", count: 8)
        for i in 0..<2400 {
            xml += #"<edge source="a" target="a"><data key="c">"# + (i % 3 == 0 ? long : "") + "c\(i % 1200)</data></edge>\n"
        }
        xml += "</graph></graphml>"
        let read = GraphMLRead(Data(xml.utf8))
        #expect(read.relations.count == 2400)
        for (i, r) in read.relations.enumerated() {
            #expect(r.attributes == ["color": .string((i % 3 == 0 ? long : "") + "c\(i % 1200)")], "edge \(i)")
        }
    }

    @Test func aKeyRedeclaredForNodesWinsForEveryNode() {
        // The guessed key used to be taken as soon as its id matched: the first node got the key
        // for all, the second the later key for nodes.
        let xml = """
            <graphml><key id="k" for="all" attr.name="A"/><key id="k" for="node" attr.name="B"/><graph>
            <node id="a"><data key="k">1</data></node><node id="b"><data key="k">2</data></node>
            <edge source="a" target="b"><data key="k">3</data></edge></graph></graphml>
            """
        for fast in [true, false] {
            let read = GraphMLRead(Data(xml.utf8), fastPaths: fast)
            #expect(read.entities.map(\.attributes) == [["B": .string("1")], ["B": .string("2")]])
            #expect(read.relations.map(\.attributes) == [["A": .string("3")]])
        }
    }

    @Test func malformedDataIsReportedAsBefore() {
        let cases = [
            (#"<graphml><graph><node id="a"><data key="k">x</date></node></graph></graphml>"#,
             "t.graphml:1:45: error: closing tag </date> does not match <data> (opened at 1:30)"),
            ("<graphml><graph><node id=\"a\">\n<data key=\"k\">AT&T</data></node></graph></graphml>",
             "t.graphml:2:17: error: '&' must start a reference such as &amp; (write a literal '&' as &amp;)"),
            (#"<graphml><graph><node id="a"><data key="k">]]></data></node></graph></graphml>"#,
             "t.graphml:1:44: error: ']]>' is not allowed in text"),
            (#"<graphml><graph><edge source="a" target="b"><data key="k">x</data></edge></graph>"#,
             "t.graphml:1:82: error: unexpected end of file: element <graphml> (opened at 1:1) is not closed"),
        ]
        for (xml, expected) in cases {
            for fast in [true, false] {
                #expect(GraphMLRead(Data(xml.utf8), fastPaths: fast).diagnostics.last == expected, "\(xml)")
            }
        }
    }
}

/// GraphML whose `<data>` take every form: plain, references, a comment, CDATA, CR line ends,
/// empty, blank, yEd markup, mixed content, spaced-out tags, escapes in JSON.
let sampleGraphML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
      <key id="n_label" for="node" attr.name="label" attr.type="string"/>
      <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
      <key id="g" for="node" yfiles.type="nodegraphics"/>
      <key id="w" for="edge" attr.name="weight" attr.type="double"/>
      <key id="e_date" for="edge" attr.name="date" attr.type="string"/>
      <key id="e_sources" for="edge" attr.name="sources" attr.type="string"><desc>{"kgraph":"sources","json":true}</desc></key>
      <key id="e_conf" for="edge" attr.name="confidence" attr.type="string"/>
      <key id="e_rel" for="edge" attr.name="relation" attr.type="string"/>
      <graph id="G" edgedefault="directed">
        <node id="a"><data key="n_label">Plain</data><data key="n_kind">person</data></node>
        <node id="b"><data key="n_label">A &amp; B &#233;</data></node>
        <node id="c"><data key="n_label"><!-- note -->Commented</data></node>
        <node id="d"><data key="n_label"><![CDATA[<raw & text>]]></data></node>
        <node id="e"><data key="n_label">Line one\r\nline two\rthree</data></node>
        <node id="f"><data key="n_label"></data><data key="n_kind"/></node>
        <node id="g"><data key="n_label">   </data></node>
        <node id="h"><data key="g"><y:ShapeNode><y:NodeLabel>Drawn</y:NodeLabel></y:ShapeNode></data></node>
        <node id="i"><data key="n_label">Mixed <b>bold</b> text</data></node>
        <node id = "j" ><data  key = 'n_label' >Spaced</data ></node>
        <node id="k"><data key="undeclared">x</data><data key="n_label">Tab&#9;bed</data></node>
        <edge id="e1" source="a" target="b"><data key="w">0.5</data><data key="e_date">2024-01..2024-03</data><data key="e_sources">[{"document":"d1","quote":"q"}]</data><data key="e_conf">high</data><data key="e_rel">backs</data></edge>
        <edge source="b" target="c">
          <data key="w">heavy</data>
          <data key="e_sources">[{"quote":"only \\"quote\\"","document":"d2"}]</data>
          <data key="e_conf">unsure</data>
        </edge>
        <edge id="e3" source="c" target="zz"><data key="e_sources">[{"document":"d\\u0031","quote":"esc"}]</data></edge>
        <edge id="e4" source="a&#x62;" target="a" note="tab\tin value"><data key="e_rel">x</data></edge>
      </graph>
    </graphml>

    """
