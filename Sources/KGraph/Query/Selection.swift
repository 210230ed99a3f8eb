/// Which part of a graph to draw or export: an ego network around some entities, entity kinds,
/// relation types, a time window and the strength of the evidence. The empty selection keeps everything.
///
///     var s = Selection()
///     s.focus = ["Kataib Hezbollah"]; s.depth = 1
///     s.types = ["backs", "attacked"]
///     let sub = try s.apply(to: graph)        // indices into `graph`
///     let small = sub.graph(from: graph)      // a new Graph, ready for any writer
///
/// Rules, in order:
/// 1. A relation counts when its type is one of `types` (any, when empty), `window` admits it
///    (see `TimeWindow`: with `since`/`until`, undated relations count only when asked for) and it
///    passes `strength`.
/// 2. An entity counts when its kind is one of `kinds` (any, when empty); focus entities always count.
/// 3. With `focus`, the entities within `depth` hops of a focus entity, following counted relations
///    between counted entities in both directions, are kept (an ego network).
/// 4. The kept relations are every counted relation between two kept entities.
/// 5. When a relation filter is set (`types`, a time window, `strength`), entities left without a kept
///    relation are dropped, except focus entities: `--type struck` draws who struck whom, not
///    every entity in the graph.
public struct Selection: Hashable, Sendable {
    /// Names (ids, names or aliases) to centre on; a name several entities share centres on all of them.
    public var focus: [String]
    /// How many hops from a focus entity to keep; only used with `focus`.
    public var depth: Int
    /// Entity kind ids to keep; empty keeps every kind.
    public var kinds: [String]
    /// Relation type ids to keep; empty keeps every type.
    public var types: [String]
    /// Which relations count by their time.
    public var window: TimeWindow
    /// Keep relations whose evidence passes this filter.
    public var strength: StrengthFilter

    public init(focus: [String] = [], depth: Int = 1, kinds: [String] = [], types: [String] = [],
                window: TimeWindow = TimeWindow(), strength: StrengthFilter = StrengthFilter()) {
        self.focus = focus
        self.depth = depth
        self.kinds = kinds
        self.types = types
        self.window = window
        self.strength = strength
    }

    /// True when the selection keeps the whole graph.
    public var isEverything: Bool {
        focus.isEmpty && kinds.isEmpty && !filtersRelations
    }

    /// True when relations are filtered by type, time or strength.
    public var filtersRelations: Bool { !types.isEmpty || !window.isUnbounded || !strength.isUnbounded }

    /// Whether relation `r` of `graph` passes the type, time and strength filters.
    public func counts(relation r: Relation, in graph: Graph) -> Bool {
        if !types.isEmpty && !types.contains(r.type) { return false }
        if !strength.admits(r) { return false }
        return window.admits(r, in: graph)
    }

    /// Checks the selection against a graph and returns the kept entities and relations.
    /// - Throws: `SelectionError` for an unknown name, kind or type, a negative depth or a window
    ///   that ends before it starts.
    /// - Complexity: O(entities + relations).
    public func apply(to graph: Graph, names: NameIndex? = nil) throws(SelectionError) -> Subgraph {
        try validate(against: graph)
        let n = graph.entityCount
        if isEverything {
            return Subgraph(entities: Array(0..<Int32(n)), relations: Array(0..<Int32(graph.relationCount)), focus: [])
        }

        // Focus entities, in the order named, without repeats.
        var focusIndices: [Int32] = []
        if !focus.isEmpty {
            let index = names ?? NameIndex(graph)
            var seen = Set<Int32>()
            for name in focus {
                let hits: [Int32]
                do { hits = try index.entities(named: name, graph: graph) } catch { throw .name(error) }
                for h in hits where seen.insert(h).inserted { focusIndices.append(h) }
            }
        }

        let kindSet = Set(kinds)
        var isFocus = [Bool](repeating: false, count: n)
        for f in focusIndices { isFocus[Int(f)] = true }
        var eligible = [Bool](repeating: true, count: n)
        if !kindSet.isEmpty {
            for i in 0..<n where !isFocus[i] { eligible[i] = kindSet.contains(graph.entity(at: Int32(i)).kind) }
        }
        var relationCounts = [Bool](repeating: true, count: graph.relationCount)
        if filtersRelations {
            for r in 0..<graph.relationCount { relationCounts[r] = counts(relation: graph.relation(at: Int32(r)), in: graph) }
        }

        // Breadth-first from the focus, both directions, up to `depth` hops.
        var kept = eligible
        if !focusIndices.isEmpty {
            kept = [Bool](repeating: false, count: n)
            var frontier = focusIndices
            for f in focusIndices { kept[Int(f)] = true }
            var level = 0
            while level < depth && !frontier.isEmpty {
                var next: [Int32] = []
                for e in frontier {
                    for r in graph.outRelations(e) where relationCounts[Int(r)] {
                        let o = graph.targetIndex(ofRelation: r)
                        if eligible[Int(o)] && !kept[Int(o)] { kept[Int(o)] = true; next.append(o) }
                    }
                    for r in graph.inRelations(e) where relationCounts[Int(r)] {
                        let o = graph.sourceIndex(ofRelation: r)
                        if eligible[Int(o)] && !kept[Int(o)] { kept[Int(o)] = true; next.append(o) }
                    }
                }
                frontier = next
                level += 1
            }
        }

        var relations: [Int32] = []
        var touched = [Bool](repeating: false, count: n)
        for r in 0..<Int32(graph.relationCount) where relationCounts[Int(r)] {
            let s = graph.sourceIndex(ofRelation: r), t = graph.targetIndex(ofRelation: r)
            if kept[Int(s)] && kept[Int(t)] {
                relations.append(r)
                touched[Int(s)] = true
                touched[Int(t)] = true
            }
        }
        var entities: [Int32] = []
        for i in 0..<n where kept[i] && (!filtersRelations || touched[i] || isFocus[i]) {
            entities.append(Int32(i))
        }
        return Subgraph(entities: entities, relations: relations, focus: focusIndices)
    }

