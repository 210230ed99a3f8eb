/// A format's parser over an XML token stream (GraphML, GEXF): what `read(_:source:file:diagnostics:)`
/// needs to drive it.
protocol XMLGraphParser: ~Copyable {
    init(_ tokenizer: consuming XMLTokenizer, file: String)
    /// Parses the whole document; throws on XML that is not well-formed.
    mutating func document() throws(XMLSyntaxError)
    /// Completes the fragment after the last element.
    mutating func finish()
    var fragment: GraphFragment { get }
    var diagnostics: [Diagnostic] { get }
}

extension XMLGraphParser where Self: ~Copyable {
    /// Reads a file or bytes with this parser. Problems are appended to `diagnostics`; a file that
    /// is not well-formed XML yields an empty fragment and one located error.
    static func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        do {
            var parser = Self(try XMLTokenizer(source: source, file: file), file: file)
            try parser.document()
            parser.finish()
            diagnostics += parser.diagnostics
            return parser.fragment
        } catch {
            diagnostics.append(Diagnostic(.error, error.message, at: error.location))
            return GraphFragment(file: file, strictVocabulary: false)
        }
    }
}
