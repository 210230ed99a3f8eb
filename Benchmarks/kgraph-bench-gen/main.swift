import ArgumentParser
import Foundation
import KGraph
import KGraphBenchGen

/// Writes a synthetic conflict-like graph in the native YAML format, GraphML (kgraph's own and a
/// foreign-style one) and the Neo4j CSV pair, plus the questions the benchmark asks of it (`queries.json`, `sample.txt`).
struct BenchGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kgraph-bench-gen",
        abstract: "Writes a seeded synthetic conflict graph (YAML, GraphML, CSV) for benchmarks.")

    @Option(help: "Number of entities.") var entities: Int = 10_000
    @Option(help: "Number of relations.") var relations: Int = 100_000
    @Option(help: "Seed: the same seed and sizes give the same files, byte for byte.") var seed: UInt64 = 1
    @Option(help: "Comma-separated formats: yaml, graphml, csv, foreign (foreign.graphml: GraphML as NetworkX writes it).") var formats: String = "yaml,graphml,csv"
    @Option(name: .shortAndLong, help: "Output folder.") var output: String
    @Option(name: .customLong("colliding-ids"), help: ArgumentHelp("Also write ids-plain.graphml and ids-crafted.graphml with this many nodes each.",
                               discussion: "The crafted ids collide under the id hash kgraph used before it was seeded."))
    var collidingIDs: Int = 0

    func validate() throws {
        guard entities >= 2, relations >= 1 else { throw ValidationError("need at least 2 entities and 1 relation") }
    }

    func run() throws {
        let start = Date()
        let graph = SyntheticGraph(entities: entities, relations: relations, seed: seed)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        func file(_ name: String, _ body: (inout ByteSink) throws -> Void) throws {
            let path = (output as NSString).appendingPathComponent(name)
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: path) else { throw ValidationError("cannot write \(path)") }
            defer { try? handle.close() }
            var sink = ByteSink { bytes in try handle.write(contentsOf: bytes) }
            try body(&sink)
        }
        let wanted = Set(formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        if wanted.contains("yaml") { try file("graph.yaml") { try graph.writeYAML(to: &$0) } }
        if wanted.contains("graphml") || wanted.contains("csv") {
            let built = graph.graph()
            if wanted.contains("graphml") { try file("graph.graphml") { try graph.writeGraphML(built, to: &$0) } }
            if wanted.contains("csv") {
                let (entities, relations) = try Neo4jCSVWriter.csv(built)
                try file("entities.csv") { try $0.write(entities); try $0.close() }
                try file("relations.csv") { try $0.write(relations); try $0.close() }
            }
        }
        if wanted.contains("foreign") { try file("foreign.graphml") { try graph.writeForeignGraphML(to: &$0) } }
        if collidingIDs > 0 {
            try file("ids-plain.graphml") { try $0.write(CollidingIDs.graphML(CollidingIDs.plain(count: collidingIDs))); try $0.close() }
            try file("ids-crafted.graphml") { try $0.write(CollidingIDs.graphML(CollidingIDs.crafted(count: collidingIDs))); try $0.close() }
        }
        try file("sample.txt") { try graph.writeSample(to: &$0) }
        try file("queries.json") { try $0.write(graph.queriesJSON(sampleFile: "sample.txt")); try $0.close() }
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data(String(format: "kgraph-bench-gen: %d entities, %d relations -> %@ (%.1f s)\n",
                                                   entities, relations, output, seconds).utf8))
    }
}

BenchGen.main()
