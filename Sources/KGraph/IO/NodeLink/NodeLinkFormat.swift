/// NetworkX node-link JSON: `NodeLinkReader` and `NodeLinkWriter`. A `.json` file that holds
/// Cytoscape.js elements is read as such.
public struct NodeLinkFormat: GraphFormat {
    public init() {}
    public var name: String { "json" }
    public var tools: String { "NetworkX" }
    public var summary: String { "NetworkX node-link JSON (networkx.node_link_graph builds a MultiDiGraph)" }
    public var details: String {
        "node-link JSON: `networkx.node_link_graph(json.load(f))` builds a `MultiDiGraph` whose edge keys are the "
            + "relation ids; `sources` are nested `{\"document\", \"quote\", \"speaker\"}` objects. The edges are under "
            + "`edges`, NetworkX 3.6's default: NetworkX 3.3 to 3.5 read them with `node_link_graph(data, link=\"edges\")`"
    }
    public var extensions: [String] { ["json"] }
    public var carries: GraphParts { .everything }

    public func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        JSONGraphReader.read(source, file: file, diagnostics: &diagnostics)
    }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = NodeLinkWriter.json(g)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }
}
