import ArgumentParser
import KGraph

/// `kgraph vocabulary`: the entity kinds and relation types in force.
struct VocabularyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocabulary",
        abstract: "List the entity kinds and relation types (built-in plus the graph's own).")

    @OptionGroup var graphOptions: GraphOptions

    func run() throws {
        let v = (try? graphOptions.loadResult().graph.vocabulary) ?? .standard
        var lines = ["Entity kinds:"]
        let w = v.kinds.map(\.id.count).max() ?? 0
        for k in v.kinds { lines.append("  " + k.id.padding(toLength: w, withPad: " ", startingAt: 0) + "  \(k.label)") }
        lines.append("")
        lines.append("Relation types (source kinds -> target kinds; any when empty):")
        let tw = v.types.map(\.id.count).max() ?? 0
        for t in v.types {
            let d = t.domain.isEmpty ? "any" : t.domain.joined(separator: ",")
            let r = t.range.isEmpty ? "any" : t.range.joined(separator: ",")
            lines.append("  " + t.id.padding(toLength: tw, withPad: " ", startingAt: 0)
                         + "  \(t.label) / \(t.inverse)   [\(d) -> \(r)]")
        }
        Console.out(lines.joined(separator: "\n"))
    }
}
