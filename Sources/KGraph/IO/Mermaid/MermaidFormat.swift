import Foundation

/// A Mermaid flowchart: `MermaidWriter` (written, not read).
public struct MermaidFormat: GraphFormat {
    public init() {}
    public var name: String { "mermaid" }
    public var tools: String { "Markdown" }
    public var summary: String { "a Mermaid flowchart for Markdown" }
    public var details: String {
        "a flowchart with plain ids (`n12[\"label\"]`), labels escaped by Mermaid's rules (`#quot;`, `#35;`...), kinds as classes"
    }
    /// Names, kinds, types and dates as labels: a drawing.
    public var carries: GraphParts { [] }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = Data(MermaidWriter.mermaid(g).utf8)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }
}
