import Foundation

/// Why a graph refused an addition.
public enum GraphError: Error, Equatable, CustomStringConvertible {
    case duplicateDocument(String)
    case duplicateEntity(String)
    case duplicateRelation(String)
    case unknownEntity(String)

    public var description: String {
        switch self {
        case .duplicateDocument(let id): return "duplicate document id '\(id)'"
        case .duplicateEntity(let id): return "duplicate entity id '\(id)'"
        case .duplicateRelation(let id): return "duplicate relation id '\(id)'"
        case .unknownEntity(let id): return "unknown entity '\(id)'"
        }
    }
}

/// A property multigraph with provenance: documents, entities, and relations between entities.
///
/// String ids at the edges; inside, entities and relations are dense `Int32` indices in insertion
/// order, and out- and in-adjacency lists of relation indices are kept in sync, so both directions
/// are O(degree).
///
///     var g = Graph()
///     let a = try g.add(Entity(id: "iran", name: "Iran", kind: "state"))
///     g.outgoing(a)   // relation indices whose source is Iran
public struct Graph: Sendable {
    /// Title of the graph (from the first file that gives one).
    public var title: String?
    public var description: String?
    public var vocabulary: Vocabulary

    public private(set) var documents: [Document] = []
    public private(set) var entities: [Entity] = []
    public private(set) var relations: [Relation] = []

    // Ids by their UTF-8 bytes, numbered in the order added, so that entry `i` of each table is
    // document, entity or relation `i`. Equal bytes are equal scalars: kgraph's one rule for when
    // two ids are the same (`IDKey`). A seeded byte hash, not `Hasher`: loading a big graph looks
    // ids up several times per relation, and SipHash took 3.5 % of the whole load (callgrind).
    private var documentIndex = ByteTable()
    private var entityIndex = ByteTable()
    /// Relation ids are read from the relations themselves, not copied (`IDSlots`); made when
    /// first needed after the graph took relations whose ids were already known to differ.
    private var relationIndex = RelationIndex()
    /// Source and target entity index of each relation.
    private var tails: [Int32] = []
    private var heads: [Int32] = []
    /// Each entity's relations as lists while the graph is built one piece at a time; empty while
    /// `rows` holds them.
    private var outAdjacency: [[Int32]] = []
    private var inAdjacency: [[Int32]] = []
    /// The adjacency laid out contiguously, with each relation's other end beside it, for searches
    /// over big graphs; built by `compact()` and by loading. Held instead of the lists, not beside
    /// them: at 1,000,000 relations the lists took 18 MB more. A change cuts the lists from it again.
    private(set) var rows: AdjacencyRows?

