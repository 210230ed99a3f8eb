import ArgumentParser
import KGraph

/// `kgraph show NAME`: an entity card with every relation in and out.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an entity: name, kind, aliases, then every relation in and out with its evidence, and what it said.")

    @Argument(help: "An id, name or alias (case, apostrophes, diacritics and punctuation are ignored).",
              completion: Completions.entities)
    var name: String
    @OptionGroup var parts: PartsOption
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let g = try graphOptions.load()
        let i = try NameIndex(g).one(name, in: g)
        let partList = parts.includeParts ? g.parts(of: i) : []
        switch output.format {
        case .text:
            Console.out(TextReport.card(i, in: g, parts: partList))
        case .json:
            // The entity's relations, then its parts' (each relation once).
            var seen = Set<Int32>()
            let said = g.statements(by: [i] + partList)
            let rels = ([i] + partList).flatMap { e in g.outgoing(e) + g.incoming(e).filter { g.sourceIndex(ofRelation: $0) != e } }
                .filter { seen.insert($0).inserted }
            Console.out(try StableJSON.text(EntityCardJSON(entity: g.entity(at: i).record,
                                                           relations: rels.map { g.relation(at: $0).json },
                                                           parts: parts.includeParts ? partList.map { g.entity(at: $0).record } : nil,
                                                           statements: said.isEmpty ? nil : said.map { $0.json(in: g) })))
        }
    }
}
