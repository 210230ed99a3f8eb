import ArgumentParser
import KGraph

/// `--direction in|out|both`.
enum DirectionOption: String, ExpressibleByArgument, CaseIterable {
    case `in`, out, both

    var traversal: TraversalDirection { self == .in ? .incoming : self == .out ? .outgoing : .both }
}

/// `kgraph neighbors NAME`: who surrounds an entity, by distance, with the relations that link them.
struct Neighbors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "The entities within --depth hops of one entity, by distance, with the relations that link them.",
        discussion: "Exit 0 when there is at least one neighbour, 1 when there is none within the filters, 2 on errors.")

    @Argument(help: "An id, name or alias.", completion: Completions.entities) var name: String
    @Option(name: .long, help: ArgumentHelp("How many hops out to go.", valueName: "n")) var depth: Int = 1
    @Option(name: .long, help: "Follow relations out of (out), into (in) or either way from each entity (both).")
    var direction: DirectionOption = .both
    @Option(name: .long, help: ArgumentHelp("Follow only these relation types (comma-separated, repeatable).", valueName: "types"))
    var type: [String] = []
    @Option(name: .long, help: ArgumentHelp(
        "Step only onto entities of these kinds (comma-separated, repeatable); the centre always counts.", valueName: "kinds"))
    var kind: [String] = []
    @OptionGroup(title: "Time window") var window: TimeWindowOptions
    @OptionGroup(title: "Strength of evidence") var strength: StrengthOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        guard depth >= 1 else { throw Failure("--depth must be at least 1 (got \(depth))") }
        let g = try graphOptions.load()
        let center = try NameIndex(g).one(name, in: g)
        var o = TraversalOptions(direction: direction.traversal, maxHops: depth, window: try window.window(),
                                 strength: try strength.filter())
        if !type.isEmpty { o.relationTypes = Set(try relationTypes(type, option: "--type", in: g)) }
        if !kind.isEmpty { o.entityKinds = Set(try entityKinds(kind, option: "--kind", in: g)) }
        let n = g.neighborhood(of: center, depth: depth, options: o)
        switch output.format {
        case .text: Console.out(QueryText.neighborhood(n, depth: depth, in: g))
        case .json: Console.out(try StableJSON.text(n.json(in: g)))
        }
        if n.entities.count == 1 {
            Console.error("no neighbours of \(QueryText.label(center, in: g)) within the limits: " + o.limitsDescription(in: g))
            throw ExitCode(1)
        }
    }
}
