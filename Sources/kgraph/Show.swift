import ArgumentParser
import KGraph

/// `kgraph show NAME`: an entity card with every relation in and out.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show an entity: name, kind, aliases, then every relation in and out with its evidence.")

    @Argument(help: "An id, name or alias (case, apostrophes, diacritics and punctuation are ignored).")
    var name: String
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let g = try graphOptions.load()
        let i = try NameIndex(g).one(name, in: g)
        switch output.format {
        case .text:
            Console.out(TextReport.card(i, in: g))
        case .json:
            let rels = g.outgoing(i) + g.incoming(i).filter { g.sourceIndex(ofRelation: $0) != i }
            Console.out(try StableJSON.text(EntityCardJSON(entity: g.entity(at: i).json,
                                                           relations: rels.map { g.relation(at: $0).json })))
        }
    }
}
