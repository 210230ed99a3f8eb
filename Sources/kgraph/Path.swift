import ArgumentParser
import KGraph

/// `kgraph path FROM TO`: how two entities are connected, every hop with its evidence.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The shortest paths between two entities, every hop with its date, confidence and sources.",
        discussion: """
            FROM and TO are ids, names or aliases; a name several entities share ("US base") or kind:K \
            searches from or to all of them, and each path says which one it reached. Relations are \
            followed either way unless --directed. Exit 0 when a path is found, 1 when none exists \
            within the limits, 2 on errors.
            """)

    @Argument(help: "Where paths start: an id, name, alias or kind:K.", completion: Completions.entities) var from: String
    @Argument(help: "Where paths end: an id, name, alias or kind:K.", completion: Completions.entities) var to: String
    @OptionGroup var pathOptions: PathOptions
    @OptionGroup(title: "Time window") var window: TimeWindowOptions
    @OptionGroup(title: "Strength of evidence") var strength: StrengthOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let g = try graphOptions.load()
        let answer = try pathOptions.answer(from: from, to: to, in: g, window: window.window(),
                                             strength: strength.filter())
        switch output.format {
        case .text: if !answer.paths.isEmpty { Console.out(QueryText.paths(answer, in: g)) }
        case .json: Console.out(try StableJSON.text(answer.json(in: g)))
        }
        if answer.paths.isEmpty {
            Console.error(QueryText.noPath(answer, in: g))
            throw ExitCode(1)
        }
    }
}
