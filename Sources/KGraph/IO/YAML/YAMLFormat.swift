import Foundation

/// kgraph's own YAML (`Graphs/README.md`): `GraphFileParser` and `GraphYAMLWriter`.
public struct YAMLFormat: GraphFormat {
    public init() {}
    public var name: String { "yaml" }
    public var tools: String { "people (kgraph's own format)" }
    public var summary: String { "kgraph's own YAML, the format of Graphs/ (what 'kgraph import' writes)" }
    public var details: String {
        "the native format (`Graphs/README.md`): one field per line, a blank line between entries, long text wrapped; "
            + "`--graph` reads `.yaml` and `.yml`, and parses big files once (`FragmentCache`)"
    }
    public var extensions: [String] { ["yaml", "yml"] }
    public var carries: GraphParts { .everything }

    public func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        let start = FileLocation(file: file, line: 1, column: 1)
        let data: Data
        do { data = try source.readAll() } catch {
            diagnostics.append(Diagnostic(.error, "cannot read file: \(error)", at: start))
            return GraphFragment(file: file, strictVocabulary: true)
        }
        if let utf16 = InputFile.utf16Problem(data) {
            diagnostics.append(Diagnostic(.error, utf16, at: start))
            return GraphFragment(file: file, strictVocabulary: true)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(.error, "file is not valid UTF-8", at: start))
            return GraphFragment(file: file, strictVocabulary: true)
        }
        return GraphFileParser.parse(yaml: text, file: file, diagnostics: &diagnostics)
    }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = Data(GraphYAMLWriter.yaml(g, kinds: ownKinds(g), types: ownTypes(g)).utf8)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }

    /// The kinds and types `g` defines beyond (or differently from) the built-in vocabulary.
    private func ownKinds(_ g: Graph) -> [EntityKind] { g.vocabulary.kinds.filter { Vocabulary.standard.kind($0.id) != $0 } }
    private func ownTypes(_ g: Graph) -> [RelationType] { g.vocabulary.types.filter { Vocabulary.standard.type($0.id) != $0 } }
}
