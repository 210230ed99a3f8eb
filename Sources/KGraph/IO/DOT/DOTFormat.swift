import Foundation

/// Graphviz DOT, as `kgraph render` lays it out: `DOTWriter` (written, not read).
public struct DOTFormat: GraphFormat {
    public init() {}
    public var name: String { "dot" }
    public var tools: String { "Graphviz" }
    public var summary: String { "the DOT text 'kgraph render' lays out" }
    public var details: String { "the DOT text `kgraph render` lays out" }
    /// Names, kinds, types, dates and citations as labels and tooltips: a drawing.
    public var carries: GraphParts { [] }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = Data(DOTWriter.dot(g, options: options.dot(g)).utf8)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }
}
