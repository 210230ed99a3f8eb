import Foundation

/// Reads one file (the file's name is for diagnostics) into a fragment, appending problems.
/// Readers of formats other than the native YAML produce fragments with `strictVocabulary == false`.
public typealias FragmentReader = @Sendable (_ source: ByteSource, _ file: String, _ diagnostics: inout [Diagnostic]) -> GraphFragment

extension GraphLoader {
    /// Readers for formats other than the native YAML, by lowercased file extension.
    public static let readers: [String: FragmentReader] = [
        "graphml": GraphMLReader.read,
        "gexf": GEXFReader.read,
        "json": JSONGraphReader.read,
        "cyjs": CytoscapeReader.read,
        "csv": Neo4jCSVReader.read,
    ]
}
