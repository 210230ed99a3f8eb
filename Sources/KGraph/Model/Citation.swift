/// A supporting citation: the document, the words in it, and who said them when the report
/// quotes someone.
public struct Citation: Hashable, Sendable {
    public var document: String
    public var quote: String
    /// Entity id of whoever spoke the quoted words (a spokesperson, an official); nil when the
    /// words are the report's own.
    public var speaker: String? {
        get { rare?.speaker }
        set { rare = Rare.holding(speaker: newValue, said: said, location: location) }
    }
    /// The day the speaker said the words, when it is not the relation's date (a statement in
    /// Washington on the evening before the strike's local date); nil when it is.
    public var said: PartialDate? {
        get { rare?.said }
        set { rare = Rare.holding(speaker: speaker, said: newValue, location: location) }
    }
    /// Where the quote stands in the graph file, for errors about it (`kgraph check` verifies it).
    public var location: FileLocation? {
        get { rare?.location }
        set { rare = Rare.holding(speaker: speaker, said: said, location: newValue) }
    }
    /// The fields big imported graphs leave empty, held apart: inline they would make every one of
    /// a million citations 72 bytes or more instead of 40 (50 MB more for the 1,000,000-relation benchmark).
    private var rare: Rare?

    /// Whether it is only a document and a quote (`CitationList` packs such citations).
    var isPlain: Bool { rare == nil }

    public init(document: String, quote: String, speaker: String? = nil, said: PartialDate? = nil,
                location: FileLocation? = nil) {
        self.document = document
        self.quote = quote
        rare = Rare.holding(speaker: speaker, said: said, location: location)
    }

    /// A citation's speaker, day said and location; immutable, so citations that share one never
    /// see each other's changes.
    private final class Rare: Sendable {
        let speaker: String?
        let said: PartialDate?
        let location: FileLocation?

        private init(speaker: String?, said: PartialDate?, location: FileLocation?) {
            self.speaker = speaker
            self.said = said
            self.location = location
        }

        static func holding(speaker: String?, said: PartialDate?, location: FileLocation?) -> Rare? {
            speaker == nil && said == nil && location == nil ? nil : Rare(speaker: speaker, said: said, location: location)
        }
    }

    // A citation is the same wherever it was read: equality and hashing go over `fields` and leave
    // `location` out (a graph read back from an export cites what it cited, from another file).
    public static func == (a: Citation, b: Citation) -> Bool { fields.allSatisfy { $0.get(a) == $0.get(b) } }
    public func hash(into h: inout Hasher) { for f in Self.fields { h.combine(f.get(self)) } }
}
