import Foundation

/// Reads GraphML (http://graphml.graphdrawing.org/) into a `GraphFragment`, streaming: the file is
/// read in chunks by `XMLTokenizer`, which refuses DTDs, external and custom entities, invalid
/// UTF-8 and deep nesting with a `file:line:column` error.
///
/// Nodes become entities and edges relations, with the field mapping of `InteropField`; every other
/// `<data>` value (of a declared key or not) is kept as an attribute, typed by the key's
/// `attr.type` and `<default>`. kgraph's own export marks its keys (`<desc>`), so it reads back
/// exactly. Conventions where readers differ:
/// - a `<graph>` inside a `<node>` (yEd groups) is flattened into the graph, its nodes getting a
///   `parent` attribute, as NetworkX does;
/// - `<key>`s declared inside `<graph>` are honoured (NetworkX refuses them, igraph ignores them);
/// - edges to undeclared nodes create those nodes (as NetworkX and igraph do), with one warning;
/// - an edge id reused between different node pairs (NetworkX writes multigraph keys as ids) is
///   made unique as `SOURCE-TARGET-ID`, with one warning; reused between the same two nodes it is
///   an error, as is a repeated node id;
/// - edges without an id get `e0`, `e1`... (their position among the file's edges).
///
/// Not supported: hyperedges and ports (skipped, with a warning); any `<graph>` after the first
/// top-level one (skipped, as igraph does); a `<graph>` directly inside a `<graph>` (skipped, as
/// NetworkX and igraph do); graph-level data other than a title, description, documents and
/// vocabulary (reported, not kept); yFiles graphics other than node labels; the direction of
/// individual edges (`directed`, `edgedefault`): every relation runs from `source` to `target`;
/// the `parse.*` hints; `attr.type`s outside GraphML's six (an error).
public enum GraphMLReader {
    /// Reads a GraphML file or bytes. Problems are appended to `diagnostics`; a file that is not
    /// well-formed XML yields an empty fragment and one located error. A big file's second half
    /// is read on another thread when a second core is free (GraphMLReader+TwoThreads.swift), with
    /// the same result.
    public static func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        readReportingSplit(source, file: file, diagnostics: &diagnostics, split: .automatic).fragment
    }

    /// `read` with the tokenizer's chunk size and fast paths chosen, for tests: both paths, and a
    /// chunk ending anywhere, must give the same fragment and diagnostics.
    static func read(_ source: ByteSource, file: String, chunkSize: Int, fastPaths: Bool,
                     diagnostics: inout [Diagnostic]) -> GraphFragment {
        readReportingSplit(source, file: file, diagnostics: &diagnostics, split: .never, chunkSize: chunkSize,
                           fastPaths: fastPaths).fragment
    }

    /// `read`, and the file offset where a second half read on another thread was merged, if one was.
    static func readReportingSplit(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic],
                                   split: Split, chunkSize: Int = 1 << 20,
                                   fastPaths: Bool = true) -> (fragment: GraphFragment, mergedAt: Int?) {
        var tokenizer: XMLTokenizer
        do { tokenizer = try XMLTokenizer(source: source, file: file, chunkSize: chunkSize) } catch {
            diagnostics.append(Diagnostic(.error, error.message, at: error.location))
            return (GraphFragment(file: file, strictVocabulary: false), nil)
        }
        tokenizer.fastPaths = fastPaths
        var parser = GraphMLParser(tokenizer, file: file)
        parser.source = source
        parser.split = SplitHook(split)
        do {
            try parser.document()
        } catch {
            parser.endSplit()
            diagnostics.append(Diagnostic(.error, error.message, at: error.location))
            return (GraphFragment(file: file, strictVocabulary: false), nil)
        }
        parser.endSplit()
        parser.finish()
        diagnostics += parser.diagnostics
        return (parser.fragment, parser.split.mergedAt)
    }
}
