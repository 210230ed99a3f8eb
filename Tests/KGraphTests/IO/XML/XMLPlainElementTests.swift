import Foundation
import Testing
@testable import KGraph

/// Every token of `data` as text (blank text skipped), or the error as "line:column: message" at
/// the end. With `plain`, `readPlainElement` is tried before each `next()`, as the GraphML reader
/// does inside an edge; what it reads is described as `next()` would have returned it.
func describePlainTokens(_ data: Data, chunk: Int, plain: Bool) -> [String] {
    var out: [String] = []
    let e = XMLTokenizer.PlainElement("data", attribute: "key")
    do {
        var t = try XMLTokenizer(source: .bytes(data), file: "t.xml", chunkSize: chunk)
        t.fastPaths = plain
        t.skipsBlankText = true
        loop: while true {
            if plain, let a = t.readPlainElement(e) {
                let l = t.location(at: a.name.start - e.attributeStart)
                out.append("\(l.line):\(l.column) <data key=\(t.string(a))> depth \(t.depth + 1)")
                if t.text.count > 0 && !t.isWhitespace(t.text) { out.append("text:" + t.textString()) }
                out.append("\(t.tokenLocation().line):\(t.tokenLocation().column) </data> depth \(t.depth)")
                continue
            }
            let token = try t.next()
            let at = t.tokenLocation()
            guard let line = describe(token, of: &t) else { break loop }
            // End tags with their place too: `readPlainElement` may have read them.
            out.append(token == .endElement ? "\(at.line):\(at.column) " + line : line)
        }
    } catch {
        out.append("\(error.location.line):\(error.location.column): \(error.message)")
    }
    return out
}

/// `readPlainElement` (a whole `<data key="...">value</data>` in one call) against the general
/// scan: the same tokens, values, locations and errors, whatever byte stands wherever in its
/// eight-byte words and wherever the buffer's chunks or the file end.
@Suite struct XMLPlainElementTests {
    static let chunks = [1, 5, 8, 13, 1 << 20]
    /// Bytes the word-at-a-time scans stop at (or must not), one at a time.
    static let specials: [[UInt8]] = ["<", "&", "\"", "'", ">", "/", "=", " ", "\t", "\n", "\r", "]]>", "&amp;", "&#10;", "é", "😀"]
        .map { Array($0.utf8) } + [[0x01], [0x00], [0x7F], [0xC3], [0xFF]]

    static func document(key: [UInt8], text: [UInt8]) -> [UInt8] {
        Array("<r>\n  <e>\n    <data key=\"".utf8) + key + Array("\">".utf8) + text
            + Array("</data>\n    <data key=\"k2\">v</data>\n  </e>\n</r>\n".utf8)
    }

    static func expectAlike(_ doc: [UInt8], _ what: String) {
        let general = describePlainTokens(Data(doc), chunk: 1 << 20, plain: false)
        for chunk in chunks {
            #expect(describePlainTokens(Data(doc), chunk: chunk, plain: true) == general, "\(what) chunk \(chunk)")
        }
    }

    @Test func aSpecialByteAnywhereInTheKeyOrTheText() {
        let base = Array("abcdefghijklmnopqrstuvwx".utf8)
        for s in Self.specials {
            for at in 0...base.count {
                let with = Array(base.prefix(at)) + s + Array(base.dropFirst(at))
                Self.expectAlike(Self.document(key: with, text: base), "key \(with)")
                Self.expectAlike(Self.document(key: Array(base.prefix(at)), text: with), "text \(with)")
            }
        }
    }

    @Test func aFileEndingAnywhere() {
        let doc = Self.document(key: Array("d3".utf8), text: Array("member-of &amp; more text\r\n".utf8))
        for n in 0..<doc.count {
            Self.expectAlike(Array(doc.prefix(n)), "first \(n) bytes")
        }
    }

