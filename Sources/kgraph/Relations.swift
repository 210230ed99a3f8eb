import ArgumentParser
import KGraph

/// `kgraph relations [--type T] [--involving NAME]`.
struct Relations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List relations, optionally of one type or touching one entity.")

    @Option(name: .long, help: "Only relations of this type (see 'kgraph vocabulary').") var type: String?
    @Option(name: .long, help: "Only relations touching this entity (id, name or alias).") var involving: String?
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let g = try graphOptions.load()
        if let type, g.vocabulary.type(type) == nil, !g.relations.contains(where: { $0.type == type }) {
            throw Failure("unknown relation type '\(type)'; types: " + g.vocabulary.types.map(\.id).joined(separator: ", "))
        }
        var indices: [Int32]
        if let involving {
            let i = try NameIndex(g).one(involving, in: g)
            indices = (g.outgoing(i) + g.incoming(i).filter { g.sourceIndex(ofRelation: $0) != i }).sorted()
        } else {
            indices = Array(0..<Int32(g.relationCount))
        }
        if let type { indices = indices.filter { g.relation(at: $0).type == type } }
        let list = indices.map { g.relation(at: $0) }
        switch output.format {
        case .text: if !list.isEmpty { Console.out(list.map { TextReport.line($0, in: g) }.joined(separator: "\n")) }
        case .json: Console.out(try StableJSON.text(list.map(\.json)))
        }
    }
}
