import ArgumentParser
import Foundation
import KGraph
import KGraphRender

/// `kgraph render`: the graph, or part of it, as a diagram laid out in-process by Graphviz.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the graph through Graphviz (in-process) as SVG, PNG, PDF or DOT.",
        discussion: """
            Entity kinds are drawn by shape and fill, relation types by colour and line style, as the \
            vocabulary says; a legend lists the ones present. SVG tooltips carry the evidence (date, \
            confidence, sources and quotes) and edges link to a cited document's http(s) URL.
            Without --engine, dot draws up to \(LayoutEngine.dotLimit.entities) entities and \
            \(LayoutEngine.dotLimit.edges) edges; larger pictures use sfdp, and a note on stderr says so. \
            Beyond \(LayoutEngine.drawLimit.entities) entities or \(LayoutEngine.drawLimit.edges) edges, render \
            stops with advice (exit 2) unless --engine is given.
            """)

    @Option(name: .shortAndLong, help: "Output file (written atomically); standard output when absent.")
    var output: String?
    @Option(name: .long, help: "svg, png, pdf or dot; default from -o's extension (.gv is dot), else svg.")
    var format: String?
    @Option(name: .long, help: "Graphviz layout engine: dot, neato, fdp, sfdp, circo, twopi (default: dot, or sfdp for large graphs).")
    var engine: LayoutEngine?
    @Option(name: .long, help: "Title drawn on top (default: the graph's title; \"\" for none).")
    var title: String?
    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Relation names and dates on the edges (default: on up to \(Render.edgeLabelLimit) edges; --no-edge-labels for dense pictures)."))
    var edgeLabels: Bool?
    @Flag(name: .long, help: "One edge per relation, instead of one per type between the same two entities.")
    var allRelations = false
    @Option(name: .long, help: "Draw boxes around entities of the same country or kind (engines dot and fdp).")
    var clusterBy: DOTClusterKey?
    @Flag(name: .long, help: "Leave the legend and the line under the title out.")
    var noLegend = false
    @OptionGroup(title: "What to draw") var selection: SelectionOptions
    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Highlight the shortest paths between two entities (as 'kgraph path FROM TO' finds them) and dim the rest.",
        valueName: "from> <to"))
    var path: [String] = []
    @Flag(name: .long, help: "With --path: draw only the paths, left to right.")
    var onlyPath = false
    @OptionGroup(title: "Path search (with --path)") var pathOptions: PathOptions
    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        if !path.isEmpty && path.count != 2 {
            throw ValidationError("--path takes two names: --path FROM TO (quote names with spaces)")
        }
        if onlyPath && path.isEmpty { throw ValidationError("--only-path needs --path FROM TO") }
    }

    func run() throws {
        let kind: OutputKind
        do { kind = try OutputKind.resolve(format: format, output: output) } catch { throw Failure("\(error)") }
        let full = try graphOptions.load()
        var picked = try selection.apply(to: full)
        var subtitle = selection.selection.summary(of: picked, in: full)
        var highlight: DOTHighlight?
        var endpoints: [Int32] = []
        if path.count == 2 {
            let s = selection.selection
            let answer = try pathOptions.answer(from: path[0], to: path[1], in: full,
                                                window: TimeWindow(since: s.since, until: s.until))
            guard !answer.paths.isEmpty else {
                Console.error(QueryText.noPath(answer, in: full))
                throw ExitCode(1)
            }
            let entities = answer.paths.flatMap(\.entities), relations = answer.paths.flatMap { $0.hops.map(\.relation) }
            picked = onlyPath ? Subgraph(entities: Array(Set(entities)).sorted(), relations: Array(Set(relations)).sorted())
                : picked.adding(entities: entities, relations: relations, of: full)
            highlight = onlyPath ? nil : DOTHighlight(entities: Set(entities.map { full.entity(at: $0).id }),
                                                      relations: Set(relations.map { full.relation(at: $0).id }))
            endpoints = answer.paths.flatMap { [$0.start, $0.end] }
            subtitle = Self.describe(answer, in: full) + (onlyPath ? "" : " · " + subtitle)
        }
        guard !picked.entities.isEmpty else {
            Console.error("nothing to draw: the selection keeps no entity (\(subtitle))")
            throw ExitCode(1)
        }
        let g = picked.graph(from: full)

        let groups = DOTWriter.edgeGroups(g, collapse: !allRelations).count
        var chosen = engine ?? .dot
        if engine == nil {
            if kind != .dot, let refusal = LayoutEngine.refusal(entities: g.entityCount, edges: groups) {
                throw Failure(refusal)
            }
            let auto = LayoutEngine.automatic(entities: g.entityCount, edges: groups)
            chosen = auto.engine
            if let reason = auto.reason { Console.error("note: " + reason) }
        }
        var drawEdgeLabels = edgeLabels ?? true
        if edgeLabels == nil && groups > Self.edgeLabelLimit {
            drawEdgeLabels = false
            Console.error("note: \(groups) edges: edge labels left off (unreadable at this size, and they double the "
                          + "layout time); the tooltips keep them, --edge-labels draws them")
        }
        if clusterBy != nil && ![.dot, .fdp].contains(chosen) {
            Console.error("note: --cluster-by draws boxes only with the dot and fdp engines, not \(chosen.rawValue)")
        }

        let options = DOTOptions(
            title: title,
            subtitle: noLegend ? nil : subtitle,
            edgeLabels: drawEdgeLabels,
            collapseParallel: !allRelations,
            clusterBy: clusterBy,
            clusterLabels: Dictionary(g.entities.compactMap { e in e.country.flatMap { full.entity(id: $0) }.map { ($0.id, $0.name) } },
                                      uniquingKeysWith: { a, _ in a }),
            focus: Set((picked.focus + endpoints).map { full.entity(at: $0).id }),
            highlight: highlight,
            legend: !noLegend,
            engine: chosen.rawValue,
            leftToRight: onlyPath)
        let dot = DOTWriter.dot(g, options: options)
        if kind == .dot { return try Console.write(Data(dot.utf8), to: output) }
        do {
            try Console.write(try GraphvizRenderer.shared.render(dot: dot, engine: chosen.rawValue, format: kind.rawValue),
                              to: output)
        } catch let e as RenderError {
            throw Failure("\(e)")
        }
    }
}

extension Render {
    /// Above this many drawn edges, edge labels are left off unless asked for.
    static let edgeLabelLimit = 1000

    /// `shortest path from United States to Tower 22: 2 hops`, or `3 shortest paths ... (2-4 hops)`.
    static func describe(_ a: PathAnswer, in g: Graph) -> String {
        func name(_ e: Endpoint) -> String { e.isSet ? "\"\(e.text)\"" : e.entities.first.map { g.entity(at: $0).name } ?? e.text }
        let lengths = a.paths.map(\.length)
        let hops = lengths.min() == lengths.max() ? "\(lengths[0])" : "\(lengths.min()!)-\(lengths.max()!)"
        let what = a.paths.count == 1 ? "shortest path" : "\(a.paths.count) shortest paths"
        return "\(what) from \(name(a.from)) to \(name(a.to)): \(hops) hop" + (hops == "1" ? "" : "s")
    }
}

extension LayoutEngine: ExpressibleByArgument {}
extension DOTClusterKey: ExpressibleByArgument {}