    @Test func tagsWrittenOtherwiseTakeTheGeneralPath() {
        for tag in ["<data key='d'>v</data>", "<data  key=\"d\">v</data>", "<data key = \"d\">v</data>", "<data key=\"d\" >v</data>",
                    "<data key=\"d\"/>", "<data key=\"d\" id=\"x\">v</data>", "<data key=\"d\">v</data >", "<data key=\"d\">v</datax>",
                    "<data key=\"d\">v</dat>", "<data key=\"d\">v<!-- c --></data>", "<data key=\"d\"><![CDATA[v]]></data>",
                    "<data key=\"d\">v<b/></data>", "<datakey=\"d\">v</datakey=\"d\">", "<data keyx=\"d\">v</data>",
                    "<data key=\"d\"></data>", "<data key=\"\">v</data>", "<data key=\"d\">   </data>", "<data key=\"d\">v</data><data key=\"d\">w</data>"] {
            Self.expectAlike(Array("<r><e>\(tag)</e></r>".utf8), tag)
            Self.expectAlike(Array("<r><e/>\(tag)</r>".utf8), "after an empty element: " + tag)
        }
    }

    @Test func blankAndEmptyValuesAreRead() throws {
        let e = XMLTokenizer.PlainElement("data", attribute: "key")
        for (xml, value) in [("<r><e>\n <data key=\"k\">  </data>                 </e></r>", "  "),
                             ("<r><e>\n <data key=\"k\"></data>                 </e></r>", ""),
                             ("<r><e>\n <data key=\"k\">A &amp; B\r\n</data>                 </e></r>", "A & B\n")] {
            var t = try XMLTokenizer(source: .bytes(Data(xml.utf8)), file: "t.xml")
            t.skipsBlankText = true
            #expect(try t.next() == .startElement)
            #expect(try t.next() == .startElement)
            let read = t.readPlainElement(e)
            #expect(read.map { t.string($0) } == "k")
            #expect(t.textString() == value)
            #expect(t.depth == 2)
            #expect(try t.next() == .endElement)
        }
    }

    @Test func edgesReadAlikeWithSpecialBytesInTheirData() {
        let base = Array("abcdefghijklmnop".utf8)
        for s in Self.specials {
            for at in stride(from: 0, through: base.count, by: 3) {
                let with = Array(base.prefix(at)) + s + Array(base.dropFirst(at))
                for (key, text) in [(with, base), (Array("c".utf8), with)] {
                    let doc = Array("""
                        <graphml><key id="c" for="edge" attr.name="color" attr.type="string"/><graph><node id="a"/>
                          <edge source="a" target="a">
                            <data key="
                        """.utf8) + key + Array("\">".utf8) + text + Array("</data>\n  </edge>\n</graph></graphml>\n".utf8)
                    let general = GraphMLRead(Data(doc), fastPaths: false)
                    #expect(GraphMLRead(Data(doc)) == general, "\(with)")
                    #expect(GraphMLRead(Data(doc), chunk: 7) == general, "\(with) chunk 7")
                }
            }
        }
    }

    /// The open element's end tag after a plain element is taken by `readPlainElement` when plainly
    /// written (`</e>`), and by `next()` otherwise: the same tokens, locations and errors.
    @Test func endTagsAfterAPlainElement() {
        // Room after the end tag, so that the fast path has its sixteen bytes.
        let room = "\n<!-- " + String(repeating: "-", count: 20) + " -->\n"
        for end in ["</e>", "</e >", "</e\n>", "</ex>", "</r>", "</é>", "</e/>", "</ e>", "<e/>", "</e><!-- c -->"] {
            Self.expectAlike(Array("<r>\n  <e>\n    <data key=\"d\">v</data>\n  \(end)\n</r>\(room)".utf8), end)
            Self.expectAlike(Array("<r><e><data key=\"d\">v</data>\(end)</r>\(room)".utf8), "tight: " + end)
        }
    }

    @Test func edgeEndTagsWrittenOtherwise() {
        for end in ["</edge>", "</edge >", "</edge\n>", "</edgex>", "</graph>", "</edge></edge>", ""] {
            let doc = Array("""
                <graphml><key id="c" for="edge" attr.name="color" attr.type="string"/><graph><node id="a"/>
                  <edge source="a" target="a"><data key="c">red</data>\(end)
                  <edge source="a" target="a" id="x">
                    <data key="c">blue</data>
                  \(end)
                </graph></graphml>
                <!-- room for the sixteen-byte reads -->

                """.utf8)
            let general = GraphMLRead(Data(doc), fastPaths: false)
            #expect(GraphMLRead(Data(doc)) == general, "\(end)")
            #expect(GraphMLRead(Data(doc), chunk: 7) == general, "\(end) chunk 7")
        }
    }
}
