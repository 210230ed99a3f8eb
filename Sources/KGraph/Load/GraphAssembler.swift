/// Merges fragments from one or more files into a `Graph` and validates the whole: duplicate ids,
/// references to unknown entities or documents, unknown kinds and relation types, domain and range,
/// relations without a source. Every problem is reported, not just the first.
public enum GraphAssembler {
    /// Builds the graph from `fragments` (in order) over `base` extended by each fragment's vocabulary.
    public static func assemble(_ input: consuming [GraphFragment], base: Vocabulary = .standard,
                                diagnostics: inout [Diagnostic]) -> Graph {
        var fragments = consume input
        var vocabulary = base
        for f in fragments { vocabulary = vocabulary.merging(f.vocabulary) }
        var graph = Graph(vocabulary: vocabulary)
        graph.reserveCapacity(entities: fragments.reduce(0) { $0 + $1.entities.count },
                              relations: fragments.reduce(0) { $0 + $1.relations.count })
        var d: [Diagnostic] = []
        var lenient = LenientFindings()
        checkVocabulary(fragments, vocabulary, &d)
        // Per kind and per type, decided once: a big graph checks millions of references.
        let knownKinds = Set(vocabulary.kinds.map(\.id))
        let kindNumber = Dictionary(vocabulary.kinds.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        var rules: [String: TypeRules?] = [:]
        func typeRules(_ id: String) -> TypeRules? {
            if let known = rules[id] { return known }
            let made = vocabulary.type(id).map { TypeRules(type: $0, kindNumber: kindNumber) }
            rules[id] = made
            return made
        }
        // Each entity's kind as its number in the vocabulary (-1 for a kind it lacks), by entity index.
        var kindOf: [Int32] = []
        kindOf.reserveCapacity(graph.entityCount)

        for f in fragments {
            if graph.title == nil { graph.title = f.title }
            if graph.description == nil { graph.description = f.description }
            for doc in f.documents {
                do { try graph.add(doc) } catch {
                    d.append(Diagnostic(.error, "\(error)" + firstAt(graph.document(id: doc.id)?.location), at: doc.location))
                }
            }
            for (i, e) in f.entities.enumerated() {
                do { try graph.add(e) } catch {
                    d.append(Diagnostic(.error, "\(error)" + firstAt(graph.entity(id: e.id)?.location), at: e.location))
                    continue
                }
                if !knownKinds.contains(e.kind) {
                    // Imports name their own kinds: one warning per kind, not per entity.
                    if !f.strictVocabulary { lenient.count("kind", e.kind, at: e.location); continue }
                    let places = i < f.entityPlaces.count ? f.entityPlaces[i] : .init()
                    d.append(Diagnostic(f.strictVocabulary ? .error : .warning,
                                        "unknown entity kind '\(e.kind)'" + didYouMean(e.kind, among: vocabulary.kinds.map(\.id)),
                                        at: places.kind ?? e.location))
                }
            }
        }
        // Built only when a reference is wrong and a hint is wanted: indexing every name costs more
        // than the rest of assembly on a big graph.
        // (A cache passed by hand, not a closure over `graph`: a captured graph is copied on every use.)
        var namesIndex: NameIndex?
        for f in fragments {
            for (i, e) in f.entities.enumerated() {
                guard let c = e.country, graph.index(ofEntity: c) == nil else { continue }
                let at = i < f.entityPlaces.count ? f.entityPlaces[i].country : nil
                d.append(Diagnostic(.error, "unknown country entity '\(c)'" + hint(c, names(&namesIndex, graph), graph), at: at ?? e.location))
            }
        }
        for e in graph.entities { kindOf.append(kindNumber[e.kind] ?? -1) }
        var citedDocument = [Bool](repeating: false, count: graph.documents.count)
        var citedUnknown = Set<String>()
        for k in fragments.indices {
            // Taken out of the fragment so that, when every relation is valid, the graph adopts the
            // array itself instead of copying it.
            let list = fragments[k].relations
            fragments[k].relations = []
            let f = fragments[k]
            var tails: [Int32] = [], heads: [Int32] = []
            tails.reserveCapacity(list.count)
            heads.reserveCapacity(list.count)
            var valid: [Bool]?
            for (i, r) in list.enumerated() {
                func places() -> GraphFragment.RelationPlaces {
                    i < f.relationPlaces.count ? f.relationPlaces[i] : .init()
                }
                let source = graph.index(ofEntity: r.source), target = graph.index(ofEntity: r.target)
                if source == nil {
                    d.append(Diagnostic(.error, "unknown entity '\(r.source)'" + hint(r.source, names(&namesIndex, graph), graph),
                                        at: places().source ?? r.location))
                }
                if target == nil {
                    d.append(Diagnostic(.error, "unknown entity '\(r.target)'" + hint(r.target, names(&namesIndex, graph), graph),
                                        at: places().target ?? r.location))
                }
                if r.sources.isEmpty && !f.strictVocabulary {
                    lenient.count("unsourced", f.file, at: r.location)
                } else if r.sources.isEmpty {
                    d.append(Diagnostic(.error, "relation '\(r.id)' has no source: cite a document and quote", at: r.location))
                }
                for (j, c) in r.sources.enumerated() {
                    let document = graph.index(ofDocument: c.document)
                    if let document { citedDocument[document] = true; continue }
                    citedUnknown.insert(c.document)
                    if !f.strictVocabulary {
                        // Exports without a document list (GEXF, CSV) still name documents.
                        lenient.count("document", c.document, at: r.location)
                    } else {
                        let documents = places().documents
                        let at = j < documents.count ? documents[j] : nil
                        d.append(Diagnostic(.error, "unknown document '\(c.document)'"
                                            + didYouMean(c.document, among: graph.documents.map(\.id)), at: at ?? r.location))
                    }
                }
                if let rule = typeRules(r.type) {
                    if let source, let target,
                       !rule.admitsSource(kindOf[Int(source)]) || !rule.admitsTarget(kindOf[Int(target)]) {
                        let sourceKind = graph.entities[Int(source)].kind, targetKind = graph.entities[Int(target)].kind
                        if !rule.admitsSource(kindOf[Int(source)]) {
                            d.append(Diagnostic(.error, "'\(rule.type.id)' cannot start at '\(r.source)', a \(sourceKind); allowed: "
                                                + rule.type.domain.joined(separator: ", "), at: places().source ?? r.location))
                        }
                        if !rule.admitsTarget(kindOf[Int(target)]) {
                            d.append(Diagnostic(.error, "'\(rule.type.id)' cannot end at '\(r.target)', a \(targetKind); allowed: "
                                                + rule.type.range.joined(separator: ", "), at: places().target ?? r.location))
                        }
                    }
                } else if !f.strictVocabulary {
                    lenient.count("type", r.type, at: r.location)
                } else {
                    d.append(Diagnostic(f.strictVocabulary ? .error : .warning,
                                        "unknown relation type '\(r.type)'" + didYouMean(r.type, among: vocabulary.types.map(\.id)),
                                        at: places().type ?? r.location))
                }
                if let source, let target {
                    tails.append(source)
                    heads.append(target)
                } else {
                    if valid == nil { valid = [Bool](repeating: true, count: list.count) }
                    valid![i] = false
                }
            }
            // Relations with an unknown end are left out; the rest go in, in file order.
            let refused: [Relation]
            if let valid {
                refused = graph.append(checked: list.indices.filter { valid[$0] }.map { list[$0] }, tails: tails, heads: heads)
            } else {
                refused = graph.append(checked: consume list, tails: tails, heads: heads)
            }
            for r in refused {
                let first = graph.index(ofRelation: r.id).map { graph.relation(at: $0).location } ?? nil
                d.append(Diagnostic(.error, "\(GraphError.duplicateRelation(r.id))" + firstAt(first), at: r.location))
            }
        }
        let cited = Set(graph.documents.indices.filter { citedDocument[$0] }.map { graph.documents[$0].id }).union(citedUnknown)
        warnings(graph, cited: cited, fragments: fragments, &d)
        d += lenient.diagnostics(vocabulary)
        diagnostics += d
        graph.compact()
        return graph
    }

    /// The name index, built on first use.
    private static func names(_ cache: inout NameIndex?, _ graph: Graph) -> NameIndex {
        if let n = cache { return n }
        let n = NameIndex(graph)
        cache = n
        return n
    }

    private static func firstAt(_ l: FileLocation?) -> String { l.map { " (first defined at \($0))" } ?? "" }

    /// " (did you mean ...)" from ids, or a pointer to the id when a name or alias was written.
    private static func hint(_ ref: String, _ names: NameIndex, _ graph: Graph) -> String {
        switch names.resolve(ref) {
        case .unique(let i):
            return "; '\(ref)' is a name of '\(graph.entity(at: i).id)': refer to entities by id"
        case .ambiguous(let all):
            return "; '\(ref)' names several entities: " + all.map { "'\(graph.entity(at: $0).id)'" }.joined(separator: ", ")
        case .notFound(let s):
            guard !s.isEmpty else { return "" }
            return " (did you mean " + s.prefix(3).map { "'\(graph.entity(at: $0).id)'" }.joined(separator: ", ") + "?)"
        }
    }

    private static func checkVocabulary(_ fragments: [GraphFragment], _ v: Vocabulary, _ d: inout [Diagnostic]) {
        for f in fragments {
            for t in f.vocabulary.types {
                for k in Set(t.domain + t.range) where v.kind(k) == nil {
                    d.append(Diagnostic(.error, "relation type '\(t.id)' names unknown kind '\(k)'"
                                        + didYouMean(k, among: v.kinds.map(\.id)),
                                        at: f.vocabularyPlaces["type:" + t.id]))
                }
            }
        }
    }

    /// Things that are allowed but probably not meant: unused entities and documents, repeated aliases.
    private static func warnings(_ g: Graph, cited: Set<String>, fragments: [GraphFragment], _ d: inout [Diagnostic]) {
        guard fragments.allSatisfy(\.strictVocabulary) else { return }
        for i in 0..<Int32(g.entityCount) where g.degree(i) == 0 {
            let e = g.entity(at: i)
            d.append(Diagnostic(.warning, "entity '\(e.id)' is in no relation", at: e.location))
        }
        for doc in g.documents where !cited.contains(doc.id) {
            d.append(Diagnostic(.warning, "document '\(doc.id)' is cited by no relation", at: doc.location))
        }
        for f in fragments {
            for (i, e) in f.entities.enumerated() {
                // Spellings that fold alike are kept on purpose (other tools do not fold); exact repeats are not.
                var seen = Set<String>([e.name])
                for (j, a) in e.aliases.enumerated() where !seen.insert(a).inserted {
                    let at = i < f.entityPlaces.count && j < f.entityPlaces[i].aliases.count ? f.entityPlaces[i].aliases[j] : nil
                    d.append(Diagnostic(.warning, "alias '\(a)' of '\(e.id)' repeats its name or an earlier alias",
                                        at: at ?? e.location))
                }
            }
        }
    }
}

/// A relation type's domain and range as flags by kind number, for checking many relations.
private final class TypeRules {
    let type: RelationType
    /// Per kind number: allowed at the source; nil when any kind is.
    let domain: [Bool]?
    let range: [Bool]?

