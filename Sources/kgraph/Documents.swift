import ArgumentParser
import KGraph

/// `kgraph documents`: the reports the graph cites, with how much of the graph rests on each.
struct Documents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the documents the graph cites: id, date, outlet, title and how many relations each supports.",
        discussion: """
            Ordered by publication date (undated last), then id. 'kgraph relations --document ID' and \
            'kgraph timeline --document ID' list what one document supports. Exit 0 when a document is \
            listed, 1 when none is, 2 on errors.
            """)

    @Flag(name: .long, help: "Only documents no relation cites.") var uncited = false
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let g = try graphOptions.load()
        var uses = g.documentUses()
        if uncited { uses.removeAll { !$0.relations.isEmpty } }
        uses.sort { a, b in
            let x = g.documents[a.document], y = g.documents[b.document]
            switch (x.published, y.published) {
            case let (p?, q?) where p != q: return p < q
            case (.some, nil): return true
            case (nil, .some): return false
            default: return x.id < y.id
            }
        }
        switch output.format {
        case .text: if !uses.isEmpty { Console.out(DocumentText.list(uses, in: g)) }
        case .json: Console.out(try StableJSON.text(uses.map { $0.json(in: g) }))
        }
        if uses.isEmpty {
            Console.error(uncited ? "every document is cited" : "the graph lists no documents")
            throw ExitCode(1)
        }
    }
}

/// Resolves `--document`: an id, or a folded id, title or outlet one document has; exit 2 otherwise.
func documentID(_ text: String, in g: Graph) throws -> String {
    do { return g.documents[try g.document(named: text)].id } catch { throw Failure("--document: \(error)") }
}
