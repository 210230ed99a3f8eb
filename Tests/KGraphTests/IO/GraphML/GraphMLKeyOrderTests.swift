import Foundation
import Testing
@testable import KGraph

/// `keyIndex` guesses the key a `<data>` names from the order the file used last; a wrong guess
/// must never give a value to the wrong key.
@Suite struct GraphMLKeyOrderTests {
    /// Keys declared last first (as NetworkX writes them), then used by the edges in other
    /// orders, some left out, one id shared by a node key and an edge key: every value is where
    /// the key that named it says.
    @Test func valuesGoToTheKeyTheyNameInAnyOrder() throws {
        let orders = [["r", "d", "s"], ["r", "d", "s"], ["s", "r"], ["d", "s", "r"], ["r"], ["s", "d", "r"], ["d", "r"]]
        var edges = ""
        for (i, order) in orders.enumerated() {
            edges += "<edge source=\"a\" target=\"b\" id=\"e\(i)\">"
            for k in order {
                switch k {
                case "r": edges += "<data key=\"x\">\(i % 2 == 0 ? "backs" : "attacked")</data>"
                case "d": edges += "<data key=\"d1\">20\(10 + i)</data>"
                default: edges += "<data key=\"d0\">[{\"document\": \"doc-\(i)\", \"quote\": \"q \(i)\"}]</data>"
                }
            }
            edges += "</edge>\n"
        }
        let (g, _, errors) = graphML("""
            <?xml version="1.0"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="edge" attr.name="sources" attr.type="string"/>
              <key id="d1" for="edge" attr.name="date" attr.type="string"/>
              <key id="x" for="node" attr.name="label" attr.type="string"/>
              <key id="x" for="edge" attr.name="relation" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="a"><data key="x">Alpha</data></node><node id="b"><data key="x">Beta</data></node>
                \(edges)
              </graph>
            </graphml>
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(g.entities.map(\.name) == ["Alpha", "Beta"])
        let relations = g.relations.sorted { $0.id.count == $1.id.count ? $0.id < $1.id : $0.id.count < $1.id.count }
        #expect(relations.count == orders.count)
        for (i, r) in relations.enumerated() {
            #expect(r.id == "e\(i)")
            #expect(r.type == (i % 2 == 0 ? "backs" : "attacked"))
            #expect((r.time?.start?.year).map { $0 - 2010 } == (orders[i].contains("d") ? i : nil), "\(r.id)")
            #expect(r.sources.map(\.document) == (orders[i].contains("s") ? ["doc-\(i)"] : []), "\(r.id)")
        }
    }

    /// Many keys (more than the cache of the keys found lately has slots), with ids of 1 to 20
    /// bytes, some sharing their first and last eight bytes, one redeclared for nodes after the
    /// nodes that used it, and undeclared ones: each value goes where the key that named it says,
    /// with the cache and without.
    @Test func manyKeysOfEveryLengthGoWhereTheyName() {
        let ids = (1...20).map { String(repeating: "k", count: $0) } + (0..<60).map { "key-\($0 * 7919 % 1000)" }
            + ["abcdefgh", "abcdefghabcdefgh", "abcdefgh-abcdefgh", "abcdefghXabcdefgh"]
        var xml = "<graphml><key id=\"late\" for=\"all\" attr.name=\"before\"/>"
        for (i, id) in ids.enumerated() { xml += "<key id=\"\(id)\" for=\"\(i % 3 == 0 ? "all" : "edge")\" attr.name=\"a\(i)\"/>" }
        xml += "<graph><node id=\"n\"><data key=\"late\">1</data><data key=\"k\">n</data></node>\n"
        for e in 0..<50 {
            xml += "<edge source=\"n\" target=\"n\">\n"
            for j in 0..<5 { let id = ids[(e * 13 + j * 29) % ids.count]; xml += "  <data key=\"\(id)\">v\(e)-\(id)</data>\n" }
            xml += "  <data key=\"undeclared\(e % 3)\">u</data>\n  <data key=\"late\">\(e)</data>\n</edge>\n"
            if e == 20 { xml += "<key id=\"late\" for=\"edge\" attr.name=\"after\"/>" }
        }
        xml += "</graph></graphml>"
        let read = GraphMLRead(Data(xml.utf8))
        #expect(read == GraphMLRead(Data(xml.utf8), fastPaths: false))
        #expect(read.relations.count == 50)
        for (e, r) in read.relations.enumerated() {
            var expected: [String: AttributeValue] = ["undeclared\(e % 3)": .string("u"), e > 20 ? "after" : "before": .string("\(e)")]
            for j in 0..<5 {
                let i = (e * 13 + j * 29) % ids.count
                expected["a\(i)"] = .string("v\(e)-\(ids[i])")
            }
            #expect(r.attributes == expected, "edge \(e)")
        }
    }
}
