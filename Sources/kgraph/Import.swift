import ArgumentParser
import Foundation
import KGraph

/// `kgraph import FILE -o Graphs/NAME.yaml`: another tool's graph in the native format;
/// `kgraph import FILE --into Graphs/`: merged into a graph folder, matched against what it has.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert another tool's graph (" + importable + ") into a native YAML graph file, or merge it into a graph folder.",
        discussion: """
            Ids become slugs (an entity keeps its original id under ids:). Kinds and relation types are \
            matched to the vocabulary; the ones it lacks are an error unless --extend-vocabulary adds them \
            to the new file. Relations without a source cite a document standing for the imported file, \
            so the result loads; replace those citations with real ones. The new graph is checked as a \
            load would check it before it is written.

            --into FOLDER merges: each incoming entity is matched to the folder's graph by id, else by \
            name, else by alias (folded as every command folds names); matched entities, relations and \
            documents are left as they are, and only new ones are written, to a new file in the folder \
            (-o, default FOLDER/<file name>.yaml), with relation ends pointing at the matched ids. \
            Conflicts (a name found on another kind, on several entities, two incoming entities matching \
            one) stop the merge. Without --into, writing inside a Graphs folder whose graph already has \
            some of the incoming entities is refused. Exit 0 when written, 1 when there is nothing to \
            add, 2 on conflicts or errors.
            """)

    @Argument(help: ArgumentHelp("The file to import (" + importable + "; a .csv file is either file of a Neo4j CSV pair).",
                                 valueName: "file"))
    var file: String
    @Option(name: .shortAndLong, help: "The YAML file to write (e.g. Graphs/NAME.yaml); with --into, a new file in the folder.")
    var output: String?
    @Option(name: .long, help: ArgumentHelp("Merge into this graph folder, adding only what it lacks.", valueName: "folder"))
    var into: String?
    @Flag(name: .long, help: "With --into: report the matches and additions without writing.")
    var dryRun = false
    @Flag(name: .long, help: "Add the kinds and relation types the vocabulary lacks to the new file's vocabulary.")
    var extendVocabulary = false
    @Flag(name: .long, help: "Replace the output file if it exists (never a file of the graph merged into).")
    var force = false
    @OptionGroup var format: FormatOption

    /// The extensions import reads: every format `--graph` reads but the native one.
    static let importable = GraphFormats.all.filter { $0.reads && !($0 is YAMLFormat) }
        .flatMap(\.extensions).map { "." + $0 }.joined(separator: ", ")

    func validate() throws {
        if into == nil && output == nil { throw ValidationError("give -o FILE to write, or --into FOLDER to merge") }
        if into == nil && dryRun { throw ValidationError("--dry-run goes with --into") }
    }

    func run() throws {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        guard let format = GraphFormats.reading(extension: ext), !(format is YAMLFormat) else {
            throw Failure("cannot import '.\(ext)' files; import reads " + Self.importable)
        }
        guard FileManager.default.fileExists(atPath: file) else { throw Failure("no such file: \(file)") }
        if let into { return try merge(into: into, format: format) }
        let output = output!
        if !force && FileManager.default.fileExists(atPath: output) {
            throw Failure("\(output) exists; pass --force to replace it")
        }
        let incoming = try read()
        let result: GraphImport.Result
        do {
            result = try GraphImport.convert(incoming, file: file, format: format.name, extendVocabulary: extendVocabulary)
        } catch {
            throw Failure("\(error)")
        }
        try refuseDuplicates(result, output: output)
        let text = GraphYAMLWriter.yaml(result.graph, header: header, kinds: result.kinds, types: result.types)
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

    private var header: [String] {
        ["Imported by `kgraph import` from \(URL(fileURLWithPath: file).lastPathComponent).",
         "Review it: names, kinds and relation types, and cite the reports each relation comes from."]
    }

    /// The incoming file as a graph; its errors end the command.
    private func read() throws -> Graph {
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
        return graph
    }

    /// A whole converted graph written inside a Graphs folder would be loaded beside that folder's
    /// graph: refused when the two share entities (the duplicates issue 13 found), pointing at --into.
    private func refuseDuplicates(_ result: GraphImport.Result, output: String) throws {
        let out = URL(fileURLWithPath: output).standardizedFileURL
        guard let folder = try? GraphLoader.locate(explicit: [], environment: [:],
                                                   directory: out.deletingLastPathComponent().path).first,
              out.path.hasPrefix(URL(fileURLWithPath: folder).standardizedFileURL.path + "/"),
              let existing = try? GraphLoader.load(paths: [folder]) else { return }
        let merge = GraphMerge(result.graph, into: existing.graph, placeholders: result.placeholders)
        guard !merge.matches.isEmpty || !merge.conflicts.isEmpty else { return }
        let shown = merge.matches.prefix(3).map { "'\(result.graph.entity(id: $0.incoming)?.name ?? $0.incoming)' is [\($0.existing)]" }
        throw Failure("\(output) is inside the graph folder \(folder), which already has \(merge.matches.count) of the incoming "
                      + "entities" + (shown.isEmpty ? "" : " (" + shown.joined(separator: ", ") + (merge.matches.count > 3 ? ", ..." : "") + ")")
                      + (merge.conflicts.isEmpty ? "" : " and \(merge.conflicts.count) conflict(s)")
                      + "; nothing was written. Merge with: kgraph import \(file) --into \(folder)")
    }

    /// `--into FOLDER`: matches, conflicts, and the new records written to a new file in the folder.
    private func merge(into folder: String, format: any GraphFormat) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure("--into takes a graph folder; \(folder) is not one")
        }
        let loaded: LoadResult
        do { loaded = try GraphLoader.load(paths: [folder]) } catch { throw Failure("\(error)") }
        let loadErrors = loaded.diagnostics.filter { $0.severity == .error }
        guard loadErrors.isEmpty else {
            Console.error(DiagnosticOutput.text(loadErrors))
            throw Failure("the graph in \(folder) has \(loadErrors.total) error(s); fix them before merging into it")
        }
        let existing = loaded.graph
        let target = output ?? (folder.hasSuffix("/") ? folder : folder + "/")
            + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".yaml"
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL
        guard targetURL.path.hasPrefix(URL(fileURLWithPath: folder).standardizedFileURL.path + "/"),
              GraphLoader.nativeExtensions.contains(targetURL.pathExtension.lowercased()) else {
            throw Failure("\(target) must be a .yaml file inside \(folder), so the folder loads it with the rest")
        }
        if loaded.files.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL == targetURL }) {
            throw Failure("\(target) is a file of the graph in \(folder); name a new file with -o")
        }
        if !force && !dryRun && FileManager.default.fileExists(atPath: target) {
            throw Failure("\(target) exists; pass --force to replace it")
        }

        let incoming = try read()
        let result: GraphImport.Result
        do {
            result = try GraphImport.convert(incoming, file: file, format: format.name, extendVocabulary: extendVocabulary,
                                             vocabulary: existing.vocabulary)
        } catch {
            throw Failure("\(error)")
        }
        let merge = GraphMerge(result.graph, into: existing, placeholders: result.placeholders)
        var written: String?
        if merge.conflicts.isEmpty && !merge.addsNothing && !dryRun {
            let problems = merge.check(file: target, beside: loaded.files, kinds: result.kinds, types: result.types)
                .filter { $0.severity == .error }
            guard problems.isEmpty else {
                Console.error(DiagnosticOutput.text(problems))
                throw Failure("the merged graph would not load cleanly (a kgraph bug); nothing was written")
            }
            let text = GraphYAMLWriter.yaml(documents: merge.addedDocuments, entities: merge.addedEntities,
                                            relations: merge.addedRelations,
                                            header: header + ["Merged into \(folder) by `kgraph import --into`: only what it lacked; "
                                                              + "relations may name entities of the folder's other files."],
                                            kinds: result.kinds, types: result.types)
            try Console.write(Data(text.utf8), to: target)
            written = target
        }
        switch self.format.format {
        case .text: Console.out(MergeText.report(merge, incoming: result.graph, existing: existing, written: written))
        case .json: Console.out(try StableJSON.text(merge.json(existing: existing, written: written)))
        }
        if !merge.conflicts.isEmpty { throw ExitCode(2) }
        for note in result.notes { Console.error("note: " + note) }
        if merge.addsNothing { throw ExitCode(1) }
    }
}