    init(type: RelationType, kindNumber: [String: Int32]) {
        self.type = type
        func flags(_ kinds: [String]) -> [Bool]? {
            guard !kinds.isEmpty else { return nil }
            var f = [Bool](repeating: false, count: kindNumber.count)
            for k in kinds { if let n = kindNumber[k] { f[Int(n)] = true } }
            return f
        }
        domain = flags(type.domain)
        range = flags(type.range)
    }

    /// A kind the vocabulary lacks (-1) is reported on its own, never as a domain or range problem.
    func admitsSource(_ kind: Int32) -> Bool { kind < 0 || domain.map { $0[Int(kind)] } ?? true }
    func admitsTarget(_ kind: Int32) -> Bool { kind < 0 || range.map { $0[Int(kind)] } ?? true }
}

/// Findings in imported files (`strictVocabulary == false`), reported once per kind, type, document
/// or file with a count rather than once per entity or relation.
private struct LenientFindings {
    private var counts: [String: (count: Int, at: FileLocation?)] = [:]
    private var order: [(String, String)] = []

    mutating func count(_ what: String, _ value: String, at: FileLocation?) {
        let key = what + "\u{0}" + value
        if let c = counts[key] { counts[key] = (c.count + 1, c.at) } else { counts[key] = (1, at); order.append((what, value)) }
    }

    func diagnostics(_ v: Vocabulary) -> [Diagnostic] {
        order.map { what, value in
            let c = counts[what + "\u{0}" + value]!
            switch what {
            case "kind":
                return Diagnostic(.warning, "unknown entity kind '\(value)' (\(c.count) entities)"
                                  + didYouMean(value, among: v.kinds.map(\.id)), at: c.at)
            case "type":
                return Diagnostic(.warning, "unknown relation type '\(value)' (\(c.count) relations)"
                                  + didYouMean(value, among: v.types.map(\.id)), at: c.at)
            case "document":
                return Diagnostic(.warning, "unknown document '\(value)' (cited \(c.count) time(s); the file does not describe it)",
                                  at: c.at)
            default:
                return Diagnostic(.warning, "\(c.count) relation(s) cite no source (the file has no citations)", at: c.at)
            }
        }
    }
}
