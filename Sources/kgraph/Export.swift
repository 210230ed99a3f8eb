import ArgumentParser
import Foundation
import KGraph
import KGraphRender

/// The formats `kgraph export` writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case graphml, gexf, json, cytoscape, csv, cypher, mermaid, dot
}

/// `kgraph export FORMAT`: the graph, or a selected part of it, for other tools.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the graph (or part of it) for other tools: GraphML, GEXF, JSON, Cytoscape, Neo4j CSV, Cypher, Mermaid, DOT.",
        discussion: """
            graphml    GraphML for Gephi, yEd, Cytoscape, NetworkX, igraph (--yed adds yEd's labels and colours)
            gexf       GEXF 1.3 for Gephi, dynamic: relation dates as start/end
            json       NetworkX node-link JSON (networkx.node_link_graph builds a MultiDiGraph)
            cytoscape  Cytoscape.js elements JSON (.cyjs)
            csv        the Neo4j bulk-import pair entities.csv + relations.csv, into the folder -o names
            cypher     a Cypher script of MERGE statements that builds the graph in Neo4j
            mermaid    a Mermaid flowchart for Markdown
            dot        the DOT text 'kgraph render' lays out
            Files are written atomically: an existing file is only ever replaced by a complete new one.
            """)

    @Argument(help: ArgumentHelp("graphml, gexf, json, cytoscape, csv, cypher, mermaid or dot.", valueName: "format"))
    var format: ExportFormat
    @Option(name: .shortAndLong, help: "Output file (csv: a folder, created if missing); standard output when absent.")
    var output: String?
    @Flag(name: .long, help: "graphml only: add yFiles markup so yEd shows labels, kind colours and shapes.")
    var yed = false
    @OptionGroup(title: "What to export") var selection: SelectionOptions
    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        if yed && format != .graphml { throw ValidationError("--yed goes with graphml only") }
        if format == .csv && (output == nil || output == "-") {
            throw ValidationError("csv writes two files (entities.csv, relations.csv): give the folder with -o DIR")
        }
    }

    func run() throws {
        let full = try graphOptions.load()
        let picked = try selection.apply(to: full)
        // The whole graph needs no copy (a copy would double the memory of a big export).
        let g = selection.selection.isEverything ? full : picked.graph(from: full)
        switch format {
        case .graphml:
            // Streamed: a million relations never sit in memory as one block of text.
            if let output, output != "-" {
                do { try AtomicFile.write(to: output) { GraphMLWriter.write(g, yed: yed, to: $0) } } catch { throw Failure("\(error)") }
            } else {
                GraphMLWriter.write(g, yed: yed) { FileHandle.standardOutput.write(Data($0)) }
            }
        case .gexf: try Console.write(GEXFWriter.gexf(g), to: output)
        case .json: try Console.write(NodeLinkWriter.json(g), to: output)
        case .cytoscape: try Console.write(CytoscapeWriter.json(g), to: output)
        case .cypher: try Console.write(Data(CypherWriter.cypher(g).utf8), to: output)
        case .mermaid: try Console.write(Data(MermaidWriter.mermaid(g).utf8), to: output)
        case .dot:
            let engine = LayoutEngine.automatic(entities: g.entityCount, edges: DOTWriter.edgeGroups(g, collapse: true).count).engine
            let options = DOTOptions(subtitle: selection.selection.summary(of: picked, in: full),
                                     focus: Set(picked.focus.map { full.entity(at: $0).id }), engine: engine.rawValue)
            try Console.write(Data(DOTWriter.dot(g, options: options).utf8), to: output)
        case .csv:
            let folder = output!
            let files: (entities: Data, relations: Data)
            do { files = try Neo4jCSVWriter.csv(g) } catch { throw Failure("\(error)") }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure("cannot create folder \(folder): \(error.localizedDescription)")
            }
            let dir = URL(fileURLWithPath: folder)
            do {
                try AtomicFile.write(files: [(files.entities, dir.appendingPathComponent("entities.csv").path),
                                             (files.relations, dir.appendingPathComponent("relations.csv").path)])
            } catch {
                throw Failure("\(error)")
            }
        }
        if output != nil && output != "-" {
            Console.error("wrote \(output!)\(format == .csv ? "/entities.csv and relations.csv" : ""): "
                          + "\(g.entityCount) entities, \(g.relationCount) relations")
        }
    }
}
