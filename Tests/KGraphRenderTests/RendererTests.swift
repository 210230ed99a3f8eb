import Foundation
import Testing
import KGraph
@testable import KGraphRender

@Suite(.serialized) struct RendererTests {
    let renderer = GraphvizRenderer.shared

    @Test func rendersSVG() throws {
        let data = try renderer.render(dot: #"digraph { a [label="Kata'ib <x> & \"y\""]; a -> b }"#, engine: "dot", format: "svg")
        let svg = String(decoding: data, as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Kata&#39;ib &lt;x&gt; &amp; &quot;y&quot;"))
    }

    @Test(arguments: [("png", [0x89, 0x50, 0x4E, 0x47]), ("pdf", [0x25, 0x50, 0x44, 0x46])])
    func binaryFormatsHaveTheirMagic(format: String, magic: [UInt8]) throws {
        let data = try renderer.render(dot: "digraph { a -> b }", engine: "dot", format: format)
        #expect(Array(data.prefix(4)) == magic)
    }

    @Test func errorsComeBackAsSwiftErrors() throws {
        #expect { try renderer.render(dot: "digraph { a -> ", format: "svg") } throws: { e in
            guard case .syntax(let m) = e as? RenderError else { return false }
            return m.contains("syntax error")
        }
        #expect { try renderer.render(dot: "digraph { a }", engine: "nosuchengine") } throws: { e in
            if case .layout(engine: "nosuchengine", _) = e as? RenderError { return true }
            return false
        }
        #expect { try renderer.render(dot: "digraph { a }", format: "nosuchformat") } throws: { e in
            if case .render(format: "nosuchformat", _) = e as? RenderError { return true }
            return false
        }
        // A failure leaves the renderer usable.
        #expect(try renderer.render(dot: "digraph { ok }").count > 100)
    }

    @Test func listsEnginesAndFormats() {
        #expect(Set(["dot", "neato", "sfdp"]).isSubset(of: Set(renderer.engines)))
        #expect(Set(["svg", "png", "pdf"]).isSubset(of: Set(renderer.formats)))
    }
}
