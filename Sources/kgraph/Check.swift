import ArgumentParser
import KGraph

/// `kgraph check`: every problem in the graph, as `file:line:column: error|warning|note: message`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the graph, verify every quote against its document's text, warn where sources contradict each other or an event postdates its sources, and report every problem (exit 2 when there are errors).")

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption
    @Flag(name: .long, help: "Exit 2 on warnings too.") var strict = false
    @Flag(name: .long, help: "Print every problem (otherwise the first \(DiagnosticOutput.cap), then a count).") var all = false

    func run() throws {
        let result = try graphOptions.loadResult()
        let g = result.graph
        let diagnostics = (result.diagnostics + QuoteVerification.check(g) + EvidenceConsistency.check(g)
                           + SharedNameCheck.check(g)).sortedByLocation()
        let errors = diagnostics.total(.error)
        let warnings = diagnostics.total(.warning)
        switch output.format {
        case .text:
            if !diagnostics.isEmpty { Console.out(DiagnosticOutput.text(diagnostics, all: all)) }
        case .json:
            Console.out(try StableJSON.text(CheckJSON(diagnostics, files: result.files.count)))
        }
        Console.error("\(result.files.count) file(s), \(g.entityCount) entities, \(g.relationCount) relations, "
                      + "\(g.documents.count) documents: \(errors) error(s), \(warnings) warning(s)")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(2) }
    }
}
