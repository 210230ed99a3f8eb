import ArgumentParser
import KGraph

/// `kgraph entities [--kind K]`.
struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entities", abstract: "List entities, optionally of one kind.")

    @Option(name: .long, help: "Only entities of this kind (see 'kgraph vocabulary').", completion: Completions.kinds) var kind: String?
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let g = try graphOptions.load()
        if let kind, g.vocabulary.kind(kind) == nil, !g.entities.contains(where: { $0.kind == kind }) {
            throw Failure("unknown kind '\(kind)'; kinds: " + g.vocabulary.kinds.map(\.id).joined(separator: ", "))
        }
        let list = g.entities.filter { kind == nil || $0.kind == kind }
        switch output.format {
        case .text: if !list.isEmpty { Console.out(TextReport.entityList(list)) }
        case .json: Console.out(try StableJSON.text(list.map(\.json)))
        }
    }
}
