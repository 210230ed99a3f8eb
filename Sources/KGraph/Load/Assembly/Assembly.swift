import Foundation

/// One run of `GraphAssembler`: the graph being built, what is known so far, and what was found.
/// Each phase is a method of its own; `GraphAssembler.assemble` calls them in order.
struct Assembly {
    let vocabulary: Vocabulary
    /// Every file's vocabulary problems are errors (`--strict-vocabulary`), not only the native format's.
    let strictVocabulary: Bool
    let secondCore: SecondCore
    /// The work begun on another thread for the first fragment with relations (`SecondCore`).
    var apart: Apart?
    var graph: Graph
    var diagnostics: [Diagnostic] = []
    var lenient = LenientFindings()
    /// Each entity's kind as its number in the vocabulary (-1 for a kind it lacks), by entity index.
    var kindOf: [Int32] = []
    let kindNumber: [String: Int32]
    /// Entity kinds numbered by spelling, and per spelling its `kindNumber`: a kind is nearly
    /// always a string `Spellings` met lately, while the dictionary hashed every entity's (SipHash,
    /// about 470 instructions).
    private var kindSpellings = Spellings(), kindOfSpelling: [Int32] = []
    /// Relation types and cited documents, numbered by spelling; per number, what was decided.
    var typeSpellings = Spellings(), typeRules: TypeRules, typeFinding: [Int] = []
    var documentSpellings = Spellings(), documentIndex: [Int] = [], documentFinding: [Int] = []
    /// Per fragment whose reader gave its relations' ends (`GraphFragment.relationEnds`), the graph
    /// index of each of its entities; empty for the others.
    var entityIndices: [[Int32]] = []
    /// By document index: cited by some relation.
    var citedDocument: [Bool] = []
    /// Built only when a reference is wrong and a hint is wanted: indexing every name costs more
    /// than the rest of assembly on a big graph.
    private var nameIndex: NameIndex?

