import ArgumentParser
import Foundation
import KGraph
import KGraphRender

/// `kgraph render`: the graph as a diagram, laid out in-process by Graphviz.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the graph through Graphviz (in-process) as SVG, PNG, PDF or DOT.")

    @Option(name: .shortAndLong, help: "Output file (written atomically); standard output when absent.")
    var output: String?
    @Option(name: .long, help: "svg, png, pdf or dot; default from -o's extension, else svg.")
    var format: String?
    @Option(name: .long, help: "Graphviz layout engine: dot, neato, fdp, sfdp, circo, twopi.")
    var engine: String = "dot"
    @Option(name: .long, help: "Title drawn on top.") var title: String?
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup(title: "What to draw") var selection: SelectionOptions

    func run() throws {
        let g = try selection.select(from: try graphOptions.load())
        let fmt = (format ?? output.map { URL(fileURLWithPath: $0).pathExtension.lowercased() }.flatMap { $0.isEmpty ? nil : $0 } ?? "svg")
        guard ["svg", "png", "pdf", "dot"].contains(fmt) else {
            throw Failure("unknown format '\(fmt)'; use svg, png, pdf or dot")
        }
        let dot = DOTWriter.dot(g, title: title)
        if fmt == "dot" { return try Console.write(Data(dot.utf8), to: output) }
        do {
            try Console.write(try GraphvizRenderer.shared.render(dot: dot, engine: engine, format: fmt), to: output)
        } catch let e as RenderError {
            throw Failure("\(e)")
        }
    }
}
