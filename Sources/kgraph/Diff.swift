import ArgumentParser
import KGraph

/// `kgraph diff OLD NEW`: what changed between two versions of a graph.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two graphs (files or folders, any readable format): entities, relations and documents added, removed and changed.",
        discussion: """
            Records are matched by id; a changed one lists each field that differs with its old and new \
            value. To review a change to the shipped graph: \
            git show HEAD~1:Graphs/FILE.yaml > /tmp/old.yaml; kgraph diff /tmp/old.yaml Graphs/FILE.yaml. \
            Exit 0 when the graphs are equal, 1 when they differ, 2 on errors.
            """)

    @Argument(help: "The old graph: a file or folder.") var old: String
    @Argument(help: "The new graph: a file or folder.") var new: String
    @OptionGroup var output: FormatOption

    func run() throws {
        let before = try Self.load(old), after = try Self.load(new)
        let d = GraphDiff(old: before, new: after)
        switch output.format {
        case .text:
            if d.isEmpty {
                Console.out("no differences: \(after.entityCount) entities, \(after.relationCount) relations, "
                            + "\(after.documents.count) documents")
            } else {
                Console.out(DiffText.diff(d, old: before, new: after))
            }
        case .json: Console.out(try StableJSON.text(d.json))
        }
        if !d.isEmpty { throw ExitCode(1) }
    }

    /// One side, loaded as `--graph PATH` would be; a graph with errors is exit 2.
    static func load(_ path: String) throws -> Graph {
        var options = GraphOptions()
        options.graph = [path]
        options.strictVocabulary = false
        return try options.load()
    }
}
