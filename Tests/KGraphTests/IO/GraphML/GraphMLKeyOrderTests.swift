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
}
