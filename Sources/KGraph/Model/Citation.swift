/// A supporting citation: the document, the words in it, and who said them when the report
/// quotes someone.
public struct Citation: Hashable, Sendable {
    public var document: String
    public var quote: String
    /// Entity id of whoever spoke the quoted words (a spokesperson, an official); nil when the
    /// words are the report's own.
    public var speaker: String?
    /// The day the speaker said the words, when it is not the relation's date (a statement in
    /// Washington on the evening before the strike's local date); nil when it is.
    public var said: PartialDate?
    /// Where the quote stands in the graph file, for errors about it (`kgraph check` verifies it).
    public var location: FileLocation?

    public init(document: String, quote: String, speaker: String? = nil, said: PartialDate? = nil,
                location: FileLocation? = nil) {
        self.document = document
        self.quote = quote
        self.speaker = speaker
        self.said = said
        self.location = location
    }

    // A citation is the same wherever it was read: equality and hashing go over `fields` and leave
    // `location` out (a graph read back from an export cites what it cited, from another file).
    public static func == (a: Citation, b: Citation) -> Bool { fields.allSatisfy { $0.get(a) == $0.get(b) } }
    public func hash(into h: inout Hasher) { for f in Self.fields { h.combine(f.get(self)) } }
}
