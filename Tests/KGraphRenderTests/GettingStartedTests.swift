import Foundation
import KGraph
import KGraphRender
import Testing

/// The getting-started article of the API documentation (Sources/KGraph/KGraph.docc/GettingStarted.md),
/// step by step: the code it shows must compile and do what it says.
@Suite struct GettingStartedTests {
    @Test func loadFindAPathAndDrawIt() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try GraphLoader.load(paths: [root.appendingPathComponent("Graphs").path])
        let graph = result.graph
        #expect(!result.diagnostics.contains { $0.severity == .error })

        let names = NameIndex(graph)
        let from = try names.endpoint("IRGC", in: graph)
        let to = try names.endpoint("US base", in: graph)
        let answer = try graph.findPaths(from: from, to: to, count: 3)
        #expect(!answer.paths.isEmpty)
        #expect(QueryText.paths(answer, in: graph).contains("Islamic Revolutionary Guard Corps"))
        for hop in try #require(answer.paths.first).hops {
            let relation = graph.relation(at: hop.relation)
            #expect(!relation.strengthText.isEmpty && !relation.sources.isEmpty)
        }

        var request = RenderRequest(selection: Selection(), kind: .svg)
        request.paths = answer
        request.onlyPath = true
        let plan = try RenderPlan(request, of: graph)
        let svg = try GraphvizRenderer.shared.render(dot: plan.dot, engine: plan.engine.rawValue, format: "svg")
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<svg") && text.contains("Islamic Revolutionary Guard Corps"))
    }

    /// The article's code blocks are the ones this test runs (compared line by line, ignoring the
    /// test's own assertions), so the article cannot drift from the API.
    @Test func theArticleShowsTheseSteps() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let article = try String(contentsOf: root.appendingPathComponent("Sources/KGraph/KGraph.docc/GettingStarted.md"), encoding: .utf8)
        for line in [
            "let result = try GraphLoader.load(paths: [\"Graphs\"])",
            "let from = try names.endpoint(\"IRGC\", in: graph)",
            "let answer = try graph.findPaths(from: from, to: to, count: 3)",
            "var request = RenderRequest(selection: Selection(), kind: .svg)",
            "let plan = try RenderPlan(request, of: graph)",
            "let svg = try GraphvizRenderer.shared.render(dot: plan.dot, engine: plan.engine.rawValue, format: \"svg\")",
        ] {
            #expect(article.contains(line), "\(line)")
        }
    }
}
