import ArgumentParser
import Foundation
import KGraph

/// `--graph`, shared by every command that reads a graph.
struct GraphOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A graph file or folder (repeatable; merged). Default: $KGRAPH_GRAPH, else ./Graphs or a parent's Graphs.",
        valueName: "path"))
    var graph: [String] = []

    @Flag(name: .long, help: "Other formats' files must keep to the vocabulary (kinds, types, domain and range) as YAML files do: errors, not warnings.")
    var strictVocabulary = false

    /// Loads the graph, returning it with its diagnostics; a missing input is a `Failure`.
    func loadResult() throws -> LoadResult {
        do {
            let result = try GraphLoader.load(paths: try GraphLoader.locate(explicit: graph), strictVocabulary: strictVocabulary)
            LoadedGraphs.keep(result.graph)
            return result
        } catch {
            throw Failure("\(error)")
        }
    }

    /// Loads the graph for a query: errors in it are printed and end the command (exit 2).
    func load() throws -> Graph {
        let result = try loadResult()
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            Console.error(DiagnosticOutput.text(errors))
            throw Failure("the graph has \(errors.total) error(s); run 'kgraph check' for the full list")
        }
        return result.graph
    }
}

/// Graphs this process loaded, held until it exits: freeing a million relations one object at a
/// time when a command returns costs a noticeable part of its run, and the process is about to end.
enum LoadedGraphs {
    nonisolated(unsafe) private static var held: [Graph] = []
    static func keep(_ g: Graph) { held.append(g) }
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
}

/// Writing to the terminal (through `StandardStream`, which handles a failing stream).
enum Console {
    /// Prints `text` to standard output, ending it with one newline.
    static func out(_ text: String) {
        StandardStream.output.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Prints `text` to standard error, ending it with one newline.
    static func error(_ text: String) {
        StandardStream.error.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes bytes to `path` atomically, or to standard output when `path` is nil or "-".
    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else {
            StandardStream.output.write(data)
            return
        }
        do { try AtomicFile.write(data, to: path) } catch { throw Failure("\(error)") }
    }
}

extension NameIndex {
    /// Resolves one name, turning "not found" and "ambiguous" into `Failure`s (exit 2).
    func one(_ name: String, in graph: Graph) throws -> Int32 {
        do { return try entity(named: name, graph: graph) } catch { throw Failure("\(error)") }
    }
}
