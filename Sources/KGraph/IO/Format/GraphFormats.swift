/// Every format kgraph reads or writes, registered once. Adding a format is one file (a type
/// conforming to `GraphFormat`) and one line here.
public enum GraphFormats {
    /// In the order help and the README list them.
    public static let all: [any GraphFormat] = [
        GraphMLFormat(),
        GEXFFormat(),
        NodeLinkFormat(),
        CytoscapeFormat(),
        Neo4jCSVFormat(),
        CypherFormat(),
        STIXFormat(),
        FTMFormat(),
        TurtleFormat(),
        JSONLDFormat(),
        MermaidFormat(),
        DOTFormat(),
        YAMLFormat(),
    ]

    /// The formats `kgraph export` writes.
    public static var writable: [any GraphFormat] { all.filter(\.writes) }

    /// The format `kgraph export NAME` means.
    public static func named(_ name: String) -> (any GraphFormat)? { all.first { $0.name == name } }

    /// The format that reads files with extension `ext` (any case).
    public static func reading(extension ext: String) -> (any GraphFormat)? {
        let e = ext.lowercased()
        return all.first { $0.extensions.contains(e) }
    }

    /// Every extension read, sorted, as `.graphml, .gexf, ...`.
    public static var readableExtensions: String {
        all.flatMap(\.extensions).sorted().map { "." + $0 }.joined(separator: ", ")
    }

    /// The README's format table (Markdown), one row per format.
    public static var markdownTable: String {
        var out = "| format | for | reads | carries | loses | what is written |\n| --- | --- | --- | --- | --- | --- |\n"
        for f in all {
            let reads = f.extensions.isEmpty ? "-" : f.extensions.map { "`.\($0)`" }.joined(separator: ", ")
            out += "| `\(f.name)` | \(f.tools) | \(reads) | \(f.carries.text) | \(f.carries.lostText) | \(f.details) |\n"
        }
        return out
    }

    /// `kgraph export --help`'s list: one line per format written.
    public static var helpList: String {
        let width = (writable.map(\.name.count).max() ?? 0) + 2
        return writable.map { $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.summary }
            .joined(separator: "\n")
    }
}
