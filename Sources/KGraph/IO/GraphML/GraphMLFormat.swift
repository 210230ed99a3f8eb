/// GraphML: `GraphMLReader` and `GraphMLWriter`.
public struct GraphMLFormat: GraphFormat {
    public init() {}
    public var name: String { "graphml" }
    public var tools: String { "Gephi, yEd, Cytoscape, NetworkX, igraph" }
    public var summary: String { "GraphML for Gephi, yEd, Cytoscape, NetworkX, igraph (--yed adds yEd's labels and colours)" }
    public var details: String {
        "GraphML 1.0, valid against `graphml.xsd`: all keys before the graph, node keys `n_*` and edge keys `e_*`; "
            + "nodes carry `label` (the name), `kind`, `aliases`, `country`, `description`, `ids`, `provenance`, `note`; "
            + "every edge a unique id and `label` (the type's reading), `relation` (the type id), `date`, `date_precision`, "
            + "`confidence`, `assertion`, `sources`, `provenance`, `note`; each free attribute its own typed key; lists and "
            + "maps as JSON text; the graph its `title`, `description`, `documents` and own `vocabulary` (JSON). `--yed` adds "
            + "yFiles labels, kind colours and shapes for yEd (yEd's `yfiles.type` attribute is outside the plain schema)"
    }
    public var extensions: [String] { ["graphml"] }
    public var carries: GraphParts { .everything }
    public var takesYEd: Bool { true }

    public func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        GraphMLReader.read(source, file: file, diagnostics: &diagnostics)
    }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        .document { GraphMLWriter.write(g, yed: options.yed, to: $0) }
    }
}
