import Foundation
import KGraph

/// The HTML explorer (`kgraph render --format html`): one self-contained page that works offline
/// from disk. It holds the Graphviz drawing, the drawn graph as JSON (`ExplorerData`) and the
/// page's own HTML, CSS and JavaScript, kept as resources of this target (`Resources/explorer.*`).
///
/// Nothing from the graph is written as markup: the data goes in a JSON script block with `<`, `>`
/// and `&` escaped, the page builds its DOM with `textContent` only, and the SVG is Graphviz's,
/// whose texts Graphviz escapes (see `inlineSVG`).
///
///     let svg = try GraphvizRenderer.shared.render(dot: plan.dot, engine: plan.engine.rawValue, format: "svg")
///     let html = try ExplorerPage.html(plan: plan, svg: svg)
public enum ExplorerPage {
    /// The page for `plan`, with `svg` (Graphviz's SVG of `plan.dot`), or nil when the plan refused to draw.
    /// - Throws: `ExplorerPageError` when a resource is missing or the data cannot be encoded.
    public static func html(plan: RenderPlan, svg: Data?) throws -> String {
        let drawing = try svg.map { try inlineSVG(String(decoding: $0, as: UTF8.self)) } ?? ""
        let data = ExplorerData(plan: plan)
        let json: String
        do { json = String(decoding: try JSONEncoder().encode(data), as: UTF8.self) } catch {
            throw ExplorerPageError.encoding("\(error)")
        }
        let title = plan.caption.title.isEmpty ? "kgraph" : plan.caption.title
        return try fill(try resource("explorer", "html"), [
            "TITLE": htmlText(title), "CSS": try resource("explorer", "css"), "JS": try resource("explorer", "js"),
            "SVG": drawing, "DATA": scriptSafe(json),
        ])
    }

    /// `template` with each `{{NAME}}` replaced by `values[NAME]`, in one pass over the template
    /// only, so inserted text (a name that reads `{{JS}}`) is never taken for a placeholder.
    static func fill(_ template: String, _ values: [String: String]) throws -> String {
        var out = "", rest = template[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard let value = values[name] else { throw ExplorerPageError.missingResource("value for {{\(name)}}") }
            out += rest[..<open.lowerBound]
            out += value
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Graphviz's SVG made fit to stand inside the page's HTML (parsing it there is several times
    /// faster than parsing it as XML from a string): from its `<svg` element on, without comments,
    /// without the `<title>`s (a third of the elements; the page's panel names what is clicked) and
    /// without the line breaks between elements (each would be a text node for the browser to make
    /// and style: 40 % of the page's nodes at 5,000 entities), and without the font family that
    /// every text repeats (`Helvetica,sans-Serif`, the drawing's only font: the page's style gives
    /// it to the whole drawing once, which takes a tenth off the browser's styling).
    ///
    /// Graphviz escapes every text and attribute value, so in well-formed SVG a `<` starts only
    /// its own elements and comments. Comments go because HTML ends them differently from XML
    /// (`<!-->`); anything else that could change how HTML reads the text is refused.
    static func inlineSVG(_ svg: String) throws -> String {
        guard let start = svg.range(of: "<svg") else { throw ExplorerPageError.drawing("no <svg> element") }
        let out = betweenTagsJoined(try without("<title>", "</title>", try without("<!--", "-->", String(svg[start.lowerBound...]))))
            .replacingOccurrences(of: " font-family=\"\(drawingFont)\"", with: "")
        for bad in ["<script", "<![CDATA[", "<!", "<?", "<foreignObject", "<style"] where out.range(of: bad, options: .caseInsensitive) != nil {
            throw ExplorerPageError.drawing("it holds '\(bad)'")
        }
        return out
    }

    /// `text` without every stretch from `open` to the next `close`.
    static func without(_ open: String, _ close: String, _ text: String) throws -> String {
        var out = "", rest = text[...]
        out.reserveCapacity(text.utf8.count)
        while let o = rest.range(of: open) {
            guard let c = rest[o.upperBound...].range(of: close) else { throw ExplorerPageError.drawing("an unclosed \(open)") }
            out += rest[..<o.lowerBound]
            rest = rest[c.upperBound...]
        }
        return out + rest
    }

    /// The font family Graphviz writes for DOTWriter's `fontname="Helvetica"`; `explorer.css` sets it on the drawing.
    static let drawingFont = "Helvetica,sans-Serif"

    /// `text` without the whitespace between a `>` and the next `<` when it holds a line break:
    /// Graphviz puts each text on one line, so such whitespace is never part of a label.
    static func betweenTagsJoined(_ text: String) -> String {
        var out: [UInt8] = [], pending: [UInt8] = [], afterTag = false
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            if afterTag, b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\t") {
                pending.append(b)
                continue
            }
            if !pending.isEmpty {
                if !(b == UInt8(ascii: "<") && pending.contains(UInt8(ascii: "\n"))) { out += pending }
                pending.removeAll(keepingCapacity: true)
            }
            out.append(b)
            afterTag = b == UInt8(ascii: ">")
        }
        return String(decoding: out + pending, as: UTF8.self)
    }

    /// JSON that cannot end its `<script>` block or open a comment: `<`, `>`, `&` and the two
    /// JavaScript line separators as `\u` escapes (still the same JSON).
    static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count + 64)
        for u in json.unicodeScalars {
            switch u {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Text for an HTML element or attribute.
    static func htmlText(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A resource file of this target as text.
    static func resource(_ name: String, _ ext: String) throws -> String {
        guard let folder = resourceFolder,
              let text = try? String(contentsOf: folder.appendingPathComponent(name + "." + ext), encoding: .utf8) else {
            throw ExplorerPageError.missingResource("\(name).\(ext)")
        }
        return text
    }

    /// Where this target's `Resources/` folder was installed. On Linux, SwiftPM's `Bundle.module`
    /// stops the program when its bundle is not beside the executable or in the build folder, so
    /// the bundle is looked for here first: beside the executable (a build), then in
    /// `../share/kgraph/` (`make install`); elsewhere `Bundle.module` finds it.
    static let resourceFolder: URL? = {
        let bundle = "kgraph_KGraphRender.resources"
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for folder in [exe.appendingPathComponent(bundle), exe.appendingPathComponent("../share/kgraph/" + bundle)] {
                let resources = folder.appendingPathComponent("Resources")
                if FileManager.default.fileExists(atPath: resources.appendingPathComponent("explorer.js").path) { return resources }
            }
        }
        #if os(Linux)
        return nil
        #else
        return Bundle.module.url(forResource: "Resources", withExtension: nil)
        #endif
    }()
}

/// Why the explorer page could not be written.
public enum ExplorerPageError: Error, CustomStringConvertible {
    /// A file of the page's code is not installed beside the program.
    case missingResource(String)
    case encoding(String)
    /// Graphviz's SVG held something that must not go into a page.
    case drawing(String)

    public var description: String {
        switch self {
        case .missingResource(let f): return "the explorer page's \(f) is missing from kgraph's resources (reinstall kgraph)"
        case .encoding(let m): return "could not encode the graph for the page: \(m)"
        case .drawing(let m): return "Graphviz's drawing cannot go into the page: \(m)"
        }
    }
}
