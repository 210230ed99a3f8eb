import ArgumentParser
import KGraph

/// `kgraph search TEXT`: entities by name, alias, id or description, relations by their notes and
/// quotes, ranked, each match shown in context.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find entities by name or alias and relations by the words of their notes and quotes, best first.",
        discussion: """
            Words fold as names do in every command (case, diacritics, apostrophes: "kataib" finds \
            "Kata’ib"). Every word must match a word of the same name, alias, note or quote, exactly or \
            as its beginning (words of three or more letters). Matching words are shown in [brackets] \
            in their context. Exit 0 when something is found, 1 when nothing is, 2 on errors.
            """)

    @Argument(help: "The words to look for.") var text: [String]
    @Option(name: .long, help: ArgumentHelp("Show at most N entities and N relations.", valueName: "n")) var limit = 20
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if TextSearch(text.joined(separator: " ")) == nil { throw ValidationError("give at least one word to look for") }
    }

    func run() throws {
        let g = try graphOptions.load()
        let query = text.joined(separator: " ")
        let hits = g.search(query)
        switch output.format {
        case .text: if !hits.isEmpty { Console.out(SearchText.hits(hits, in: g, limit: limit)) }
        case .json: Console.out(try StableJSON.text(SearchJSON(query: query, hits: hits, in: g, limit: limit)))
        }
        if hits.isEmpty {
            Console.error("nothing matches '\(query)'")
            throw ExitCode(1)
        }
    }
}
