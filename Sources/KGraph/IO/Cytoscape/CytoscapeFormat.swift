/// Cytoscape.js elements JSON: `CytoscapeReader` and `CytoscapeWriter`.
public struct CytoscapeFormat: GraphFormat {
    public init() {}
    public var name: String { "cytoscape" }
    public var tools: String { "Cytoscape.js, Cytoscape" }
    public var summary: String { "Cytoscape.js elements JSON (.cyjs)" }
    public var details: String { "elements JSON (`.cyjs`): `name` is the entity name, `interaction` the relation type" }
    public var extensions: [String] { ["cyjs"] }
    public var carries: GraphParts { .everything }

    public func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        CytoscapeReader.read(source, file: file, diagnostics: &diagnostics)
    }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = CytoscapeWriter.json(g)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }
}
