/// A supporting citation: the document and the words in it.
public struct Citation: Hashable, Sendable {
    public var document: String
    public var quote: String

    public init(document: String, quote: String) {
        self.document = document
        self.quote = quote
    }
}
