import ArgumentParser
import KGraph

/// `kgraph relations [--type T] [--involving NAME] [--document D] [time window]`.
struct Relations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations",
        abstract: "List relations, optionally of one type, touching one entity, citing one document or within a time window.",
        discussion: "Exit 0 when a relation is listed, 1 when none matches, 2 on errors.")

    @Option(name: .long, help: "Only relations of this type (see 'kgraph vocabulary').", completion: Completions.types) var type: String?
    @Option(name: .long, help: "Only relations touching this entity (id, name or alias).", completion: Completions.entities)
    var involving: String?
    @Option(name: .long, help: ArgumentHelp("Only relations citing this document (id, or its title or outlet; see 'kgraph documents').",
                                            valueName: "document"))
    var document: String?
    @OptionGroup(title: "Time window") var window: TimeWindowOptions
    @OptionGroup(title: "Strength of evidence") var strength: StrengthOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let g = try graphOptions.load()
        if let type, g.vocabulary.type(type) == nil, !g.relations.contains(where: { $0.type == type }) {
            throw Failure("unknown relation type '\(type)'; types: " + g.vocabulary.types.map(\.id).joined(separator: ", "))
        }
        let w = try window.window()
        var indices: [Int32]
        if let involving {
            let i = try NameIndex(g).one(involving, in: g)
            indices = (g.outgoing(i) + g.incoming(i).filter { g.sourceIndex(ofRelation: $0) != i }).sorted()
        } else {
            indices = Array(0..<Int32(g.relationCount))
        }
        if let document {
            let id = try documentID(document, in: g)
            indices = indices.filter { r in g.relation(at: r).sources.contains { $0.document == id } }
        }
        if let type { indices = indices.filter { g.relation(at: $0).type == type } }
        if !w.isUnbounded { indices = indices.filter { w.admits(g.relation(at: $0), in: g) } }
        let filter = try strength.filter()
        if !filter.isUnbounded { indices = indices.filter { filter.admits(g.relation(at: $0)) } }
        let list = indices.map { g.relation(at: $0) }
        switch output.format {
        case .text: if !list.isEmpty { Console.out(list.map { TextReport.line($0, in: g) }.joined(separator: "\n")) }
        case .json: Console.out(try StableJSON.text(list.map(\.json)))
        }
        if list.isEmpty {
            Console.error("no relations match")
            throw ExitCode(1)
        }
    }
}
