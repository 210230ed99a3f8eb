import Foundation
import KGraph
import KGraphBenchGen
import Testing

/// Writes one format into memory.
private func text(_ graph: SyntheticGraph, _ write: (SyntheticGraph, inout ByteSink) throws -> Void) throws -> [UInt8] {
    var collected: [UInt8] = []
    var sink = ByteSink(flushAt: 4096) { collected += $0 }
    try write(graph, &sink)
    return collected
}

private var writers: [(String, (SyntheticGraph, inout ByteSink) throws -> Void)] { [
    ("yaml", { try $0.writeYAML(to: &$1) }),
    ("graphml", { try $0.writeGraphML(to: &$1) }),
    ("foreign.graphml", { try $0.writeForeignGraphML(to: &$1) }),
    ("entities.csv", { try $0.writeEntitiesCSV(to: &$1) }),
    ("relations.csv", { try $0.writeRelationsCSV(to: &$1) }),
    ("sample", { try $0.writeSample(to: &$1) }),
] }

@Suite struct GeneratorTests {
    @Test func sameSeedGivesSameBytesInEveryFormat() throws {
        let a = SyntheticGraph(entities: 300, relations: 2000, seed: 7)
        let b = SyntheticGraph(entities: 300, relations: 2000, seed: 7)
        for (name, write) in writers {
            let x = try text(a, write), y = try text(b, write)
            #expect(!x.isEmpty, "\(name) is empty")
            #expect(x == y, "\(name) differs between two runs with the same seed")
        }
        #expect(a.queriesJSON(sampleFile: "s") == b.queriesJSON(sampleFile: "s"))
    }

    @Test func anotherSeedGivesAnotherGraph() throws {
        let a = SyntheticGraph(entities: 300, relations: 2000, seed: 7)
        let b = SyntheticGraph(entities: 300, relations: 2000, seed: 8)
        #expect(try text(a, writers[0].1) != text(b, writers[0].1))
    }

    @Test func yamlLoadsCleanWithTheAskedSizes() throws {
        let g = SyntheticGraph(entities: 400, relations: 3000, seed: 3)
        let yaml = String(decoding: try text(g, writers[0].1), as: UTF8.self)
        let result = GraphLoader.load(yaml: yaml, file: "synthetic.yaml")
        // No errors and no warnings: kinds, types, domain and range, documents all valid, every entity used.
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(5))")
        #expect(result.graph.entityCount == 400)
        #expect(result.graph.relationCount == 3000)
        result.graph.checkInvariants()
        // Every relation is dated as written and cites one or two documents.
        for (i, r) in g.relations.enumerated() {
            let loaded = result.graph.relation(at: Int32(i))
            #expect(loaded.time?.description == r.date)
            #expect((1...2).contains(loaded.sources.count))
            #expect(loaded.source == g.entities[Int(r.source)].id && loaded.target == g.entities[Int(r.target)].id)
        }
    }

    @Test func everyEntityIsReachableAndQueryEndpointsAreUniqueNames() throws {
        let g = SyntheticGraph(entities: 500, relations: 2500, seed: 11)
        let yaml = String(decoding: try text(g, writers[0].1), as: UTF8.self)
        let graph = GraphLoader.load(yaml: yaml).graph
        // Undirected reachability from the BFS root covers the whole graph (the spanning tree).
        var seen = [Bool](repeating: false, count: graph.entityCount)
        var queue = [g.queries.bfsRoot]
        seen[Int(g.queries.bfsRoot)] = true
        while let e = queue.popLast() {
            for r in graph.outgoing(e) + graph.incoming(e) {
                for n in [graph.sourceIndex(ofRelation: r), graph.targetIndex(ofRelation: r)] where !seen[Int(n)] {
                    seen[Int(n)] = true
                    queue.append(n)
                }
            }
        }
        #expect(seen.allSatisfy { $0 })
        let names = NameIndex(graph)
        for q in [g.queries.pathFrom, g.queries.pathTo, g.queries.center] {
            #expect(names.resolve(g.entities[Int(q)].name) == .unique(q))
        }
        #expect(g.queries.sample.count == 50 && g.queries.sample == g.queries.sample.sorted())
    }
}