    public init(vocabulary: Vocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    /// Reserves room for a graph of this size.
    public mutating func reserveCapacity(entities e: Int, relations r: Int) {
        reserveCapacity(entities: e, relations: r, relationIDs: r)
    }

    /// Reserves room for a graph of this size, and in the relation-id index for `relationIDs` of its
    /// relations (the assembler indexes a big list's ids apart, `indexIDs(of:)`: room reserved here
    /// for them would stand beside that index unused).
    mutating func reserveCapacity(entities e: Int, relations r: Int, relationIDs: Int) {
        entities.reserveCapacity(e); entityIndex.reserveCapacity(e)
        if rows == nil { outAdjacency.reserveCapacity(e); inAdjacency.reserveCapacity(e) }
        // Not the relations themselves: a big file's list is taken over whole (`append(checked:)`),
        // and room reserved here stood beside it until then, the peak of a load (120 MB at 1,000,000).
        if relationIDs > 0 { ownRelationIndex(); relationIndex.slots!.reserveCapacity(relationIDs) }
        tails.reserveCapacity(r); heads.reserveCapacity(r)
    }

    public var entityCount: Int { entities.count }
    public var relationCount: Int { relations.count }

    // MARK: Adding

    /// Adds a document.
    public mutating func add(_ document: Document) throws(GraphError) {
        guard documentIndex.insert(document.id).inserted else { throw .duplicateDocument(document.id) }
        documents.append(document)
    }

    /// Adds an entity and returns its index.
    /// - Complexity: amortised O(1).
    @discardableResult
    public mutating func add(_ entity: consuming Entity) throws(GraphError) -> Int32 {
        guard entityIndex.insert(entity.id).inserted else { throw .duplicateEntity(entity.id) }
        let i = Int32(entities.count)
        unpackRows()
        entities.append(entity)
        outAdjacency.append([])
        inAdjacency.append([])
        return i
    }

    /// Adds a relation between two existing entities and returns its index.
    /// - Complexity: amortised O(1).
    @discardableResult
    public mutating func add(_ relation: Relation) throws(GraphError) -> Int32 {
        guard index(ofRelation: relation.id) == nil else { throw .duplicateRelation(relation.id) }
        guard let s = entityIndex.find(relation.source) else { throw .unknownEntity(relation.source) }
        guard let t = entityIndex.find(relation.target) else { throw .unknownEntity(relation.target) }
        return try add(relation, source: s, target: t)
    }

    /// Adds a relation whose ends the caller has already looked up (`s` and `t` must be the indices
    /// of `relation.source` and `relation.target`).
    @discardableResult
    mutating func add(_ relation: Relation, source s: Int32, target t: Int32) throws(GraphError) -> Int32 {
        let r = Int32(relations.count)
        ownRelationIndex()
        let inserted = relations.withUnsafeBufferPointer { held in
            relation.withIDBytes { id in relationIndex.slots!.insert(bytes: id) { Relation.hasID(of: held.baseAddress! + Int($0), id) }.inserted }
        }
        guard inserted else { throw .duplicateRelation(relation.id) }
        unpackRows()
        relations.append(relation)
        tails.append(s)
        heads.append(t)
        outAdjacency[Int(s)].append(r)
        inAdjacency[Int(t)].append(r)
        return r
    }

    /// Appends relations whose ends the caller has checked (`tails[i]` and `heads[i]` are the
    /// indices of `list[i].source` and `list[i].target`), taking over `list`'s storage when the graph
    /// has no relation yet, so a big file's relations are never held twice. Ends are re-pointed at
    /// the entities' own id strings, so a million relations share a hundred thousand ids instead of
    /// holding two million copies.
    /// `indexed`: `indexIDs(of: list)`, made beforehand (on another thread); used when the graph
    /// has no relation yet, else the ids are indexed here. `idsDiffer`: no two of `list` have the
    /// same id (its reader made them so, `GraphFragment.relationIDsUnique`); a graph with no
    /// relation yet then indexes them only when a relation is first looked up by id.
    /// Returns the relations refused because their id was taken.
    /// - Complexity: O(list.count), and O(V) more when the graph had no relation.
    mutating func append(checked list: consuming [Relation], tails t: [Int32], heads h: [Int32],
                         indexed: RelationIDs? = nil, idsDiffer: Bool = false) -> [Relation] {
        precondition(list.count == t.count && list.count == h.count)
        let base = relations.count
        let duplicates: [Int]
        if idsDiffer && base == 0 {
            relationIndex = RelationIndex(slots: nil)
            duplicates = []
        } else if let indexed, base == 0 {
            precondition(indexed.count == list.count, "indexIDs(of:) of another list")
            relationIndex = RelationIndex(slots: indexed.index)
            duplicates = indexed.duplicates
        } else {
            ownRelationIndex()
            duplicates = Self.index(list, after: relations, in: &relationIndex.slots!)
        }
        var t = t, h = h
        let refusedRelations = duplicates.map { list[$0] }
        if !duplicates.isEmpty {
            let refused = Set(duplicates)
            var kept: [Relation] = []
            kept.reserveCapacity(list.count - duplicates.count)
            for i in list.indices where !refused.contains(i) { kept.append(list[i]) }
            list = kept
            t = t.indices.filter { !refused.contains($0) }.map { t[$0] }
            h = h.indices.filter { !refused.contains($0) }.map { h[$0] }
        }
        if relations.isEmpty { relations = list } else { relations.append(contentsOf: list) }
        // Taken over when the graph had none: room reserved here was never touched, while appending
        // would fill it beside the caller's arrays (8 MB at 1,000,000 relations, at the load's peak).
        if tails.isEmpty { tails = t; heads = h } else { tails += t; heads += h }
        repointEnds(from: base)
        if base == 0 {
            // Every list is empty: lay the rows out (a counting sort, in order through memory)
            // instead of growing 2V arrays one relation at a time.
            outAdjacency = []
            inAdjacency = []
            rows = AdjacencyRows(entityCount: entities.count, tails: tails, heads: heads)
        } else {
            unpackRows()
            for i in base..<relations.count {
                outAdjacency[Int(tails[i])].append(Int32(i))
                inAdjacency[Int(heads[i])].append(Int32(i))
            }
        }
        return refusedRelations
    }

    /// Before a change to the relation-id index: makes it if it was left to be made when first
    /// needed, and makes it this graph's own.
    private mutating func ownRelationIndex() {
        if !isKnownUniquelyReferenced(&relationIndex) {
            relationIndex = relationIndex.copy(for: relations)
        } else if relationIndex.slots == nil {
            relationIndex.slots = RelationIndex.slots(of: relations)
        }
    }

    /// Points the ends of relations `from...` at their entities' id strings. Through buffers: the
    /// array subscripts checked both arrays' uniqueness per relation (6 calls each).
    private mutating func repointEnds(from base: Int) {
        entities.withUnsafeBufferPointer { entities in
            tails.withUnsafeBufferPointer { tails in
                heads.withUnsafeBufferPointer { heads in
                    relations.withUnsafeMutableBufferPointer { relations in
                        for i in base..<relations.count {
                            relations[i].repoint(source: entities[Int(tails[i])].id, target: entities[Int(heads[i])].id)
                        }
                    }
                }
            }
        }
    }

    /// A list's relation ids indexed ahead of `append(checked:tails:heads:indexed:)`.
    struct RelationIDs: Sendable {
        fileprivate let index: IDSlots
        /// Positions in the list of the relations whose id an earlier one has.
        fileprivate let duplicates: [Int]
        fileprivate let count: Int
    }

    /// Indexes `list`'s relation ids as `append(checked:...)` would for a graph with no relation
    /// yet; it reads nothing of the graph, so the assembler calls it on another thread.
    static func indexIDs(of list: [Relation]) -> RelationIDs {
        var index = IDSlots(capacity: list.count)
        let duplicates = Self.index(list, after: [], in: &index)
        return RelationIDs(index: index, duplicates: duplicates, count: list.count)
    }

    // MARK: Looking up

    // The lookups the assembler makes per relation are inlined: called, they took a copy of the
    // whole graph value first (336 bytes, twice per relation) when the caller was mutating it.

    /// The index of the entity with this id.
    @inline(__always) public func index(ofEntity id: String) -> Int32? { entityIndex.find(id) }

    /// The position of the document with this id among `documents`.
    @inline(__always) public func index(ofDocument id: String) -> Int? { documentIndex.find(id).map(Int.init) }

    /// The index of the relation with this id.
    /// - Complexity: O(length of `id`), amortised; the first lookup after a load O(relations).
    public func index(ofRelation id: String) -> Int32? { relationIndex.find(id, in: relations) }

    /// The entity with this id.
    public func entity(id: String) -> Entity? { entityIndex.find(id).map { entities[Int($0)] } }

    /// The document with this id.
    public func document(id: String) -> Document? { documentIndex.find(id).map { documents[Int($0)] } }

    /// The entity at an index.
    public func entity(at index: Int32) -> Entity { entities[Int(index)] }

    /// The relation at an index.
    public func relation(at index: Int32) -> Relation { relations[Int(index)] }

    /// Entity index of a relation's source.
    public func sourceIndex(ofRelation r: Int32) -> Int32 { tails[Int(r)] }

    /// Entity index of a relation's target.
    public func targetIndex(ofRelation r: Int32) -> Int32 { heads[Int(r)] }

    /// Relations leaving an entity, in insertion order.
    /// - Complexity: O(degree).
    public func outgoing(_ entity: Int32) -> [Int32] { rows == nil ? outAdjacency[Int(entity)] : Array(outRelations(entity)) }

    /// Relations arriving at an entity, in insertion order.
    /// - Complexity: O(degree).
    public func incoming(_ entity: Int32) -> [Int32] { rows == nil ? inAdjacency[Int(entity)] : Array(inRelations(entity)) }

    /// `outgoing(_:)` without a copy, for searches that visit many entities.
    func outRelations(_ entity: Int32) -> ArraySlice<Int32> {
        guard let rows else { return outAdjacency[Int(entity)][...] }
        return rows.outRelation[Int(rows.outStart[Int(entity)])..<Int(rows.outStart[Int(entity) + 1])]
    }

    /// `incoming(_:)` without a copy, for searches that visit many entities.
    func inRelations(_ entity: Int32) -> ArraySlice<Int32> {
        guard let rows else { return inAdjacency[Int(entity)][...] }
        return rows.inRelation[Int(rows.inStart[Int(entity)])..<Int(rows.inStart[Int(entity) + 1])]
    }

    /// Number of relations touching an entity (a self-loop counts twice).
    public func degree(_ entity: Int32) -> Int { outRelations(entity).count + inRelations(entity).count }

    /// Lays the adjacency out contiguously (compressed sparse rows, each relation beside its other
    /// end) so that breadth-first searches read memory in order. Loading does it once; any later
    /// change drops it until the next call. Queries give the same answers with or without it.
    /// - Complexity: O(V + E) time and memory.
    public mutating func compact() {
        // Every change drops the rows, so rows still here are current.
        guard rows == nil else { return }
        rows = AdjacencyRows(entityCount: entities.count, tails: tails, heads: heads)
        outAdjacency = []
        inAdjacency = []
    }

    /// Before a change: the lists again, cut from the rows, which the change would leave stale.
    private mutating func unpackRows() {
        guard let laid = rows else { return }
        outAdjacency = laid.outLists()
        inAdjacency = laid.inLists()
        rows = nil
    }

    /// Traps when the indices and adjacency lists disagree; tests call it after mutations.
    public func checkInvariants() {
        precondition(entityIndex.count == entities.count)
        // The lists or the rows, never both.
        precondition(rows == nil ? outAdjacency.count == entities.count && inAdjacency.count == entities.count
                                 : outAdjacency.isEmpty && inAdjacency.isEmpty)
        precondition(tails.count == relations.count && heads.count == relations.count)
        for (i, e) in entities.enumerated() { precondition(entityIndex.find(e.id) == Int32(i)) }
        var outSeen = 0, inSeen = 0
        for (i, r) in relations.enumerated() {
            precondition(index(ofRelation: r.id) == Int32(i))
            precondition(entities[Int(tails[i])].id == r.source && entities[Int(heads[i])].id == r.target)
        }
        if let rows {
            precondition(rows.outStart.count == entities.count + 1 && rows.inStart.count == entities.count + 1)
        }
        for e in 0..<entities.count {
            // Each entity's relations in index order, the order both layouts keep.
            let out = outRelations(Int32(e)), into = inRelations(Int32(e))
            precondition(out.allSatisfy { tails[Int($0)] == Int32(e) } && zip(out, out.dropFirst()).allSatisfy { $0 < $1 })
            precondition(into.allSatisfy { heads[Int($0)] == Int32(e) } && zip(into, into.dropFirst()).allSatisfy { $0 < $1 })
            outSeen += out.count
            inSeen += into.count
            if let rows {
                let o = Int(rows.outStart[e])..<Int(rows.outStart[e + 1]), i = Int(rows.inStart[e])..<Int(rows.inStart[e + 1])
                precondition(o.allSatisfy { rows.outOther[$0] == heads[Int(rows.outRelation[$0])] })
                precondition(i.allSatisfy { rows.inOther[$0] == tails[Int(rows.inRelation[$0])] })
            }
        }
        precondition(outSeen == relations.count && inSeen == relations.count)
    }
}

/// A graph's relation-id index, or nothing yet when it is to be made on the first lookup: held by
/// reference so that a lookup, which does not change the graph, can make it. Graphs that share one
/// have the same relations; a change takes its own copy first (`Graph.ownRelationIndex`).
private final class RelationIndex: @unchecked Sendable {
    // Guards `slots` while graphs on several threads share this index and one of them makes it.
    private let lock = NSLock()
    /// Entry `i` is relation `i`; nil until made.
    var slots: IDSlots?

