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

    private var documentIndex: [String: Int] = [:]
    private var entityIndex: [String: Int32] = [:]
    private var relationIndex: [String: Int32] = [:]
    /// Source and target entity index of each relation.
    private var tails: [Int32] = []
    private var heads: [Int32] = []
    private var outAdjacency: [[Int32]] = []
    private var inAdjacency: [[Int32]] = []
    /// The same adjacency laid out contiguously, with each relation's other end beside it, for
    /// searches over big graphs; built by `compact()`, dropped by any change.
    private(set) var rows: AdjacencyRows?

    public init(vocabulary: Vocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    /// Reserves room for a graph of this size.
    public mutating func reserveCapacity(entities e: Int, relations r: Int) {
        entities.reserveCapacity(e); entityIndex.reserveCapacity(e)
        outAdjacency.reserveCapacity(e); inAdjacency.reserveCapacity(e)
        relations.reserveCapacity(r); relationIndex.reserveCapacity(r)
        tails.reserveCapacity(r); heads.reserveCapacity(r)
    }

    public var entityCount: Int { entities.count }
    public var relationCount: Int { relations.count }

    // MARK: Adding

    /// Adds a document.
    public mutating func add(_ document: Document) throws(GraphError) {
        guard documentIndex[document.id] == nil else { throw .duplicateDocument(document.id) }
        documentIndex[document.id] = documents.count
        documents.append(document)
    }

    /// Adds an entity and returns its index.
    /// - Complexity: amortised O(1).
    @discardableResult
    public mutating func add(_ entity: Entity) throws(GraphError) -> Int32 {
        guard entityIndex[entity.id] == nil else { throw .duplicateEntity(entity.id) }
        let i = Int32(entities.count)
        entityIndex[entity.id] = i
        entities.append(entity)
        outAdjacency.append([])
        inAdjacency.append([])
        rows = nil
        return i
    }

    /// Adds a relation between two existing entities and returns its index.
    /// - Complexity: amortised O(1).
    @discardableResult
    public mutating func add(_ relation: Relation) throws(GraphError) -> Int32 {
        guard relationIndex[relation.id] == nil else { throw .duplicateRelation(relation.id) }
        guard let s = entityIndex[relation.source] else { throw .unknownEntity(relation.source) }
        guard let t = entityIndex[relation.target] else { throw .unknownEntity(relation.target) }
        return try add(relation, source: s, target: t)
    }

    /// Adds a relation whose ends the caller has already looked up (`s` and `t` must be the indices
    /// of `relation.source` and `relation.target`).
    @discardableResult
    mutating func add(_ relation: Relation, source s: Int32, target t: Int32) throws(GraphError) -> Int32 {
        let r = Int32(relations.count)
        // One hash lookup for the common case; a duplicate puts the first relation's index back.
        if let first = relationIndex.updateValue(r, forKey: relation.id) {
            relationIndex[relation.id] = first
            throw .duplicateRelation(relation.id)
        }
        relations.append(relation)
        tails.append(s)
        heads.append(t)
        outAdjacency[Int(s)].append(r)
        inAdjacency[Int(t)].append(r)
        rows = nil
        return r
    }

    /// Appends relations whose ends the caller has checked (`tails[i]` and `heads[i]` are the
    /// indices of `list[i].source` and `list[i].target`), taking over `list`'s storage when the graph
    /// has no relation yet, so a big file's relations are never held twice. Ends are re-pointed at
    /// the entities' own id strings, so a million relations share a hundred thousand ids instead of
    /// holding two million copies. Returns the relations refused because their id was taken.
    /// - Complexity: O(list.count).
    mutating func append(checked list: consuming [Relation], tails t: [Int32], heads h: [Int32]) -> [Relation] {
        precondition(list.count == t.count && list.count == h.count)
        let base = relations.count
        var duplicates: [Int] = []
        for i in list.indices {
            let r = Int32(base + i - duplicates.count)
            if let first = relationIndex.updateValue(r, forKey: list[i].id) {
                relationIndex[list[i].id] = first
                duplicates.append(i)
            }
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
        tails += t
        heads += h
        for i in base..<relations.count {
            let s = Int(tails[i]), o = Int(heads[i])
            relations[i].source = entities[s].id
            relations[i].target = entities[o].id
            outAdjacency[s].append(Int32(i))
            inAdjacency[o].append(Int32(i))
        }
        rows = nil
        return refusedRelations
    }

    // MARK: Looking up

    /// The index of the entity with this id.
    public func index(ofEntity id: String) -> Int32? { entityIndex[id] }

    /// The position of the document with this id among `documents`.
    public func index(ofDocument id: String) -> Int? { documentIndex[id] }

    /// The index of the relation with this id.
    public func index(ofRelation id: String) -> Int32? { relationIndex[id] }

    /// The entity with this id.
    public func entity(id: String) -> Entity? { entityIndex[id].map { entities[Int($0)] } }

    /// The document with this id.
    public func document(id: String) -> Document? { documentIndex[id].map { documents[$0] } }

    /// The entity at an index.
    public func entity(at index: Int32) -> Entity { entities[Int(index)] }

    /// The relation at an index.
    public func relation(at index: Int32) -> Relation { relations[Int(index)] }

    /// Entity index of a relation's source.
    public func sourceIndex(ofRelation r: Int32) -> Int32 { tails[Int(r)] }

    /// Entity index of a relation's target.
    public func targetIndex(ofRelation r: Int32) -> Int32 { heads[Int(r)] }

    /// Relations leaving an entity, in insertion order.
    /// - Complexity: O(1).
    public func outgoing(_ entity: Int32) -> [Int32] { outAdjacency[Int(entity)] }

    /// Relations arriving at an entity, in insertion order.
    /// - Complexity: O(1).
    public func incoming(_ entity: Int32) -> [Int32] { inAdjacency[Int(entity)] }

    /// Number of relations touching an entity (a self-loop counts twice).
    public func degree(_ entity: Int32) -> Int {
        outAdjacency[Int(entity)].count + inAdjacency[Int(entity)].count
    }

    /// Lays the adjacency out contiguously (compressed sparse rows, each relation beside its other
    /// end) so that breadth-first searches read memory in order. Loading does it once; any later
    /// change drops it until the next call. Queries give the same answers with or without it.
    /// - Complexity: O(V + E) time and memory.
    public mutating func compact() {
        rows = AdjacencyRows(outAdjacency: outAdjacency, inAdjacency: inAdjacency, tails: tails, heads: heads)
    }

    /// Traps when the indices and adjacency lists disagree; tests call it after mutations.
    public func checkInvariants() {
        precondition(entityIndex.count == entities.count && outAdjacency.count == entities.count
                     && inAdjacency.count == entities.count)
        precondition(relationIndex.count == relations.count && tails.count == relations.count
                     && heads.count == relations.count)
        for (i, e) in entities.enumerated() { precondition(entityIndex[e.id] == Int32(i)) }
        var outSeen = 0, inSeen = 0
        for (i, r) in relations.enumerated() {
            precondition(relationIndex[r.id] == Int32(i))
            precondition(entities[Int(tails[i])].id == r.source && entities[Int(heads[i])].id == r.target)
        }
        for e in 0..<entities.count {
            for r in outAdjacency[e] { precondition(tails[Int(r)] == Int32(e)); outSeen += 1 }
            for r in inAdjacency[e] { precondition(heads[Int(r)] == Int32(e)); inSeen += 1 }
        }
        precondition(outSeen == relations.count && inSeen == relations.count)
        if let rows {
            precondition(rows.outStart.count == entities.count + 1 && rows.inStart.count == entities.count + 1)
            for e in 0..<entities.count {
                let out = Int(rows.outStart[e])..<Int(rows.outStart[e + 1]), into = Int(rows.inStart[e])..<Int(rows.inStart[e + 1])
                precondition(Array(rows.outRelation[out]) == outAdjacency[e] && Array(rows.inRelation[into]) == inAdjacency[e])
                precondition(out.allSatisfy { rows.outOther[$0] == heads[Int(rows.outRelation[$0])] })
                precondition(into.allSatisfy { rows.inOther[$0] == tails[Int(rows.inRelation[$0])] })
            }
        }
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

    init(outAdjacency: [[Int32]], inAdjacency: [[Int32]], tails: [Int32], heads: [Int32]) {
        func lay(_ lists: [[Int32]], other: [Int32]) -> ([Int32], [Int32], [Int32]) {
            var start: [Int32] = []
            start.reserveCapacity(lists.count + 1)
            var relation: [Int32] = []
            relation.reserveCapacity(other.count)
            var ends: [Int32] = []
            ends.reserveCapacity(other.count)
            start.append(0)
            for list in lists {
                for r in list {
                    relation.append(r)
                    ends.append(other[Int(r)])
                }
                start.append(Int32(relation.count))
            }
            return (start, relation, ends)
        }
        (outStart, outRelation, outOther) = lay(outAdjacency, other: heads)
        (inStart, inRelation, inOther) = lay(inAdjacency, other: tails)
    }
}
