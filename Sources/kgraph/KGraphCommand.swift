import ArgumentParser
import Foundation

/// The root command: lists the subcommands and maps failures to exit codes
/// (0 success, 1 nothing found, 2 errors in input, names or options).
@main
struct KGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kgraph",
        abstract: "A knowledge graph of conflict actors and their relations, every fact dated and cited.",
        discussion: """
            The graph is read from --graph PATH (file or folder, repeatable), else $KGRAPH_GRAPH, \
            else a Graphs/ folder in the current folder or a parent.
            Exit codes: 0 success, 1 nothing found, 2 errors (bad graph, unknown or ambiguous name, bad option).
            """,
        version: kgraphVersion,
        // Each names itself (`commandName`): ArgumentParser otherwise derives the name from the
        // type's through String(describing:), whose protocol conformance lookups cost about 19 M
        // instructions per process, a fifth of a query on a small graph.
        subcommands: [
            Check.self, Show.self, Entities.self, Relations.self, Render.self, VocabularyCommand.self,
            PathCommand.self, Neighbors.self, Timeline.self, Stats.self, Export.self, Import.self,
            Documents.self, Search.self, Diff.self, Quotes.self,
        ]
    )

    static func main() {
        StandardStream.occupyClosedDescriptors()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as Failure {
            StandardStream.error.write("error: " + failure.message + "\n")
            Foundation.exit(failure.code)
        } catch {
            // ArgumentParser's usage errors exit 64; kgraph promises 2 for every input error.
            if exitCode(for: error) == .validationFailure {
                StandardStream.error.write(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            if exitCode(for: error) == .success, let command = HelpExamples.command(askingForHelpIn: CommandLine.arguments) {
                var help = fullMessage(for: error)
                while help.last?.isNewline == true { help.removeLast() }
                StandardStream.output.write(help + "\n\n" + HelpExamples.text(for: command))
                Foundation.exit(0)
            }
            exit(withError: error)
        }
    }
}

/// A failure the CLI reports as `error: message` with an exit code.
struct Failure: Error {
    var message: String
    var code: Int32 = 2

    init(_ message: String, code: Int32 = 2) {
        self.message = message
        self.code = code
    }
}
