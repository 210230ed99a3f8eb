/// The examples each subcommand's `--help` ends with, kept in one place (ArgumentParser prints a
/// command's discussion before its usage, so `KGraphCommand.main` appends these after the help
/// it prints). `HelpExamplesTests` runs every one against the shipped graph, so they stay true;
/// a new subcommand needs its own here.
enum HelpExamples {
    static let byCommand: [String: [String]] = [
        "check": ["kgraph check", "kgraph check --strict --format json"],
        "show": ["kgraph show KH", "kgraph show \"United States\" --include-parts", "kgraph show irgc --format json"],
        "entities": ["kgraph entities --kind militia", "kgraph entities --format json"],
        "relations": ["kgraph relations --type struck --involving \"U.S.\"", "kgraph relations --since 2024-01 --until 2024-02",
                      "kgraph relations --assertion denied,alleged"],
        "render": ["kgraph render -o out/graph.svg", "kgraph render --focus KH -o out/kh.png",
                   "kgraph render --path IRGC \"Tower 22\" --only-path -o out/path.svg"],
        "vocabulary": ["kgraph vocabulary", "kgraph vocabulary --graph out/graph.graphml"],
        "path": ["kgraph path IRGC \"US base\"", "kgraph path IRGC \"US base\" -k 3 --chronological",
                 "kgraph path Iran \"Tower 22\" --directed --format json"],
        "neighbors": ["kgraph neighbors KH", "kgraph neighbors KH --depth 2 --type attacked,struck"],
        "timeline": ["kgraph timeline \"Tower 22\"", "kgraph timeline --since 2021-06 --until 2021-06"],
        "stats": ["kgraph stats", "kgraph stats --format json"],
        "export": ["kgraph export graphml -o out/graph.graphml", "kgraph export csv -o out/neo4j", "kgraph export json --focus KH"],
        "import": ["kgraph import out/graph.graphml -o out/imported.yaml"],
        "documents": ["kgraph documents", "kgraph documents --format json"],
        "search": ["kgraph search drone", "kgraph search \"Green Zone\" --format json"],
        "diff": ["kgraph diff old.yaml Graphs", "kgraph diff Graphs out/graph.graphml --format json"],
        "quotes": ["kgraph quotes Kirby", "kgraph quotes \"United States\" --include-parts --format json"],
    ]

    /// The subcommand whose help the command line asks for (`kgraph path --help`, `kgraph help
    /// path`, `-h`), or nil.
    static func command(askingForHelpIn arguments: [String]) -> String? {
        let words = Array(arguments.dropFirst())
        let asks = words.first == "help" || words.contains("--help") || words.contains("-h")
        let name = words.first == "help" ? words.dropFirst().first : words.first
        guard asks, let name, byCommand[name] != nil else { return nil }
        return name
    }

    /// The block `--help` ends with for `command`.
    static func text(for command: String) -> String {
        "EXAMPLES:\n" + (byCommand[command] ?? []).map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}
