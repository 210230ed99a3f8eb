import Foundation
import Testing
@testable import KGraph

/// `node()` reads `<data key="...">value</data>` in one tokenizer call and keeps its list of values
/// between nodes. Read with and without the fast paths, nodes must come out alike: the same
/// entities, and a value that does not fit its key's type reported at its own `<data>`; a node
/// inside another's graph must neither lose the outer node's values nor leave it its own.
@Suite struct GraphMLNodeValuesTests {
    static let doc = """
        <graphml><key id="l" for="node" attr.name="label" attr.type="string"/>
        <key id="k" for="node" attr.name="kind" attr.type="string"/>
        <key id="n" for="node" attr.name="rank" attr.type="long"/>
        <key id="f" for="node" attr.name="flag" attr.type="boolean"><default>false</default></key>
        <key id="m" for="node" attr.name="size" attr.type="int"/><key id="x" for="node" attr.name="weight" attr.type="double"/>
        <graph>
          <node id="a"><data key="l">Alpha</data><data key="n">twelve</data>
            <data key="f">TRUE</data></node>
          <node id="b">
            <data key="n">7</data>
            <graph><node id="b1"><data key="l">Inner</data><data key="m">x1</data><data key="k">unit</data></node></graph>
            <data key="l">Beta</data>
              <data key='x'>nine</data>
          </node>
          <node id="c"><data key="k">state</data><data  key="l">Gamma</data><data key="f">maybe</data></node>
        </graph></graphml>
        """

    @Test func nodesReadAlikeWithAndWithoutTheFastPath() {
        let data = Data(Self.doc.utf8)
        let general = GraphMLRead(data, fastPaths: false)
        for chunk in [1, 7, 64, 1 << 20] {
            #expect(GraphMLRead(data, chunk: chunk) == general, "chunk \(chunk)")
        }
        let read = GraphMLRead(data)
        let byID = Dictionary(uniqueKeysWithValues: read.entities.map { ($0.id, $0) })
        #expect(byID["a"]?.name == "Alpha" && byID["a"]?.attributes["rank"] == .string("twelve") && byID["a"]?.attributes["flag"] == .bool(true))
        // The outer node keeps what it held before and after its graph, nothing of the inner one's.
        #expect(byID["b"]?.name == "Beta" && byID["b"]?.kind != "unit" && byID["b"]?.attributes["flag"] == .bool(false)
                && byID["b"]?.attributes["rank"] == .int(7) && byID["b"]?.attributes["weight"] == .string("nine") && byID["b"]?.attributes["size"] == nil)
        #expect(byID["b1"]?.name == "Inner" && byID["b1"]?.kind == "unit" && byID["b1"]?.attributes["size"] == .string("x1"))
        #expect(byID["c"]?.name == "Gamma" && byID["c"]?.kind == "state" && byID["c"]?.attributes["flag"] == .string("maybe"))
        // Each value that is not of its type (a key each, so that none is folded into another's
        // report) is reported where its <data> starts.
        let notes = read.diagnostics.filter { $0.contains("is not of its attr.type") }
        #expect(notes.count == 4, "\(read.diagnostics)")
        for place in ["7:42:", "11:52:", "13:7:", "15:69:"] {
            #expect(notes.contains { $0.contains(place) }, "\(place) in \(notes)")
        }
    }
}
