/// What one input file contributes to a graph, before it is merged and validated with the others.
/// Readers of every format produce one; `GraphAssembler` turns a list of them into a `Graph`.
public struct GraphFragment: Sendable {
    /// Where each reference sits in the file, so validation can point at the offending value.
    public struct RelationPlaces: Sendable {
        public var source: FileLocation?
        public var target: FileLocation?
        public var type: FileLocation?
        /// Per citation, where each of its fields' values sits (in `Citation.fields` order).
        public var citations: [[FileLocation?]] = []
        /// Where each citation's document id sits.
        public var documents: [FileLocation?] {
            let k = Citation.fields.firstIndex { $0.key == "document" }!
            return citations.map { k < $0.count ? $0[k] : nil }
        }
        public init() {}
    }

    /// Where an entity's kind and country values sit.
    public struct EntityPlaces: Sendable {
        public var kind: FileLocation?
        public var country: FileLocation?
        public var aliases: [FileLocation?] = []
        public init() {}
    }

    public var file: String
    public var title: String?
    public var description: String?
    /// Kinds and types this file adds to the vocabulary.
    public var vocabulary = Vocabulary()
    /// Where each added kind or type was declared, and where its domain/range lists are.
    public var vocabularyPlaces: [String: FileLocation] = [:]
    public var documents: [Document] = []
    public var entities: [Entity] = []
    public var entityPlaces: [EntityPlaces] = []
    public var relations: [Relation] = []
    public var relationPlaces: [RelationPlaces] = []
    /// True for the native format, whose kinds and types must be in the vocabulary (an error);
    /// false for imports, which keep what they name (a warning).
    public var strictVocabulary: Bool

    public init(file: String, strictVocabulary: Bool) {
        self.file = file
        self.strictVocabulary = strictVocabulary
    }
}
