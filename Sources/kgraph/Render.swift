import ArgumentParser
import Foundation
import KGraph
import KGraphRender

/// `kgraph render`: the graph, or part of it, as a diagram laid out in-process by Graphviz.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph through Graphviz (in-process) as SVG, PNG, PDF, DOT, or an HTML explorer.",
        discussion: """
            Entity kinds are drawn by shape and fill, relation types by colour and line style, as the \
            vocabulary says; a legend lists the ones present. SVG tooltips carry the evidence (date, \
            confidence, sources and quotes) and edges link to a cited document's http(s) URL.
            Without --engine, dot draws up to \(LayoutEngine.dotLimit.entities) entities and \
            \(LayoutEngine.dotLimit.edges) edges; larger pictures use sfdp, and a note on stderr says so. \
            Beyond \(LayoutEngine.drawLimit.entities) entities or \(LayoutEngine.drawLimit.edges) edges, render \
            stops with advice (exit 2) unless --engine is given.
            --format html writes one offline page (the explorer): the drawing with pan and zoom, a search box, \
            filters by time, strength, type and kind, paths, and a side panel with each entity's card and each \
            relation's evidence. Past the size limit the page says so and still searches and shows cards.
            """)

    @Option(name: .shortAndLong, help: "Output file (written atomically); standard output when absent.")
    var output: String?
    @Option(name: .long, help: "svg, png, pdf, dot or html; default from -o's extension (.gv is dot), else svg.")
    var format: String?
    @Option(name: .long, help: "Graphviz layout engine: dot, neato, fdp, sfdp, circo, twopi (default: dot, or sfdp for large graphs).")
    var engine: LayoutEngine?
    @Option(name: .long, help: "Title drawn on top (default: the graph's title; \"\" for none).")
    var title: String?
    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Relation names and dates on the edges (default: on up to \(RenderPlan.edgeLabelLimit) edges; --no-edge-labels for dense pictures)."))
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
        var request = RenderRequest(selection: try selection.selection(), kind: kind)
        if path.count == 2 {
            let answer = try pathOptions.answer(from: path[0], to: path[1], in: full, window: selection.window.window(),
                                                strength: try selection.strength.filter())
            guard !answer.paths.isEmpty else {
                Console.error(QueryText.noPath(answer, in: full))
                throw ExitCode(1)
            }
            request.paths = answer
        }
        request.onlyPath = onlyPath
        request.engine = engine
        request.title = title
        request.edgeLabels = edgeLabels
        request.allRelations = allRelations
        request.clusterBy = clusterBy
        request.legend = !noLegend
        let plan: RenderPlan
        do { plan = try RenderPlan(request, of: full) } catch let e as RenderPlanError {
            if case .nothingToDraw(let message) = e { Console.error(message); throw ExitCode(1) }
            throw Failure("\(e)")
        }
        for note in plan.notes { Console.error("note: " + note) }
        if let refusal = plan.refusal { Console.error("note: the page draws nothing: " + refusal) }
        if kind == .dot { return try Console.write(Data(plan.dot.utf8), to: output) }
        do {
            if kind == .html {
                let svg = plan.refusal == nil ? try GraphvizRenderer.shared.render(dot: plan.dot, engine: plan.engine.rawValue) : nil
                return try Console.write(Data(try ExplorerPage.html(plan: plan, svg: svg).utf8), to: output)
            }
            try Console.write(try GraphvizRenderer.shared.render(dot: plan.dot, engine: plan.engine.rawValue, format: kind.rawValue),
                              to: output)
        } catch let e as RenderError {
            throw Failure("\(e)")
        } catch let e as ExplorerPageError {
            throw Failure("\(e)")
        }
    }
}

extension LayoutEngine: ExpressibleByArgument {}
extension DOTClusterKey: ExpressibleByArgument {}