    init(slots: IDSlots? = IDSlots()) { self.slots = slots }

    /// A copy of its own, the index made first when it was not yet.
    func copy(for relations: [Relation]) -> RelationIndex {
        RelationIndex(slots: made(for: relations))
    }

    /// The index of the relation of `relations` (the graph's) whose id is `id`.
    func find(_ id: String, in relations: [Relation]) -> Int32? {
        let slots = made(for: relations)
        return relations.withUnsafeBufferPointer { held in slots.find(id) { held[Int($0)].id } }
    }

    private func made(for relations: [Relation]) -> IDSlots {
        lock.lock()
        defer { lock.unlock() }
        if slots == nil { slots = Self.slots(of: relations) }
        return slots!
    }

    /// The ids of `relations`, which differ, indexed by relation.
    static func slots(of relations: [Relation]) -> IDSlots {
        var slots = IDSlots(capacity: relations.count)
        relations.withUnsafeBufferPointer { held in
            for i in held.indices {
                let fresh = Relation.withIDBytes(of: held.baseAddress! + i) { id in
                    slots.insert(bytes: id, as: Int32(i)) { Relation.hasID(of: held.baseAddress! + Int($0), id) }
                }
                assert(fresh, "relation id '\(held[i].id)' taken twice, yet the graph was told they differ")
            }
        }
        return slots
    }
}

/// Adjacency in compressed sparse rows: entity `e`'s outgoing relations are
/// `outRelation[outStart[e]..<outStart[e + 1]]` in insertion order, with the entity each one
/// reaches at the same position in `outOther`; likewise for incoming relations.
struct AdjacencyRows: Sendable {
    let outStart: [Int32]
    let outRelation: [Int32]
    let outOther: [Int32]
    let inStart: [Int32]
    let inRelation: [Int32]
    let inOther: [Int32]

