import Dispatch
import Foundation

/// Merges fragments from one or more files into a `Graph` and validates the whole: duplicate ids,
/// references to unknown entities or documents, unknown kinds and relation types, domain and range,
/// relations without a source. Every problem is reported, not just the first.
public enum GraphAssembler {
    /// Builds the graph from `fragments` (in order) over `base` extended by each fragment's vocabulary.
    public static func assemble(_ input: consuming [GraphFragment], base: Vocabulary = .standard,
                                diagnostics: inout [Diagnostic]) -> Graph {
        assemble(input, base: base, indexApartFrom: 20_000, diagnostics: &diagnostics)
    }

    /// `indexApartFrom`: the number of relations from which the first fragment's relation ids are
    /// indexed on another thread while the rest of assembly goes on (tests lower it).
    static func assemble(_ input: consuming [GraphFragment], base: Vocabulary, indexApartFrom: Int,
                         diagnostics: inout [Diagnostic]) -> Graph {
        var fragments = consume input
        var vocabulary = base
        for f in fragments { vocabulary = vocabulary.merging(f.vocabulary) }
        var graph = Graph(vocabulary: vocabulary)
        // A big graph's relation ids (a million String hashes) are indexed on the other core while
        // this one checks entities and references. Only the first fragment with relations can use
        // it, and only when all its relations go in (see `append(checked:)`).
        let firstWithRelations = fragments.firstIndex { !$0.relations.isEmpty }
        let apart = firstWithRelations.flatMap { k in
            fragments[k].relations.count >= indexApartFrom && ProcessInfo.processInfo.activeProcessorCount > 1
                ? IndexApart(fragments[k].relations) : nil
        }
        graph.reserveCapacity(entities: fragments.reduce(0) { $0 + $1.entities.count },
                              relations: fragments.reduce(0) { $0 + $1.relations.count }, relationIndex: apart == nil)
        var d: [Diagnostic] = []
        var lenient = LenientFindings()
        checkVocabulary(fragments, vocabulary, &d)
        checkCitationEntities(fragments, &d)
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
        // Each entity's id by entity index, to confirm ends a fragment gives (`relationEnds`); once
        // an end's string is confirmed, it takes the place of the id it equals, so that the next end
        // sharing that string is confirmed without reading characters (readers share one string
        // per node, or a few).
        var entityIDs: [String] = []
        // For each fragment that gives ends: the entity index of each of its entities (-1: refused).
        var entityIndexOf: [[Int32]] = Array(repeating: [], count: fragments.count)

        for (k, f) in fragments.enumerated() {
            if graph.title == nil { graph.title = f.title }
            if graph.description == nil { graph.description = f.description }
            for doc in f.documents {
                do { try graph.add(doc) } catch {
                    d.append(Diagnostic(.error, "\(error)" + firstAt(graph.document(id: doc.id)?.location), at: doc.location))
                }
            }
            let givesEnds = !f.relationEnds.isEmpty && f.relationEnds.count == f.relations.count
            if givesEnds { entityIndexOf[k].reserveCapacity(f.entities.count) }
            for (i, e) in f.entities.enumerated() {
                do {
                    let index = try graph.add(e)
                    entityIDs.append(e.id)
                    if givesEnds { entityIndexOf[k].append(index) }
                } catch {
                    if givesEnds { entityIndexOf[k].append(-1) }
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
        // Types and cited documents are few and named over and over: each spelling is looked up once
        // and its answer kept by number.
        var typeSpellings = Spellings(), typeRule: [TypeRules?] = [], typeFinding: [Int] = []
        var documentSpellings = Spellings(), documentIndex: [Int] = [], documentFinding: [Int] = []
        for k in fragments.indices {
            // Taken out of the fragment so that, when every relation is valid, the graph adopts the
            // array itself instead of copying it.
            let list = fragments[k].relations
            fragments[k].relations = []
            // Taken out too, and let go of after the loop: the memory goes to what comes next.
            var ends = entityIndexOf[k].isEmpty ? [] : fragments[k].relationEnds
            fragments[k].relationEnds = []
            let f = fragments[k]
            let entityIndex = entityIndexOf[k]
            var tails: [Int32] = [], heads: [Int32] = []
            tails.reserveCapacity(list.count)
            heads.reserveCapacity(list.count)
            var valid: [Bool]?
            var unsourced = -1
            for i in list.indices {
                func places() -> GraphFragment.RelationPlaces {
                    i < f.relationPlaces.count ? f.relationPlaces[i] : .init()
                }
                // An end the fragment gives counts when the entity there has the id named (ids are
                // unique in the graph, so it is the entity the lookup would find).
                var source: Int32?, target: Int32?
                if !ends.isEmpty {
                    source = confirmedEnd(ends[i].source, naming: list[i].source, entityIndex, &entityIDs)
                    target = confirmedEnd(ends[i].target, naming: list[i].target, entityIndex, &entityIDs)
                }
                if source == nil { source = graph.index(ofEntity: list[i].source) }
                if target == nil { target = graph.index(ofEntity: list[i].target) }
                if source == nil {
                    let r = list[i]
                    d.append(Diagnostic(.error, "unknown entity '\(r.source)'" + hint(r.source, names(&namesIndex, graph), graph),
                                        at: places().source ?? r.location))
                }
                if target == nil {
                    let r = list[i]
                    d.append(Diagnostic(.error, "unknown entity '\(r.target)'" + hint(r.target, names(&namesIndex, graph), graph),
                                        at: places().target ?? r.location))
                }
                let citations = list[i].sources
                if citations.isEmpty && !f.strictVocabulary {
                    if unsourced < 0 { unsourced = lenient.finding("unsourced", f.file, at: list[i].location) }
                    lenient.count(unsourced)
                } else if citations.isEmpty {
                    d.append(Diagnostic(.error, "relation '\(list[i].id)' has no source: cite a document and quote", at: list[i].location))
                }
                for j in citations.indices {
                    let spelling = documentSpellings.number(citations[j].document)
                    if spelling == documentIndex.count {
                        let id = citations[j].document
                        let known = graph.index(ofDocument: id)
                        if known == nil { citedUnknown.insert(id) }
                        documentIndex.append(known ?? -1)
                        documentFinding.append(-1)
                    }
                    let document = documentIndex[spelling]
                    if document >= 0 { citedDocument[document] = true; continue }
                    if !f.strictVocabulary {
                        // Exports without a document list (GEXF, CSV) still name documents.
                        if documentFinding[spelling] < 0 {
                            documentFinding[spelling] = lenient.finding("document", citations[j].document, at: list[i].location)
                        }
                        lenient.count(documentFinding[spelling])
                    } else {
                        let documents = places().documents
                        let at = j < documents.count ? documents[j] : nil
                        d.append(Diagnostic(.error, "unknown document '\(citations[j].document)'"
                                            + didYouMean(citations[j].document, among: graph.documents.map(\.id)), at: at ?? list[i].location))
                    }
                }
                let spelling = typeSpellings.number(list[i].type)
                if spelling == typeRule.count {
                    typeRule.append(typeRules(list[i].type))
                    typeFinding.append(-1)
                }
                if let rule = typeRule[spelling] {
                    if let source, let target,
                       !rule.admitsSource(kindOf[Int(source)]) || !rule.admitsTarget(kindOf[Int(target)]) {
                        let r = list[i]
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
                    if typeFinding[spelling] < 0 { typeFinding[spelling] = lenient.finding("type", list[i].type, at: list[i].location) }
                    lenient.count(typeFinding[spelling])
                } else {
                    let type = list[i].type
                    d.append(Diagnostic(f.strictVocabulary ? .error : .warning,
                                        "unknown relation type '\(type)'" + didYouMean(type, among: vocabulary.types.map(\.id)),
                                        at: places().type ?? list[i].location))
                }
                if let source, let target {
                    tails.append(source)
                    heads.append(target)
                } else {
                    if valid == nil { valid = [Bool](repeating: true, count: list.count) }
                    valid![i] = false
                }
            }
            ends = []
            // The index made apart is of this list whole: wait for it (which also lets go of its
            // hold on the list, so the graph can change the array in place) and use it if all went in.
            let made = k == firstWithRelations ? apart?.wait() : nil
            // Relations with an unknown end are left out; the rest go in, in file order.
            let refused: [Relation]
            if let valid {
                refused = graph.append(checked: list.indices.filter { valid[$0] }.map { list[$0] }, tails: tails, heads: heads)
            } else {
                refused = graph.append(checked: consume list, tails: tails, heads: heads, index: made)
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

    /// The graph index of the entity at `position` in a fragment's entities when its id is `id`
    /// (ids are unique in the graph, so it is the entity a lookup would find); nil otherwise. A
    /// confirmed id's string takes the place of the one kept, so later ends that share the string
    /// are confirmed without comparing characters.
    @inline(__always)
    private static func confirmedEnd(_ position: Int32, naming id: String, _ entityIndex: [Int32],
                                     _ entityIDs: inout [String]) -> Int32? {
        let p = Int(position)
        guard p >= 0 && p < entityIndex.count, entityIndex[p] >= 0 else { return nil }
        let e = Int(entityIndex[p])
        if entityIDs[e]._isIdentical(to: id) { return Int32(e) }
        guard entityIDs[e] == id else { return nil }
        entityIDs[e] = id
        return Int32(e)
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
    private var numbers: [String: Int] = [:]
    /// In order of first occurrence.
    private var findings: [(what: String, value: String, count: Int, at: FileLocation?)] = []

    /// The number of the finding about `value`, made (with no occurrence yet) at its first sight.
    mutating func finding(_ what: String, _ value: String, at: FileLocation?) -> Int {
        let key = what + "\u{0}" + value
        if let n = numbers[key] { return n }
        numbers[key] = findings.count
        findings.append((what, value, 0, at))
        return findings.count - 1
    }

    /// One more occurrence of finding `n`.
    mutating func count(_ n: Int) { findings[n].count += 1 }

    mutating func count(_ what: String, _ value: String, at: FileLocation?) { count(finding(what, value, at: at)) }

    func diagnostics(_ v: Vocabulary) -> [Diagnostic] {
        findings.map { what, value, count, at in
            switch what {
            case "kind":
                return Diagnostic(.warning, "unknown entity kind '\(value)' (\(count) entities)"
                                  + didYouMean(value, among: v.kinds.map(\.id)), at: at)
            case "type":
                return Diagnostic(.warning, "unknown relation type '\(value)' (\(count) relations)"
                                  + didYouMean(value, among: v.types.map(\.id)), at: at)
            case "document":
                return Diagnostic(.warning, "unknown document '\(value)' (cited \(count) time(s); the file does not describe it)",
                                  at: at)
            default:
                return Diagnostic(.warning, "\(count) relation(s) cite no source (the file has no citations)", at: at)
            }
        }
    }
}

/// Numbers the distinct strings it is given, 0, 1, 2... in order of first sight: a hash of the
/// UTF-8 bytes and one String comparison, several times cheaper than a String-keyed dictionary for
/// the few strings (types, document ids) a big graph names millions of times. Equal strings in
/// different Unicode forms may get different numbers; callers decide per number what a String-keyed
/// lookup decides, so the answers are the same.
private struct Spellings {
    /// Entry number + 1 in the low 32 bits, hash tag in the high 32; 0 is empty.
    private var slots = [UInt64](repeating: 0, count: 16)
    private var strings: [String] = []

    /// The number of `string`, a new one (equal to the count so far) when first seen.
    mutating func number(_ string: String) -> Int {
        let hash = Self.hash(string)
        let tag = hash >> 32, mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            if slots[i] >> 32 == tag {
                let e = Int(slots[i] & 0xFFFF_FFFF) - 1
                if strings[e] == string { return e }
            }
            i = (i + 1) & mask
        }
        strings.append(string)
        slots[i] = tag << 32 | UInt64(strings.count)
        if strings.count * 2 > slots.count { grow() }
        return strings.count - 1
    }

    private static func hash(_ s: String) -> UInt64 {
        s.utf8.withContiguousStorageIfAvailable { ByteTable.hash($0) } ?? Array(s.utf8).withUnsafeBufferPointer { ByteTable.hash($0) }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            let e = Int(slot & 0xFFFF_FFFF) - 1
            let hash = Self.hash(strings[e])
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}

/// The relation-id index of one list of relations, made on a thread of its own (not a shared pool,
/// which a caller blocked in `wait()` could be holding up).
private final class IndexApart: @unchecked Sendable {
    // Written by the other thread before it signals `done`, read by the caller after `wait()`.
    private var list: [Relation]?
    private var made: RelationIDIndex?
    private let done = DispatchSemaphore(value: 0)

    init(_ list: [Relation]) {
        self.list = list
        Thread { self.run() }.start()
    }

    private func run() {
        let index = RelationIDIndex(of: list!)
        // Let go of the list before signalling: the graph that adopts it must hold the only reference.
        list = nil
        made = index
        done.signal()
    }

    /// The index, once made.
    func wait() -> RelationIDIndex {
        done.wait()
        return made!
    }
}