@Suite struct GeneratorFormatTests {
    /// The YAML and the GraphML (written by kgraph's exporter) load into the same graph, which is
    /// the graph the generator built.
    @Test func yamlAndGraphMLLoadIntoTheSameGraph() throws {
        let g = SyntheticGraph(entities: 300, relations: 1500, seed: 5)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-gen-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var yaml: [UInt8] = [], graphml: [UInt8] = []
        var ys = ByteSink { yaml += $0 }, gs = ByteSink { graphml += $0 }
        try g.writeYAML(to: &ys)
        try g.writeGraphML(to: &gs)
        try Data(yaml).write(to: dir.appendingPathComponent("g.yaml"))
        try Data(graphml).write(to: dir.appendingPathComponent("g.graphml"))
        let fromYAML = try GraphLoader.load(paths: [dir.appendingPathComponent("g.yaml").path])
        let fromGraphML = try GraphLoader.load(paths: [dir.appendingPathComponent("g.graphml").path])
        #expect(!fromYAML.diagnostics.hasErrors && !fromGraphML.diagnostics.hasErrors)
        let built = g.graph()
        for loaded in [fromYAML.graph, fromGraphML.graph] {
            #expect(loaded.entityCount == 300 && loaded.relationCount == 1500)
            for i in 0..<Int32(300) {
                let a = loaded.entity(at: i), b = built.entity(at: i)
                #expect(a.id == b.id && a.name == b.name && a.kind == b.kind && a.aliases == b.aliases && a.country == b.country)
            }
            for i in 0..<Int32(1500) {
                let a = loaded.relation(at: i), b = built.relation(at: i)
                #expect(a.id == b.id && a.source == b.source && a.type == b.type && a.target == b.target)
                #expect(a.time == b.time && a.confidence == b.confidence && a.assertion == b.assertion && a.sources == b.sources)
            }
            #expect(loaded.documents.map(\.id) == built.documents.map(\.id))
        }
    }
}

/// The foreign-style GraphML holds the same graph: kgraph reads it as a foreign file (names,
/// kinds, countries, types, dates and quotes; documents unknown) and NetworkX reads it as the
/// MultiDiGraph it would have written.
@Suite struct ForeignGraphMLTests {
    @Test func kgraphReadsTheSameGraphFromIt() throws {
        let g = SyntheticGraph(entities: 300, relations: 1500, seed: 5)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-foreign-\(UUID()).graphml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(text(g, { try $0.writeForeignGraphML(to: &$1) })).write(to: file)
        let loaded = try GraphLoader.load(paths: [file.path])
        #expect(!loaded.diagnostics.hasErrors)
        let built = g.graph()
        #expect(loaded.graph.entityCount == 300 && loaded.graph.relationCount == 1500)
        for i in 0..<Int32(300) {
            let a = loaded.graph.entity(at: i), b = built.entity(at: i)
            #expect(a.id == b.id && a.name == b.name && a.kind == b.kind && a.country == b.country)
        }
        for i in 0..<Int32(1500) {
            let a = loaded.graph.relation(at: i), b = built.relation(at: i)
            #expect(a.source == b.source && a.type == b.type && a.target == b.target && a.time == b.time)
            #expect(a.sources == b.sources)
        }
        #expect(loaded.graph.documents.isEmpty)
    }

    @Test func networkXReadsItAsAMultiDiGraph() throws {
        let g = SyntheticGraph(entities: 300, relations: 1500, seed: 5)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-foreign-\(UUID()).graphml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(text(g, { try $0.writeForeignGraphML(to: &$1) })).write(to: file)
        let script = """
            import json, sys, networkx as nx
            G = nx.read_graphml(sys.argv[1])
            e = next(iter(G.edges(data=True)))
            print(json.dumps([type(G).__name__, G.number_of_nodes(), G.number_of_edges(), sorted(e[2])]))
            """
        let p = Process()
        let out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, file.path]
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let answer = try #require(try JSONSerialization.jsonObject(with: data) as? [Any])
        #expect(answer[0] as? String == "MultiDiGraph")
        #expect(answer[1] as? Int == 300 && answer[2] as? Int == 1500)
        #expect(answer[3] as? [String] == ["relation", "sources"] || answer[3] as? [String] == ["date", "relation", "sources"])
    }
}

@Suite struct StreamingExportTests {
    /// The streamed GraphML is the same document, in several pieces, and the streaming atomic
    /// write puts exactly those bytes in the file.
    @Test func streamedGraphMLEqualsTheWholeDocument() throws {
        let g = SyntheticGraph(entities: 500, relations: 3_000, seed: 9).graph()
        let whole = GraphMLWriter.graphml(g)
        #expect(whole.count > 1 << 20)
        var pieces = 0
        var streamed = Data()
        GraphMLWriter.write(g) { pieces += 1; streamed.append(contentsOf: $0) }
        #expect(pieces > 1)
        #expect(streamed == whole)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-stream-\(UUID()).graphml").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try AtomicFile.write(to: file) { GraphMLWriter.write(g, to: $0) }
        #expect(FileManager.default.contents(atPath: file) == whole)
    }

    @Test func aFailedStreamingWriteLeavesNoFile() {
        let file = "/nonexistent-folder-\(UUID())/x.graphml"
        #expect(throws: FileWriteError.self) { try AtomicFile.write(to: file) { emit in [UInt8](repeating: 1, count: 10).withUnsafeBytes { emit($0) } } }
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