    /// The rows of relations `0..<tails.count` with these ends. An entity's relations come out in
    /// index order, the order its adjacency lists keep, so these are the rows of those lists.
    init(entityCount: Int, tails: [Int32], heads: [Int32]) {
        (outStart, outRelation, outOther) = Self.lay(entityCount, by: tails, other: heads)
        (inStart, inRelation, inOther) = Self.lay(entityCount, by: heads, other: tails)
    }

    /// A counting sort of the relations by `ends`.
    private static func lay(_ entityCount: Int, by ends: [Int32], other: [Int32]) -> ([Int32], [Int32], [Int32]) {
        var start = [Int32](repeating: 0, count: entityCount + 1)
        for e in ends { start[Int(e) + 1] += 1 }
        for e in 0..<entityCount { start[e + 1] += start[e] }
        var next = start
        var relation = [Int32](repeating: 0, count: ends.count)
        var reached = [Int32](repeating: 0, count: ends.count)
        ends.withUnsafeBufferPointer { ends in
            other.withUnsafeBufferPointer { other in
                next.withUnsafeMutableBufferPointer { next in
                    relation.withUnsafeMutableBufferPointer { relation in
                        reached.withUnsafeMutableBufferPointer { reached in
                            for r in 0..<ends.count {
                                let e = Int(ends[r])
                                let at = Int(next[e])
                                next[e] += 1
                                relation[at] = Int32(r)
                                reached[at] = other[r]
                            }
                        }
                    }
                }
            }
        }
        return (start, relation, reached)
    }

