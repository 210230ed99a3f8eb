import ArgumentParser
import Foundation
import KGraph
import KGraphRender

/// A format `kgraph export` writes, by name (`GraphFormats`).
struct ExportFormatName: ExpressibleByArgument {
    let format: any GraphFormat

    init?(argument: String) {
        guard let f = GraphFormats.named(argument), f.writes else { return nil }
        format = f
    }

    static var allValueStrings: [String] { GraphFormats.writable.map(\.name) }
}

extension CypherDialect: ExpressibleByArgument {}

/// `kgraph export FORMAT`: the graph, or a selected part of it, for other tools.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the graph (or part of it) for other tools: "
            + GraphFormats.writable.map(\.name).joined(separator: ", ") + ".",
        discussion: GraphFormats.helpList
            + "\nFiles are written atomically: an existing file is only ever replaced by a complete new one.")

    @Argument(help: ArgumentHelp("The format to write (listed above).", valueName: "format"))
    var format: ExportFormatName
    @Option(name: .shortAndLong, help: "Output file (a folder for formats that write several files, created if missing); standard output when absent.")
    var output: String?
    @Flag(name: .long, help: "graphml only: add yFiles markup so yEd shows labels, kind colours and shapes.")
    var yed = false
    @Option(name: .long, help: ArgumentHelp("cypher only: the database the script is for, neo4j (the default), falkordb or "
                                            + "memgraph: their index and constraint statements differ.", valueName: "database"))
    var dialect: CypherDialect?
    @OptionGroup(title: "What to export") var selection: SelectionOptions
    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        if yed && !format.format.takesYEd { throw ValidationError("--yed goes with graphml only") }
        if dialect != nil && !format.format.takesDialect { throw ValidationError("--dialect goes with cypher only") }
    }

    func run() throws {
        let full = try graphOptions.load()
        let picked = try selection.apply(to: full)
        // The whole graph needs no copy (a copy would double the memory of a big export).
        let chosen = try selection.selection()
        let g = chosen.isEverything ? full : picked.graph(from: full)
        let subtitle = chosen.summary(of: picked, in: full)
        let focus = Set(picked.focus.map { full.entity(at: $0).id })
        let options = ExportOptions(yed: yed, cypherDialect: dialect ?? .neo4j) { g in
            let engine = LayoutEngine.automatic(entities: g.entityCount, edges: DOTWriter.edgeGroups(g, collapse: true).count).engine
            return DOTOptions(subtitle: subtitle, focus: focus, engine: engine.rawValue)
        }
        let export: KGraph.Export
        do { export = try format.format.export(g, options: options) } catch { throw Failure("\(error)") }
        switch export {
        case .document(let write):
            // Streamed: a million relations never sit in memory as one block of text.
            if let output, output != "-" {
                do { try AtomicFile.write(to: output, streaming: write) } catch { throw Failure("\(error)") }
            } else {
                write { StandardStream.output.write($0) }
            }
        case .files(let files):
            guard let folder = output, folder != "-" else {
                let count = files.count == 2 ? "two" : String(files.count)
                throw Failure("\(format.format.name) writes \(count) files (\(files.map(\.name).joined(separator: ", "))): give the folder with -o DIR")
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure("cannot create folder \(folder): \(error.localizedDescription)")
            }
            let dir = URL(fileURLWithPath: folder)
            do {
                try AtomicFile.write(files: files.map { ($0.data, dir.appendingPathComponent($0.name).path) })
            } catch {
                throw Failure("\(error)")
            }
            Console.error("wrote \(folder)/" + files.map(\.name).joined(separator: " and ") + ": "
                          + "\(g.entityCount) entities, \(g.relationCount) relations")
            return
        }
        if let output, output != "-" {
            Console.error("wrote \(output): \(g.entityCount) entities, \(g.relationCount) relations")
        }
    }
}
