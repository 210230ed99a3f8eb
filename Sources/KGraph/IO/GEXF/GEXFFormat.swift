/// GEXF 1.3: `GEXFReader` and `GEXFWriter`.
public struct GEXFFormat: GraphFormat {
    public init() {}
    public var name: String { "gexf" }
    public var tools: String { "Gephi" }
    public var summary: String { "GEXF 1.3 for Gephi, dynamic: relation dates as start/end" }
    public var details: String {
        "GEXF 1.3, valid against the 1.3 schema, dynamic mode: a dated relation's edge has `start`/`end` (the first and "
            + "last day its date may stand for); parallel edges keep apart by `kind` (the type; `TYPE#2`, `TYPE#3`... for "
            + "repeats between the same two entities); lost: the document list, the graph's own vocabulary and its "
            + "title (written into `<meta><description>`, not read back)"
    }
    public var extensions: [String] { ["gexf"] }
    /// GEXF has no graph-level attributes: no document list, vocabulary or title.
    public var carries: GraphParts { [.entities, .relations, .citations, .typedAttributes] }

    public func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        GEXFReader.read(source, file: file, diagnostics: &diagnostics)
    }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = GEXFWriter.gexf(g)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }
}
