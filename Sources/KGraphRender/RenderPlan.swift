import KGraph

/// What `kgraph render` was asked to draw: a selection, optionally paths to draw strongly, and how.
public struct RenderRequest: Sendable {
    /// Which entities and relations to draw.
    public var selection: Selection
    /// Paths (as `Graph.findPaths` found them) drawn strongly over the rest, or nil.
    public var paths: PathAnswer?
    /// With `paths`: draw only the paths, left to right.
    public var onlyPath = false
    /// The layout engine asked for; nil chooses by size.
    public var engine: LayoutEngine?
    /// The output format.
    public var kind: OutputKind = .svg
    /// The title on top; nil for the graph's own title, "" for none.
    public var title: String?
    /// Edge labels on (true) or off (false); nil decides by the number of edges.
    public var edgeLabels: Bool?
    /// One edge per relation instead of one per type between the same two entities.
    public var allRelations = false
    /// Boxes around entities of the same country or kind.
    public var clusterBy: DOTClusterKey?
    /// The legend and the line under the title.
    public var legend = true

    /// A request to draw `selection` as `kind`.
    public init(selection: Selection, kind: OutputKind = .svg) {
        self.selection = selection
        self.kind = kind
    }
}

/// Everything decided before Graphviz lays the picture out: the DOT text, the engine, and notes
/// for the user (engine chosen by size, labels left off...).
public struct RenderPlan: Sendable {
    /// Above this many drawn edges, edge labels are left off unless asked for.
    public static let edgeLabelLimit = 1000

    /// The DOT text to lay out.
    public let dot: String
    /// The engine that lays it out.
    public let engine: LayoutEngine
    /// Notes worth telling the user, one sentence each.
    public let notes: [String]
    /// The graph drawn (the selection, with any paths added).
    public let drawn: Graph
    /// The drawn edges in DOT order: with `DOTOptions.elementIDs`, edge `kg-eN` is `edges[N]`.
    public let edges: [DOTEdgeGroup]
    /// For an HTML page too big to lay out: why (the page says so instead of drawing); else nil.
    public let refusal: String?
    /// The title and the line under it (what was selected); an HTML page shows them above the drawing.
    public let caption: (title: String, subtitle: String)

    /// Plans the picture `request` asks for of `full`.
    /// - Throws: `RenderPlanError` when nothing is left to draw or the picture is too big to lay out.
    public init(_ request: RenderRequest, of full: Graph) throws {
        let (picked, subtitle, highlight, endpoints) = try Self.pick(request, of: full)
        let g = picked.graph(from: full)
        let edges = DOTWriter.edgeGroups(g, collapse: !request.allRelations), groups = edges.count
        self.drawn = g
        self.edges = edges
        var notes: [String] = []
        var chosen = request.engine ?? .dot
        var refusal: String?
        if request.engine == nil {
            refusal = LayoutEngine.refusal(entities: g.entityCount, edges: groups)
            // A page still lets the reader search and read the evidence; it says why nothing is drawn.
            if let refusal, request.kind != .dot && request.kind != .html { throw RenderPlanError.tooBig(refusal) }
            let auto = LayoutEngine.automatic(entities: g.entityCount, edges: groups)
            chosen = auto.engine
            if let reason = auto.reason { notes.append(reason) }
        }
        var drawEdgeLabels = request.edgeLabels ?? true
        if request.edgeLabels == nil && groups > Self.edgeLabelLimit {
            drawEdgeLabels = false
            notes.append("\(groups) edges: edge labels left off (unreadable at this size, and they double the "
                         + "layout time); the tooltips keep them, --edge-labels draws them")
        }
        if request.clusterBy != nil && ![.dot, .fdp].contains(chosen) {
            notes.append("--cluster-by draws boxes only with the dot and fdp engines, not \(chosen.rawValue)")
        }
        let page = request.kind == .html
        self.caption = (request.title ?? full.title ?? "", subtitle)
        var options = DOTOptions(
            title: page ? "" : request.title,
            subtitle: request.legend && !page ? subtitle : nil,
            edgeLabels: drawEdgeLabels,
            collapseParallel: !request.allRelations,
            clusterBy: request.clusterBy,
            clusterLabels: Dictionary(g.entities.compactMap { e in e.country.flatMap { full.entity(id: $0) }.map { ($0.id, $0.name) } },
                                      uniquingKeysWith: { a, _ in a }),
            focus: Set((picked.focus + endpoints).map { full.entity(at: $0).id }),
            highlight: highlight,
            legend: request.legend && !page,  // the page draws its own, which follows the filters
            engine: chosen.rawValue,
            leftToRight: request.onlyPath)
        options.elementIDs = page
        options.tooltips = !page  // the page's panel shows the evidence
        self.dot = page && refusal != nil ? "" : DOTWriter.dot(g, options: options)
        self.engine = chosen
        self.notes = notes
        self.refusal = page ? refusal : nil
    }

