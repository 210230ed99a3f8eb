import Foundation
import Testing
import KGraph
@testable import KGraphRender

/// The explorer page as text: what goes into it and how (the browser test drives it, Tests/Browser).
@Suite(.serialized) struct ExplorerPageTests {
    func page(_ g: Graph, title: String? = nil) throws -> (RenderPlan, String) {
        var request = RenderRequest(selection: Selection(), kind: .html)
        request.title = title
        let plan = try RenderPlan(request, of: g)
        let svg = try GraphvizRenderer.shared.render(dot: plan.dot, engine: plan.engine.rawValue)
        return (plan, try ExplorerPage.html(plan: plan, svg: svg))
    }

    @Test func hostileDataNeverBecomesMarkup() throws {
        let (_, html) = try page(try Hostile.graph(), title: Hostile.script + " {{JS}}")
        // The page's own two scripts and nothing else; the data block holds no '<' at all.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        let data = try #require(html.range(of: "<script type=\"application/json\" id=\"kg-data\">"))
        let end = try #require(html[data.upperBound...].range(of: "</script>"))
        let json = html[data.upperBound..<end.lowerBound]
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        // The JSON is the graph: names come back exactly.
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let names = (decoded?["entities"] as? [[String: Any]])?.compactMap { ($0["e"] as? [String: Any])?["name"] as? String }
        #expect(names == [Hostile.name, Hostile.script, Hostile.entityRef, "Plain"])
        // A placeholder inside the data is not filled: the script appears once.
        let js = try ExplorerPage.resource("explorer", "js")
        #expect(html.components(separatedBy: js).count - 1 == 1)
        #expect(html.contains("<title>" + ExplorerPage.htmlText(Hostile.script + " {{JS}}") + "</title>"))
        #expect(!html.contains("{{CSS}}") && !html.contains("{{SVG}}"))
    }

    @Test func theDrawingCarriesIDsAndNoCommentsTitlesOrTooltips() throws {
        let g = try Hostile.graph()
        let (plan, html) = try page(g)
        for i in 0..<g.entityCount { #expect(html.contains("id=\"kg&#45;n\(i)\"")) }
        for k in 0..<plan.edges.count { #expect(html.contains("id=\"kg&#45;e\(k)\"")) }
        #expect(!html.contains("<!--") || html.components(separatedBy: "<!--").count == html.components(separatedBy: "<!-- Offline").count)
        #expect(!html.contains("xlink:title") && !html.contains("xlink:href"))
    }

    @Test func svgThatCouldChangeThePageIsRefused() throws {
        #expect(try ExplorerPage.inlineSVG("<?xml?>\n<svg><!-- a --><title>t</title><g/></svg>") == "<svg><g/></svg>")
        // Line breaks between elements go; spaces inside a text, or between tags on one line, stay.
        #expect(try ExplorerPage.inlineSVG("<svg>\n\n<g>\n <text> a  b </text> <text>\n</text>\n</g>\n</svg>\n")
            == "<svg><g><text> a  b </text> <text></text></g></svg>\n")
        // The drawing's font is the page's; another font stays on its text.
        #expect(try ExplorerPage.inlineSVG("<svg><text font-family=\"Helvetica,sans-Serif\" x=\"1\">a</text><text font-family=\"Times\">b</text></svg>")
            == "<svg><text x=\"1\">a</text><text font-family=\"Times\">b</text></svg>")
        for bad in ["<svg><script>x</script></svg>", "<svg><![CDATA[x]]></svg>", "<svg><!-- open", "<svg><style>x</style></svg>"] {
            #expect(throws: ExplorerPageError.self) { try ExplorerPage.inlineSVG(bad) }
        }
    }

    @Test func fillReadsPlaceholdersOnlyFromTheTemplate() throws {
        #expect(try ExplorerPage.fill("a{{X}}b{{Y}}c", ["X": "{{Y}}", "Y": "1"]) == "a{{Y}}b1c")
        #expect(throws: ExplorerPageError.self) { try ExplorerPage.fill("{{Z}}", [:]) }
    }

    @Test func htmlIsAFormatAndAnExtension() throws {
        #expect(try OutputKind.resolve(format: "html", output: nil) == .html)
        #expect(try OutputKind.resolve(format: nil, output: "out/graph.html") == .html)
        #expect(try OutputKind.resolve(format: nil, output: "out/graph.htm") == .html)
    }

    @Test func pastTheSizeLimitThePagePlansNoDrawing() throws {
        var g = Graph()
        for i in 0...LayoutEngine.drawLimit.entities { _ = try g.add(Entity(id: "e\(i)", name: "E \(i)", kind: "person")) }
        let plan = try RenderPlan(RenderRequest(selection: Selection(), kind: .html), of: g)
        #expect(plan.refusal != nil && plan.dot.isEmpty)
        let html = try ExplorerPage.html(plan: plan, svg: nil)
        #expect(html.contains("\"refusal\":\"") && !html.contains("<svg"))
        // Other formats still refuse outright.
        #expect(throws: RenderPlanError.self) { try RenderPlan(RenderRequest(selection: Selection(), kind: .svg), of: g) }
    }
}
