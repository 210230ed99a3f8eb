import ArgumentParser
import KGraph

/// `kgraph timeline [NAME...]`: dated relations in order, each with its evidence.
struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Relations in time order (dates at their precision, intervals as START..END), undated ones last.",
        discussion: """
            With names, only relations touching one of them (a name several entities share, or kind:K, \
            stands for all of them). Exit 0 when something is listed, 1 when nothing matches, 2 on errors.
            """)

    @Argument(help: "Only relations touching these entities (ids, names, aliases or kind:K).", completion: Completions.entities)
    var names: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only these relation types (comma-separated, repeatable).", valueName: "types"))
    var type: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only relations citing this document (id, or its title or outlet).", valueName: "document"))
    var document: String?
    @OptionGroup(title: "Time window") var window: TimeWindowOptions
    @OptionGroup var parts: PartsOption
    @OptionGroup(title: "Strength of evidence") var strength: StrengthOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let g = try graphOptions.load()
        let index = NameIndex(g)
        var involving: [Int32]?
        if !names.isEmpty {
            involving = parts.expand(try names.flatMap { try endpoint($0, in: g, names: index).entities }, in: g)
        }
        let types = type.isEmpty ? nil : Set(try relationTypes(type, option: "--type", in: g))
        let citing = try document.map { try documentID($0, in: g) }
        let w = try window.window()
        let list = g.timeline(involving: involving, types: types, document: citing, window: w,
                              strength: try strength.filter())
        switch output.format {
        case .text: if !list.isEmpty { Console.out(QueryText.timeline(list, in: g, window: w)) }
        case .json: Console.out(try StableJSON.text(list.map { g.relation(at: $0).json }))
        }
        if list.isEmpty {
            Console.error("no relations match")
            throw ExitCode(1)
        }
    }
}
