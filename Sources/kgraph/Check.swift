import ArgumentParser
import KGraph

/// `kgraph check`: every problem in the graph, as `file:line:column: error|warning: message`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the graph and report every problem (exit 2 when there are errors).")

    @OptionGroup var graphOptions: GraphOptions
    @Flag(name: .long, help: "Exit 2 on warnings too.") var strict = false
    @Flag(name: .long, help: "Print every problem (otherwise the first \(DiagnosticOutput.cap), then a count).") var all = false

    func run() throws {
        let result = try graphOptions.loadResult()
        if !result.diagnostics.isEmpty { Console.out(DiagnosticOutput.text(result.diagnostics, all: all)) }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        let g = result.graph
        Console.error("\(result.files.count) file(s), \(g.entityCount) entities, \(g.relationCount) relations, "
                      + "\(g.documents.count) documents: \(errors) error(s), \(warnings) warning(s)")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(2) }
    }
}
