import ArgumentParser
import KGraph

/// `kgraph stats`: counts, components, and who matters most by degree, betweenness and PageRank.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts by kind and relation type, connected components, top entities by degree, betweenness and PageRank.",
        discussion: """
            Betweenness (Brandes) is over the relations as undirected links, parallel relations counted once, \
            normalised to 0..1; PageRank follows relations forward, each parallel relation counting, damping 0.85. \
            Betweenness is exact up to 5000 entities; above that it is estimated from 100 sampled sources \
            (--betweenness-samples, fixed seed).
            """)

    @Option(name: .long, help: ArgumentHelp("How many entities each top list shows.", valueName: "n")) var top: Int = 10
    @Option(name: .long, help: ArgumentHelp(
        "Estimate betweenness from N sampled source entities (0: exact). Default: exact up to 5000 entities, else 100.",
        valueName: "n"))
    var betweennessSamples: Int?
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        guard top >= 0 else { throw Failure("--top must be 0 or more (got \(top))") }
        if let b = betweennessSamples, b < 0 { throw Failure("--betweenness-samples must be 0 or more (got \(b))") }
        let g = try graphOptions.load()
        let samples = betweennessSamples.map { $0 == 0 ? nil : $0 } ?? (g.entityCount > 5000 ? 100 : nil)
        let s = g.statistics(top: top, betweennessSamples: samples)
        switch output.format {
        case .text: Console.out(QueryText.statistics(s, in: g))
        case .json: Console.out(try StableJSON.text(s.json(in: g)))
        }
    }
}
