import Foundation

/// Reads one file's bytes (the file's name is for diagnostics) into a fragment, appending problems.
public typealias FragmentReader = @Sendable (_ data: Data, _ file: String, _ diagnostics: inout [Diagnostic]) -> GraphFragment

extension GraphLoader {
    /// Readers for formats other than the native YAML, by lowercased file extension.
    public static let readers: [String: FragmentReader] = [:]
}
