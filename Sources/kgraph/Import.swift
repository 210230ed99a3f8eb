import ArgumentParser
import Foundation
import KGraph

/// `kgraph import FILE -o Graphs/NAME.yaml`: another tool's graph in the native format.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert another tool's graph (" + importable + ") into a native YAML graph file.",
        discussion: """
            Ids become slugs (an entity keeps its original id under ids:). Kinds and relation types are \
            matched to the vocabulary; the ones it lacks are an error unless --extend-vocabulary adds them \
            to the new file. Relations without a source cite a document standing for the imported file, \
            so the result loads; replace those citations with real ones. The new graph is checked as a \
            load would check it before it is written.
            """)

    @Argument(help: ArgumentHelp("The file to import (" + importable + "; a .csv file is either file of a Neo4j CSV pair).",
                                 valueName: "file"))
    var file: String
    @Option(name: .shortAndLong, help: "The YAML file to write (e.g. Graphs/NAME.yaml).")
    var output: String
    @Flag(name: .long, help: "Add the kinds and relation types the vocabulary lacks to the new file's vocabulary.")
    var extendVocabulary = false
    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    /// The extensions import reads: every format `--graph` reads but the native one.
    static let importable = GraphFormats.all.filter { $0.reads && !($0 is YAMLFormat) }
        .flatMap(\.extensions).map { "." + $0 }.joined(separator: ", ")

    func run() throws {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        guard let format = GraphFormats.reading(extension: ext), !(format is YAMLFormat) else {
            throw Failure("cannot import '.\(ext)' files; import reads " + Self.importable)
        }
        guard FileManager.default.fileExists(atPath: file) else { throw Failure("no such file: \(file)") }
        if !force && FileManager.default.fileExists(atPath: output) {
            throw Failure("\(output) exists; pass --force to replace it")
        }
        var readDiagnostics: [Diagnostic] = []
        let fragment = GraphLoader.readFragment(file: file, diagnostics: &readDiagnostics)
        var assembled: [Diagnostic] = []
        let graph = GraphAssembler.assemble([fragment], diagnostics: &assembled)
        let errors = (readDiagnostics + assembled).filter { $0.severity == .error }
        let readWarnings = readDiagnostics.sortedByLocation().filter { $0.severity == .warning }
        if !readWarnings.isEmpty { Console.error(DiagnosticOutput.text(readWarnings)) }
        guard errors.isEmpty else {
            Console.error(DiagnosticOutput.text(errors.sortedByLocation()))
            throw Failure("\(file) has \(errors.total) error(s); nothing was written")
        }
        let result: GraphImport.Result
        do {
            result = try GraphImport.convert(graph, file: file, format: format.name,
                                             extendVocabulary: extendVocabulary)
        } catch {
            throw Failure("\(error)")
        }
        let name = URL(fileURLWithPath: file).lastPathComponent
        let text = GraphYAMLWriter.yaml(result.graph, header: [
            "Imported by `kgraph import` from \(name).",
            "Review it: names, kinds and relation types, and cite the reports each relation comes from.",
        ], kinds: result.kinds, types: result.types)
        // The new graph must load without errors before it replaces anything.
        let check = result.check(file: output)
        let problems = check.filter { $0.severity == .error }
        guard problems.isEmpty else {
            Console.error(DiagnosticOutput.text(problems))
            throw Failure("the converted graph does not load cleanly (a kgraph bug); nothing was written")
        }
        try Console.write(Data(text.utf8), to: output)
        for note in result.notes { Console.error("note: " + note) }
        let warnings = check.filter { $0.severity == .warning }
        if !warnings.isEmpty { Console.error(DiagnosticOutput.text(warnings)) }
        Console.error("wrote \(output): \(result.graph.entityCount) entities, \(result.graph.relationCount) relations, "
                      + "\(result.graph.documents.count) documents")
    }
}