    init(vocabulary: Vocabulary, strictVocabulary: Bool = false, secondCore: SecondCore = .automatic) {
        self.vocabulary = vocabulary
        self.strictVocabulary = strictVocabulary
        self.secondCore = secondCore
        graph = Graph(vocabulary: vocabulary)
        kindNumber = Dictionary(vocabulary.kinds.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        typeRules = TypeRules(kindNumber: kindNumber)
    }

    // MARK: Phases before the relations

    /// Relation types a fragment declares must name kinds the vocabulary has.
    mutating func checkVocabulary(_ fragments: [GraphFragment]) {
        for f in fragments {
            for t in f.vocabulary.types {
                for k in Set(t.domain + t.range) where vocabulary.kind(k) == nil {
                    diagnostics.append(Diagnostic(.error, "relation type '\(t.id)' names unknown kind '\(k)'"
                                                  + didYouMean(k, among: vocabulary.kinds.map(\.id)),
                                                  at: f.vocabularyPlaces["type:" + t.id]))
                }
            }
        }
    }

    /// Reserves room for every entity and relation; in the relation-id index, not for the first
    /// fragment's relations when their ids are indexed on another thread or not at all (ids known
    /// to differ, `GraphFragment.relationIDsUnique`).
    mutating func reserveRoom(for fragments: [GraphFragment]) {
        let entities = fragments.reduce(0) { $0 + $1.entities.count }, relations = fragments.reduce(0) { $0 + $1.relations.count }
        kindOf.reserveCapacity(entities)
        let first = fragments.firstIndex { !$0.relations.isEmpty }
        let unindexed = first.map { apart != nil || fragments[$0].relationIDsUnique ? fragments[$0].relations.count : 0 } ?? 0
        graph.reserveCapacity(entities: entities, relations: relations, relationIDs: relations - unindexed)
    }

    /// Adds every fragment's documents and entities, reporting repeated ids and unknown kinds, and
    /// numbers each entity's kind, for checking domains and ranges by number.
    mutating func declare(_ fragments: [GraphFragment]) {
        entityIndices = [[Int32]](repeating: [], count: fragments.count)
        for (k, f) in fragments.enumerated() {
            let givesEnds = f.relationEnds.cover(f.relations.count)
            if givesEnds { entityIndices[k].reserveCapacity(f.entities.count) }
            if graph.title == nil { graph.title = f.title }
            if graph.description == nil { graph.description = f.description }
            for doc in f.documents {
                do { try graph.add(doc) } catch {
                    diagnostics.append(Diagnostic(.error, "\(error)" + firstAt(graph.document(id: doc.id)?.location), at: doc.location))
                }
            }
            // By index: `enumerated()` would copy each entity once more than `add` does.
            for i in f.entities.indices {
                guard let index = try? graph.add(f.entities[i]) else {
                    let e = f.entities[i]
                    // A repeated id names the entity first declared with it, as a lookup would.
                    if givesEnds { entityIndices[k].append(graph.index(ofEntity: e.id) ?? -1) }
                    diagnostics.append(Diagnostic(.error, "\(GraphError.duplicateEntity(e.id))" + firstAt(graph.entity(id: e.id)?.location),
                                                  at: e.location))
                    continue
                }
                if givesEnds { entityIndices[k].append(index) }
                numberKind(of: i, in: f)
            }
        }
        citedDocument = [Bool](repeating: false, count: graph.documents.count)
    }

    /// Numbers the kind of entity `i` of `f`, just added. A kind the vocabulary lacks is an error
    /// in the native format, one counted warning per kind in imports (which name their own kinds).
    private mutating func numberKind(of i: Int, in f: GraphFragment) {
        let spelling = kindSpellings.number(f.entities[i].kind)
        if spelling == kindOfSpelling.count { kindOfSpelling.append(kindNumber[f.entities[i].kind] ?? -1) }
        let kind = kindOfSpelling[spelling]
        kindOf.append(kind)
        guard kind < 0 else { return }
        let e = f.entities[i]
        guard f.strictVocabulary || strictVocabulary else { lenient.count("kind", e.kind, at: e.location); return }
        let places = i < f.entityPlaces.count ? f.entityPlaces[i] : .init()
        diagnostics.append(Diagnostic(.error, "unknown entity kind '\(e.kind)'" + didYouMean(e.kind, among: vocabulary.kinds.map(\.id)),
                                      at: places.kind ?? e.location))
    }

    /// An entity's country must be an entity of the graph. Named by hand: through the table's
    /// getter (`Entity.optionalEntityFields`) each entity was copied once more per field, twice the
    /// cost of this check (+5 M instructions on a 100,000-relation load).
    mutating func checkCountries(_ fragments: [GraphFragment]) {
        for f in fragments {
            // By index, not `enumerated()`, which copies each entity.
            for i in f.entities.indices {
                guard let c = f.entities[i].country, graph.index(ofEntity: c) == nil else { continue }
                let e = f.entities[i]
                let at = i < f.entityPlaces.count ? f.entityPlaces[i].field("country") : nil
                diagnostics.append(Diagnostic(.error, "unknown country entity '\(c)'" + hint(c), at: at ?? e.location))
            }
        }
    }

    // MARK: Reporting

    func firstAt(_ l: FileLocation?) -> String { l.map { " (first defined at \($0))" } ?? "" }

    /// " (did you mean ...)" from ids, or a pointer to the id when a name or alias was written.
    mutating func hint(_ ref: String) -> String {
        if nameIndex == nil { nameIndex = NameIndex(graph) }
        switch nameIndex!.resolve(ref) {
        case .unique(let i):
            return "; '\(ref)' is a name of '\(graph.entity(at: i).id)': refer to entities by id"
        case .ambiguous(let all):
            return "; '\(ref)' names several entities: " + all.map { "'\(graph.entity(at: $0).id)'" }.joined(separator: ", ")
        case .notFound(let s):
            guard !s.isEmpty else { return "" }
            return " (did you mean " + s.prefix(3).map { "'\(graph.entity(at: $0).id)'" }.joined(separator: ", ") + "?)"
        }
    }
}
