import Foundation
import Testing

/// Relations read from another tool's file without confidence or assertion read "unrated", end to end.
@Suite struct UnratedCommandTests {
    @Test func aForeignRelationReadsUnratedInTextAndJSON() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("foreign.graphml")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="t" for="edge" attr.name="relation" attr.type="string"/>
              <key id="c" for="edge" attr.name="confidence" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="a"/><node id="b"/>
                <edge id="e1" source="a" target="b"><data key="t">backs</data></edge>
                <edge id="e2" source="b" target="a"><data key="t">backs</data><data key="c">low</data></edge>
              </graph>
            </graphml>
            """.write(to: file, atomically: true, encoding: .utf8)
        let text = try kgraph(["relations", "--graph", file.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("a --backs--> b  unrated  ["), "\(text.stdout)")
        #expect(text.stdout.contains("b --backs--> a  low confidence, assertion unrated  ["), "\(text.stdout)")
        #expect(!text.stdout.contains("reported"))
        let json = try kgraph(["relations", "--format", "json", "--graph", file.path])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["confidence"] as? String } == [nil, "low"])
        #expect(rows.allSatisfy { $0["assertion"] == nil })
        let firm = try kgraph(["relations", "--min-confidence", "low", "--format", "json", "--graph", file.path])
        #expect((try JSONSerialization.jsonObject(with: Data(firm.stdout.utf8)) as? [[String: Any]])?.count == 1)
    }
}
