import Foundation

/// A file format kgraph reads, writes, or both: one type per format, registered once in
/// `GraphFormats.all`. `kgraph export` and `kgraph import`, `--graph` file detection, their help
/// and the README's format table all come from the registry.
public protocol GraphFormat: Sendable {
    /// The name `kgraph export` takes (`graphml`).
    var name: String { get }
    /// The tools it is for (`Gephi, yEd`).
    var tools: String { get }
    /// One line for `kgraph export --help`.
    var summary: String { get }
    /// What the written file holds, for the README's format table.
    var details: String { get }
    /// Lowercased file extensions `--graph` and `kgraph import` read with `read` (none: write-only).
    var extensions: [String] { get }
    /// The parts of a graph that come back when a file it writes is read again (for write-only
    /// formats: the parts it writes in full). The round-trip test holds every format to this.
    var carries: GraphParts { get }
    /// True when `kgraph export` offers it.
    var writes: Bool { get }
    /// True when `--yed` applies.
    var takesYEd: Bool { get }
    /// True when `--dialect` applies.
    var takesDialect: Bool { get }

    /// Reads one file or buffer into a fragment, appending problems to `diagnostics`.
    func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment
    /// The export of `g`.
    func export(_ g: Graph, options: ExportOptions) throws(ExportError) -> Export
}

extension GraphFormat {
    public var extensions: [String] { [] }
    public var writes: Bool { true }
    public var takesYEd: Bool { false }
    public var takesDialect: Bool { false }
    /// True when `--graph` and `kgraph import` read it.
    public var reads: Bool { !extensions.isEmpty }

    public func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        diagnostics.append(Diagnostic(.error, "kgraph writes \(name) but does not read it",
                                      at: FileLocation(file: file, line: 1, column: 1)))
        return GraphFragment(file: file, strictVocabulary: false)
    }

    public func export(_ g: Graph, options: ExportOptions) throws(ExportError) -> Export {
        throw ExportError("kgraph reads \(name) but does not write it")
    }
}

/// The parts of a graph a format carries.
public struct GraphParts: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Every field of every entity (`Entity`); free attributes by name and text.
    public static let entities = GraphParts(rawValue: 1)
    /// Every field of every relation (`Relation`) but its citations; free attributes by name and text.
    public static let relations = GraphParts(rawValue: 2)
    /// Every field of every citation (`Citation.fields`).
    public static let citations = GraphParts(rawValue: 4)
    /// The document list, every field of each (`Document.fields`).
    public static let documents = GraphParts(rawValue: 8)
    /// The kinds and relation types the graph adds to the built-in vocabulary.
    public static let vocabulary = GraphParts(rawValue: 16)
    /// The graph's title and description.
    public static let title = GraphParts(rawValue: 32)
    /// Every free attribute value with its type (lists, maps, and columns of mixed types too).
    public static let typedAttributes = GraphParts(rawValue: 64)

    public static let everything: GraphParts = [.entities, .relations, .citations, .documents, .vocabulary, .title,
                                                .typedAttributes]

    /// The parts by name, in order, for help and the README.
    public static let names: [(GraphParts, String)] = [(.entities, "entities"), (.relations, "relations"),
                                                      (.citations, "citations"), (.documents, "documents"),
                                                      (.vocabulary, "vocabulary"), (.title, "title"),
                                                      (.typedAttributes, "typed attributes")]

    /// The parts it does not carry, as `documents, vocabulary`, or `nothing`; a drawing keeps
    /// only its labels.
    public var lostText: String {
        if isEmpty { return "all but the labels drawn" }
        let n = Self.names.filter { !contains($0.0) }.map(\.1)
        return n.isEmpty ? "nothing" : n.joined(separator: ", ")
    }

    /// `entities, relations, ...`, or `a drawing` when it carries none in full.
    public var text: String {
        let n = Self.names.filter { contains($0.0) }.map(\.1)
        return n.isEmpty ? "a drawing" : n.joined(separator: ", ")
    }
}

/// What `kgraph export` asks of a writer besides the graph.
public struct ExportOptions: Sendable {
    /// GraphML: add yFiles markup for yEd.
    public var yed = false
    /// Cypher: the engine the script is for.
    public var cypherDialect = CypherDialect.neo4j
    /// DOT: the drawing's subtitle, focus and engine, worked out for the graph to write.
    public var dot: @Sendable (Graph) -> DOTOptions = { _ in DOTOptions() }

    public init(yed: Bool = false, cypherDialect: CypherDialect = .neo4j,
                dot: @escaping @Sendable (Graph) -> DOTOptions = { _ in DOTOptions() }) {
        self.yed = yed
        self.cypherDialect = cypherDialect
        self.dot = dot
    }
}

/// What an export produces.
public enum Export {
    /// One document, handed by `write` to its argument in pieces, so a big graph's export is never
    /// held whole in memory (`AtomicFile.write(to:streaming:)`).
    case document(write: (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void)
    /// Several files, to be written together into one folder (`AtomicFile.write(files:)`).
    case files([(name: String, data: Data)])

    /// The document's bytes whole, or each file's (for tests and small graphs).
    public var data: [Data] {
        switch self {
        case .document(let write):
            var d = Data()
            write { d.append(contentsOf: $0) }
            return [d]
        case .files(let files): return files.map(\.data)
        }
    }
}