    /// Each entity's outgoing relations as its own array.
    func outLists() -> [[Int32]] { Self.lists(outStart, outRelation) }

    /// Each entity's incoming relations as its own array.
    func inLists() -> [[Int32]] { Self.lists(inStart, inRelation) }

    private static func lists(_ start: [Int32], _ relation: [Int32]) -> [[Int32]] {
        (0..<start.count - 1).map { e in
            let from = Int(start[e]), to = Int(start[e + 1])
            return from == to ? [] : Array(relation[from..<to])
        }
    }
}

extension Graph {
    /// Indexes `list`'s ids as the relations that follow `held` (whose ids are in `index`), a
    /// refused relation taking no number; returns the positions of the refused ones.
    fileprivate static func index(_ list: [Relation], after held: [Relation], in index: inout IDSlots) -> [Int] {
        var duplicates: [Int] = []
        // Where in `list` the relations numbered from the first refused one stand.
        var kept: [Int] = []
        held.withUnsafeBufferPointer { held in
            list.withUnsafeBufferPointer { list in
                let base = held.count
                func has(_ e: Int32, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
                    let k = Int(e) - base
                    if k < 0 { return Relation.hasID(of: held.baseAddress! + Int(e), id) }
                    return Relation.hasID(of: list.baseAddress! + (duplicates.isEmpty || k < duplicates[0] ? k : kept[k - duplicates[0]]), id)
                }
                for i in list.indices {
                    if Relation.withIDBytes(of: list.baseAddress! + i, { id in index.insert(bytes: id) { has($0, id) }.inserted }) {
                        if !duplicates.isEmpty { kept.append(i) }
                    } else {
                        duplicates.append(i)
                    }
                }
            }
        }
        return duplicates
    }
}
