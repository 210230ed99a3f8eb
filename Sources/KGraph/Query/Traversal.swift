/// Which way a traversal may follow a relation, seen from the entity it stands on.
public enum TraversalDirection: String, Sendable, CaseIterable {
    /// Source to target only.
    case outgoing
    /// Target to source only.
    case incoming
    /// Either way (the default: `A --backs--> B` links B to A as well).
    case both
}

/// The filters every traversal shares (paths, neighbourhoods): direction, relation types, entities
/// to avoid, entity kinds, a hop limit, a time window and the strength of the evidence.
///
///     var o = TraversalOptions()
///     o.relationTypes = ["backs", "attacked"]
///     o.window = TimeWindow(since: PartialDate("2024"))
///     graph.shortestPaths(from: [irgc], to: bases, options: o)
public struct TraversalOptions: Hashable, Sendable {
    public var direction: TraversalDirection
    /// Follow only relations of these types (nil: any type).
    public var relationTypes: Set<String>?
    /// Never follow relations of these types.
    public var excludedTypes: Set<String>
    /// Never step onto these entities.
    public var avoidedEntities: Set<Int32>
    /// Step only onto entities of these kinds (nil: any kind). Start entities always count.
    public var entityKinds: Set<String>?
    /// The most relations a path may follow, or the greatest distance a neighbourhood reaches.
    public var maxHops: Int
    public var window: TimeWindow
    /// Assertions, minimum confidence, added facts.
    public var strength: StrengthFilter
    /// Paths only: follow only sequences of relations whose dates do not go back in time (see
    /// `ChronologicalSearch`); undated relations only with `window.includeUndated`.
    public var chronological = false

    public init(direction: TraversalDirection = .both, relationTypes: Set<String>? = nil,
                excludedTypes: Set<String> = [], avoidedEntities: Set<Int32> = [], entityKinds: Set<String>? = nil,
                maxHops: Int = 6, window: TimeWindow = TimeWindow(), strength: StrengthFilter = StrengthFilter()) {
        self.direction = direction
        self.relationTypes = relationTypes
        self.excludedTypes = excludedTypes
        self.avoidedEntities = avoidedEntities
        self.entityKinds = entityKinds
        self.maxHops = maxHops
        self.window = window
        self.strength = strength
    }

    /// Whether a relation passes the type, time and strength filters (direction aside).
    public func admits(_ r: Relation, in graph: Graph) -> Bool {
        if let only = relationTypes, !only.contains(r.type) { return false }
        if excludedTypes.contains(r.type) { return false }
        if !strength.admits(r) { return false }
        return window.admits(r, in: graph)
    }

    /// The limits in force, in words: `at most 6 hops, relations followed forward only, only via backs`.
    public func limitsDescription(in graph: Graph) -> String {
        var parts = ["at most \(maxHops) hop\(maxHops == 1 ? "" : "s")"]
        switch direction {
        case .outgoing: parts.append("relations followed forward only (--directed)")
        case .incoming: parts.append("relations followed backward only")
        case .both: break
        }
        if let only = relationTypes { parts.append("only via " + only.sorted().joined(separator: ", ")) }
        if !excludedTypes.isEmpty { parts.append("excluding " + excludedTypes.sorted().joined(separator: ", ")) }
        if !avoidedEntities.isEmpty {
            parts.append("avoiding " + avoidedEntities.sorted().map { graph.entity(at: $0).name }.joined(separator: ", "))
        }
        if let kinds = entityKinds { parts.append("only through " + kinds.sorted().joined(separator: ", ")) }
        if let w = window.summary { parts.append(w) }
        if chronological {
            parts.append(window.includeUndated ? "in time order (undated relations allowed)" : "in time order, dated relations only")
        }
        parts += strength.limits
        return parts.joined(separator: "; ")
    }
}

