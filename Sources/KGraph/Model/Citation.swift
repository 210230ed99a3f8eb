/// A supporting citation: the document, the words in it, and who said them when the report
/// quotes someone.
public struct Citation: Hashable, Sendable {
    public var document: String
    public var quote: String
    /// Entity id of whoever spoke the quoted words (a spokesperson, an official); nil when the
    /// words are the report's own.
    public var speaker: String?

    public init(document: String, quote: String, speaker: String? = nil) {
        self.document = document
        self.quote = quote
        self.speaker = speaker
    }
}