    /// One line saying what the selection kept, for a picture's subtitle:
    /// `within 1 hop of Kata'ib Hezbollah · relations: struck · since 2024-01 · 9 entities, 14 relations`.
    public func summary(of subgraph: Subgraph, in graph: Graph) -> String {
        var parts: [String] = []
        if !subgraph.focus.isEmpty {
            let names = subgraph.focus.map { graph.entity(at: $0).name }
            let list = names.count <= 4 ? names.joined(separator: ", ")
                : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
            parts.append(depth == 0 ? list : "within \(depth) hop\(depth == 1 ? "" : "s") of " + list)
        }
        if !kinds.isEmpty { parts.append("kinds: " + kinds.map { graph.vocabulary.kind($0)?.label ?? $0 }.joined(separator: ", ")) }
        if !types.isEmpty { parts.append("relations: " + types.map { graph.vocabulary.type($0)?.label ?? $0 }.joined(separator: ", ")) }
        if let w = window.summary { parts.append(w) }
        parts += strength.limits
        let e = subgraph.entities.count, r = subgraph.relations.count
        parts.append("\(e) entit\(e == 1 ? "y" : "ies"), \(r) relation\(r == 1 ? "" : "s")")
        return parts.joined(separator: " · ")
    }

    private func validate(against graph: Graph) throws(SelectionError) {
        if depth < 0 { throw .negativeDepth(depth) }
        if window.endsBeforeItStarts, let since = window.since, let until = window.until {
            throw .emptyWindow(since: since, until: until)
        }
        if !kinds.isEmpty {
            let known = Set(graph.vocabulary.kinds.map(\.id)).union(graph.entities.map(\.kind))
            for k in kinds where !known.contains(k) {
                throw .unknownKind(k, known: graph.vocabulary.kinds.map(\.id))
            }
        }
        if !types.isEmpty {
            let known = Set(graph.vocabulary.types.map(\.id)).union(graph.relations.map(\.type))
            for t in types where !known.contains(t) {
                throw .unknownType(t, known: graph.vocabulary.types.map(\.id))
            }
        }
    }
}

/// The part of a graph a `Selection` keeps, as indices into that graph.
public struct Subgraph: Hashable, Sendable {
    /// Kept entity indices, ascending.
    public let entities: [Int32]
    /// Kept relation indices, ascending.
    public let relations: [Int32]
    /// The focus entities, in the order they were named (empty without a focus).
    public let focus: [Int32]

    public init(entities: [Int32], relations: [Int32], focus: [Int32] = []) {
        self.entities = entities
        self.relations = relations
        self.focus = focus
    }

    /// This subgraph with more entities and relations (say, a path) added; both stay ascending.
    /// A relation's two ends are added with it.
    public func adding(entities more: [Int32], relations moreRelations: [Int32], of graph: Graph) -> Subgraph {
        var e = Set(entities).union(more)
        for r in moreRelations {
            e.insert(graph.sourceIndex(ofRelation: r))
            e.insert(graph.targetIndex(ofRelation: r))
        }
        return Subgraph(entities: e.sorted(), relations: Set(relations).union(moreRelations).sorted(), focus: focus)
    }

    /// A new graph holding the kept entities and relations (same ids), with the original's title,
    /// description, vocabulary and documents.
    /// - Complexity: O(kept entities + kept relations + documents).
    public func graph(from original: Graph) -> Graph {
        var g = Graph(vocabulary: original.vocabulary)
        g.title = original.title
        g.description = original.description
        g.reserveCapacity(entities: entities.count, relations: relations.count)
        // The original graph had no duplicates and every kept relation's ends are kept.
        for d in original.documents { _ = try? g.add(d) }
        for e in entities { _ = try? g.add(original.entity(at: e)) }
        for r in relations { _ = try? g.add(original.relation(at: r)) }
        return g
    }
}

extension Graph {
    /// The part of this graph a selection keeps, as a new graph (same ids, vocabulary and documents).
    /// - Throws: `SelectionError`.
    public func selecting(_ selection: Selection) throws(SelectionError) -> Graph {
        if selection.isEverything { return self }
        return try selection.apply(to: self).graph(from: self)
    }
}

/// Why a selection could not be applied.
public enum SelectionError: Error, Equatable, CustomStringConvertible {
    /// A focus name did not resolve.
    case name(NameError)
    case unknownKind(String, known: [String])
    case unknownType(String, known: [String])
    case negativeDepth(Int)
    case emptyWindow(since: PartialDate, until: PartialDate)

    public var description: String {
        switch self {
        case .name(let e): return e.description
        case let .unknownKind(k, known): return "unknown entity kind '\(k)'; kinds: " + known.joined(separator: ", ")
        case let .unknownType(t, known): return "unknown relation type '\(t)'; types: " + known.joined(separator: ", ")
        case .negativeDepth(let d): return "depth must be 0 or more, not \(d)"
        case let .emptyWindow(since, until): return "the time window \(since)..\(until) ends before it starts"
        }
    }
}