    /// The entities and relations to draw, the line under the title, what to highlight and the
    /// path ends (drawn as focus entities).
    private static func pick(_ request: RenderRequest, of full: Graph) throws
        -> (Subgraph, String, DOTHighlight?, [Int32]) {
        var picked: Subgraph
        do { picked = try request.selection.apply(to: full) } catch { throw RenderPlanError.selection("\(error)") }
        var subtitle = request.selection.summary(of: picked, in: full)
        if picked.relations.isEmpty, let window = request.selection.window.summary {
            throw RenderPlanError.nothingToDraw("nothing to draw: no relation falls in the time window (\(window))")
        }
        var highlight: DOTHighlight?
        var endpoints: [Int32] = []
        if let answer = request.paths, !answer.paths.isEmpty {
            let entities = answer.paths.flatMap(\.entities), relations = answer.paths.flatMap { $0.hops.map(\.relation) }
            picked = request.onlyPath
                ? Subgraph(entities: Array(Set(entities)).sorted(), relations: Array(Set(relations)).sorted())
                : picked.adding(entities: entities, relations: relations, of: full)
            highlight = request.onlyPath ? nil : DOTHighlight(entities: Set(entities.map { full.entity(at: $0).id }),
                                                              relations: Set(relations.map { full.relation(at: $0).id }))
            endpoints = answer.paths.flatMap { [$0.start, $0.end] }
            subtitle = describe(answer, in: full) + (request.onlyPath ? "" : " · " + subtitle)
        }
        guard !picked.entities.isEmpty else {
            throw RenderPlanError.nothingToDraw("nothing to draw: the selection keeps no entity (\(subtitle))")
        }
        return (picked, subtitle, highlight, endpoints)
    }

    /// `shortest path from United States to Tower 22: 2 hops`, or `3 shortest paths ... (2-4 hops)`.
    static func describe(_ a: PathAnswer, in g: Graph) -> String {
        func name(_ e: Endpoint) -> String { e.isSet ? "\"\(e.text)\"" : e.entities.first.map { g.entity(at: $0).name } ?? e.text }
        let lengths = a.paths.map(\.length)
        let hops = lengths.min() == lengths.max() ? "\(lengths[0])" : "\(lengths.min()!)-\(lengths.max()!)"
        let what = a.paths.count == 1 ? "shortest path" : "\(a.paths.count) shortest paths"
        return "\(what) from \(name(a.from)) to \(name(a.to)): \(hops) hop" + (hops == "1" ? "" : "s")
    }
}

/// Why a picture was not planned.
public enum RenderPlanError: Error, CustomStringConvertible {
    /// The selection named an unknown entity, kind or type.
    case selection(String)
    /// The selection keeps no entity.
    case nothingToDraw(String)
    /// Too big to lay out without an explicit engine; the text says what to do instead.
    case tooBig(String)

    public var description: String {
        switch self {
        case .selection(let m), .nothingToDraw(let m), .tooBig(let m): return m
        }
    }
}
