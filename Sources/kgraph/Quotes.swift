import ArgumentParser
import KGraph

/// `kgraph quotes NAME`: what a person or body said, when, where it is quoted, and what it supports.
struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List what a person or body said: when, the words, the document, and the relations each quote supports.",
        discussion: """
            A statement is a citation whose speaker is the entity. Its date is the day the citation \
            says the words were said (marked "(said)") or else the date of the relation it supports. \
            Exit 0 when there are statements, 1 when there are none, 2 on errors.
            """)

    @Argument(help: "An id, name or alias (case, apostrophes, diacritics and punctuation are ignored).")
    var name: String
    @OptionGroup var parts: PartsOption
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let g = try graphOptions.load()
        let speakers = parts.expand([try NameIndex(g).one(name, in: g)], in: g)
        let found = g.statements(by: speakers)
        switch output.format {
        case .text:
            if !found.isEmpty {
                Console.out(StatementText.heading(speakers, found, in: g) + "\n\n"
                            + StatementText.list(found, in: g, naming: speakers.count > 1))
            }
        case .json: Console.out(try StableJSON.text(QuotesJSON(speakers: speakers, statements: found, in: g)))
        }
        if found.isEmpty {
            Console.error("no citation names \(g.entity(at: speakers[0]).name) as its speaker")
            throw ExitCode(1)
        }
    }
}
