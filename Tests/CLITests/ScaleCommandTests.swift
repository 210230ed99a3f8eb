import Foundation
import Testing

/// Big graphs: render refuses a whole-graph picture that would take many minutes, with advice.
@Suite struct ScaleCommandTests {
    @Test func wholeGraphRenderOfABigGraphStopsWithAdvice() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var yaml = "entities:\n"
        for i in 0..<5_001 { yaml += "  - {id: e\(i), name: Entity \(i), kind: state}\n" }
        let file = dir.appendingPathComponent("big.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let env: [String: String?] = ["KGRAPH_CACHE": "off"]

        let refused = try kgraph(["render", "--graph", file.path, "-o", dir.appendingPathComponent("g.svg").path],
                                 environment: env)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("5001 entities and 0 edges are too many to draw"))
        #expect(refused.stderr.contains("--focus NAME --depth 1"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("g.svg").path))

        // The DOT text needs no layout, and a part of the graph draws as usual.
        let dot = try kgraph(["render", "--graph", file.path, "--format", "dot"], environment: env)
        #expect(dot.status == 0 && dot.stdout.contains("e5000"))
        let part = try kgraph(["render", "--graph", file.path, "--kind", "state", "--focus", "e1", "--depth", "1"],
                              environment: env)
        #expect(part.status == 0 && part.stdout.contains("<svg"))
    }
}
