/// The resource limits kgraph enforces on its input, in one place (the README lists them). Each
/// is far above what a real graph needs and low enough that hostile input cannot exhaust memory
/// or time; going over one is an error that names the limit.
public enum Limits {
    /// The largest graph file read, in bytes.
    public static let fileBytes: Int64 = 4 << 30
    /// The longest single value (a name, a quote, an attribute's text), in bytes.
    public static let valueBytes = 16 << 20
    /// The deepest nesting of lists and mappings inside one attribute value; the parse cache
    /// reads back exactly this depth, so everything that parses is also cached.
    public static let attributeNesting = 32
    /// The deepest nesting of XML elements (GraphML, GEXF) and of JSON arrays and objects.
    public static let documentNesting = 256
    /// The most diagnostics of one kind held in memory; past it they are counted (`Diagnostic.more`).
    public static let diagnosticsPerKind = 10_000
    /// How many diagnostics are held before the first fold (then at each doubling).
    public static let diagnosticsFoldAt = 1 << 15
}
