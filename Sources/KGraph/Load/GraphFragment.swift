/// What one input file contributes to a graph, before it is merged and validated with the others.
/// Readers of every format produce one; `GraphAssembler` turns a list of them into a `Graph`.
public struct GraphFragment: Sendable {
    /// Where a record's values sit in its file, so validation can point at the offending value:
    /// the values of `Record.placedFields` and the items of `Record.listFields`, by the tables, so
    /// a new field that names an entity is placed with no edit here. Readers that know no places
    /// (every format but YAML) leave it empty.
    public struct Places<Record: DescribedRecord>: Sendable, Equatable {
        /// Where the value of each of `Record.placedFields` sits, in that order; empty when unknown.
        public var fields: [FileLocation?] = []
        /// Where each item of each of `Record.listFields` sits, in that order; empty when unknown.
        public var items: [[FileLocation?]] = []
        /// Per citation (of a relation), where each of its fields sits, in `Citation.fields` order.
        public var citations: [[FileLocation?]] = []
        public init() {}

        /// Where the value of field `key` sits, when it is placed and known.
        public func field(_ key: String) -> FileLocation? {
            // Empty for every format but YAML: no look-up in the table then.
            guard !fields.isEmpty, let k = Record.placedFields.firstIndex(where: { Record.fields[$0].key == key }) else { return nil }
            return k < fields.count ? fields[k] : nil
        }

        /// Where each item of list field `key` sits, when known.
        public func items(_ key: String) -> [FileLocation?] {
            guard !items.isEmpty, let k = Record.listFields.firstIndex(where: { Record.fields[$0].key == key }) else { return [] }
            return k < items.count ? items[k] : []
        }
    }

    /// Where a relation's values sit.
    public typealias RelationPlaces = Places<Relation>
    /// Where an entity's values sit.
    public typealias EntityPlaces = Places<Entity>

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
    /// Where each relation's ends sit in `entities`, when the reader numbered them as it read
    /// (GraphML: each edge end is already a node number there), so that assembly maps them through
    /// one array instead of hashing each end's id again. Empty when not known, as from most readers.
    public var relationEnds = RelationEnds()
    /// No two of `relations` have the same id (by UTF-8 bytes, `IDKey`): set by a reader that made
    /// them so, so that assembly does not check it again and the graph indexes relation ids only
    /// when one is first looked up (`kgraph path` never does). False when not known.
    public var relationIDsUnique = false
    /// True for the native format, whose kinds and types must be in the vocabulary (an error);
    /// false for imports, which keep what they name (a warning).
    public var strictVocabulary: Bool

    public init(file: String, strictVocabulary: Bool) {
        self.file = file
        self.strictVocabulary = strictVocabulary
    }
}

extension GraphFragment {
    /// The positions in `entities` of each relation's source and of its target, by relation
    /// (-1: not known; that end is looked up by its id). Whoever changes the order or the number of
    /// the relations or of the entities after the reader empties it.
    public struct RelationEnds: Sendable {
        public var sources: [Int32] = []
        public var targets: [Int32] = []
        public init() {}

        /// Whether they are given for every one of `relations` relations.
        func cover(_ relations: Int) -> Bool { relations > 0 && sources.count == relations && targets.count == relations }
    }
}

extension GraphFragment.Places where Record == Relation {
    public var source: FileLocation? { field("source") }
    public var target: FileLocation? { field("target") }
    public var type: FileLocation? { field("type") }
    /// Where each citation's document id sits.
    public var documents: [FileLocation?] {
        let k = Citation.fields.firstIndex { $0.value == .documentID }!
        return citations.map { k < $0.count ? $0[k] : nil }
    }
}

extension GraphFragment.Places where Record == Entity {
    public var kind: FileLocation? { field("kind") }
    public var aliases: [FileLocation?] { items("aliases") }
}
