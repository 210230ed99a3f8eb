/// Output formats kgraph writes.
public enum OutputKind: String, CaseIterable, Sendable {
    case svg, png, pdf, dot
    /// The HTML explorer: one offline page with the SVG, the graph as JSON and code to search, filter and read evidence.
    case html

    /// The format for `--format` (when given) or the output file's extension, else svg.
    /// - Throws: `FormatError` for an unknown format or an extension that names none.
    public static func resolve(format: String?, output: String?) throws(FormatError) -> OutputKind {
        if let format {
            guard let k = OutputKind(rawValue: format.lowercased()) else { throw .unknownFormat(format) }
            return k
        }
        guard let output, output != "-" else { return .svg }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .svg }
        let ext = name[name.index(after: dot)...].lowercased()
        if ext == "gv" { return .dot }
        if ext == "htm" { return .html }
        guard let k = OutputKind(rawValue: ext) else { throw .unknownExtension(ext) }
        return k
    }
}

/// Why an output format could not be chosen.
public enum FormatError: Error, Equatable, CustomStringConvertible {
    case unknownFormat(String)
    case unknownExtension(String)

    public var description: String {
        let known = OutputKind.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .unknownFormat(let f): return "unknown format '\(f)'; use \(known)"
        case .unknownExtension(let e): return "cannot tell the format from the extension '.\(e)'; use --format (\(known))"
        }
    }
}