/// Options compiled against one graph: flat per-relation and per-entity flags, so a traversal tests
/// a relation with one array read instead of string comparisons.
struct CompiledTraversal {
    let graph: Graph
    let direction: TraversalDirection
    /// Per relation: bit 0 admitted, bit 1 symmetric type (followed both ways even when directed).
    /// Nil when every relation is admitted and none is symmetric (or direction is `.both`).
    let relationFlags: [UInt8]?
    /// Per entity: false when it may not be stepped onto. Nil when every entity may be.
    let enterable: [Bool]?

    static let admitted: UInt8 = 1
    static let symmetric: UInt8 = 2

    /// - Complexity: O(1) without relation filters; O(relations) with them (one hash lookup each).
    init(_ options: TraversalOptions, graph: Graph) {
        self.graph = graph
        direction = options.direction
        let filtersRelations = options.relationTypes != nil || !options.excludedTypes.isEmpty
            || !options.strength.isUnbounded || !options.window.isUnbounded
        let symmetricTypes = Set(graph.vocabulary.types.filter(\.symmetric).map(\.id))
        let needsSymmetry = options.direction != .both && !symmetricTypes.isEmpty
        if filtersRelations || needsSymmetry {
            // Decide once per type, then once per relation for time and confidence.
            var byType: [String: UInt8] = [:]
            var flags = [UInt8](repeating: 0, count: graph.relationCount)
            // Fields are read in place (`relations[i].type`): copying whole relations would cost more than the test.
            let relations = graph.relations
            for i in relations.indices {
                let type = relations[i].type
                let typeFlags: UInt8
                if let f = byType[type] { typeFlags = f } else {
                    var f: UInt8 = 0
                    if options.relationTypes?.contains(type) ?? true, !options.excludedTypes.contains(type) {
                        f |= Self.admitted
                    }
                    if needsSymmetry && symmetricTypes.contains(type) { f |= Self.symmetric }
                    byType[type] = f
                    typeFlags = f
                }
                var f = typeFlags
                if f & Self.admitted != 0
                    && (!options.strength.admits(relations[i]) || !options.window.admits(relations[i], in: graph)) {
                    f &= ~Self.admitted
                }
                flags[i] = f
            }
            relationFlags = flags
        } else {
            relationFlags = nil
        }
        if !options.avoidedEntities.isEmpty || options.entityKinds != nil {
            var e = [Bool](repeating: true, count: graph.entityCount)
            if let kinds = options.entityKinds {
                for i in 0..<graph.entityCount where !kinds.contains(graph.entities[i].kind) { e[i] = false }
            }
            for a in options.avoidedEntities where Int(a) < e.count { e[Int(a)] = false }
            enterable = e
        } else {
            enterable = nil
        }
    }

    @inline(__always) func isAdmitted(_ r: Int32) -> Bool {
        guard let f = relationFlags else { return true }
        return f[Int(r)] & Self.admitted != 0
    }

    @inline(__always) func canEnter(_ e: Int32) -> Bool { enterable?[Int(e)] ?? true }

    /// Whether `r` may be followed from its source to its target.
    @inline(__always) func followsForward(_ r: Int32) -> Bool {
        guard isAdmitted(r) else { return false }
        if direction != .incoming { return true }
        return relationFlags.map { $0[Int(r)] & Self.symmetric != 0 } ?? false
    }

    /// Whether `r` may be followed from its target to its source.
    @inline(__always) func followsBackward(_ r: Int32) -> Bool {
        guard isAdmitted(r) else { return false }
        if direction != .outgoing { return true }
        return relationFlags.map { $0[Int(r)] & Self.symmetric != 0 } ?? false
    }

    /// The entity relation `r` leads to when taken out of (`outgoing`) or into the entity it was
    /// reached from: its target or its source; nil when this traversal does not follow it that way.
    @inline(__always) func neighbor(across r: Int32, outgoing: Bool, in g: Graph) -> Int32? {
        if outgoing { return followsForward(r) ? g.targetIndex(ofRelation: r) : nil }
        return followsBackward(r) ? g.sourceIndex(ofRelation: r) : nil
    }
}
