import Foundation
import KGraph
import KGraphRender

// Times kgraph's library on a graph written by kgraph-bench-gen, phase by phase in one process,
// and prints one JSON object shaped like Benchmarks/peers/peer_bench.py's, so the harness can put
// them side by side. Phases: see Benchmarks/README.md.
//
// Usage: kgraph-bench [--load-only] [--split-load] DIR [FILE]
//                                                 (FILE defaults to DIR/graph.graphml; --split-load
//                                                  also times the load's two halves: reading the file
//                                                  and assembling the graph)
//        kgraph-bench --layout FILE OUT.dot       (times the in-process sfdp layout + SVG of FILE's
//                                                  whole graph, and writes the DOT it laid out)

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("kgraph-bench: " + message + "\n").utf8))
    exit(2)
}

var arguments = CommandLine.arguments
if arguments.count == 4 && arguments[1] == "--layout" {
    layout(file: arguments[2], dotFile: arguments[3])
    exit(0)
}
let loadOnly = arguments.contains("--load-only")
let splitLoad = arguments.contains("--split-load")
arguments.removeAll { $0 == "--load-only" || $0 == "--split-load" }
guard arguments.count == 2 || arguments.count == 3 else { fail("usage: kgraph-bench [--load-only] [--split-load] DIR [FILE]") }
let folder = URL(fileURLWithPath: arguments[1])
let file = arguments.count == 3 ? arguments[2] : folder.appendingPathComponent("graph.graphml").path

struct Queries: Decodable {
    struct Named: Decodable { var id: String; var name: String }
    var bfsRoot: Named
    var pathFrom: Named
    var pathTo: Named
    var center: Named
    var sampleFile: String
}

guard let queryData = FileManager.default.contents(atPath: folder.appendingPathComponent("queries.json").path),
      let queries = try? JSONDecoder().decode(Queries.self, from: queryData) else { fail("cannot read queries.json") }

var phases: [(String, Double)] = []
var results: [(String, String)] = []

@MainActor @discardableResult
func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    phases.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    return value
}

@MainActor func result(_ name: String, _ value: some CustomStringConvertible) { results.append((name, value.description)) }

/// `GraphLoader.load` of one file in its two halves, each timed (phases read and assemble; load is their sum).
@MainActor func loadInHalves() -> (graph: Graph, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let start = DispatchTime.now().uptimeNanoseconds
    let fragments = [GraphLoader.readFragment(file: file, diagnostics: &diagnostics)]
    let read = DispatchTime.now().uptimeNanoseconds
    // Handed over whole, as the loader does, so the graph adopts the relations without a copy.
    let graph = GraphAssembler.assemble(consume fragments, diagnostics: &diagnostics)
    let end = DispatchTime.now().uptimeNanoseconds
    phases += [("read", Double(read - start) / 1e9), ("assemble", Double(end - read) / 1e9), ("load", Double(end - start) / 1e9)]
    return (graph, diagnostics.sortedByLocation())
}

let loaded = splitLoad ? loadInHalves() : timed("load") { () -> (graph: Graph, diagnostics: [Diagnostic]) in
    do { let l = try GraphLoader.load(paths: [file]); return (l.graph, l.diagnostics) } catch { fail("\(error)") }
}
let errors = loaded.diagnostics.filter { $0.severity == .error }
guard errors.isEmpty else { fail("the graph has errors: \(errors.prefix(3).map(\.description))") }
let graph = loaded.graph
result("entities", graph.entityCount)
result("rss_after_load_mb", residentMegabytes())
result("relations", graph.relationCount)

if !loadOnly {
    guard let root = graph.index(ofEntity: queries.bfsRoot.id),
          let center = graph.index(ofEntity: queries.center.id) else { fail("query entities missing") }

    // Full breadth-first search, both directions.
    let bfs = timed("bfs") { graph.breadthFirst(from: root) }
    result("bfs", bfs.entities.count)

    // The names resolve by a scan of the entities (no table for two lookups), timed in each phase
    // that resolves them, as the peers' label lookups are.
    let names = NameIndex(graph)
    func endpoints() -> (Endpoint, Endpoint) {
        do {
            return (try names.endpoint(queries.pathFrom.name, in: graph), try names.endpoint(queries.pathTo.name, in: graph))
        } catch { fail("\(error)") }
    }
    let path = timed("path") { () -> PathAnswer in
        let (f, t) = endpoints()
        do { return try graph.findPaths(from: f, to: t, count: 1) } catch { fail("\(error)") }
    }
    result("path", path.paths.first?.length ?? -1)
    let kpaths = timed("kpaths") { () -> PathAnswer in
        let (f, t) = endpoints()
        do { return try graph.findPaths(from: f, to: t, count: 5) } catch { fail("\(error)") }
    }
    result("kpaths", "[" + kpaths.paths.map { String($0.length) }.joined(separator: ", ") + "]")
    // Every entity within two hops, as igraph's neighborhood(order=2) answers it; `kgraph neighbors`
    // adds the relations among them (timed apart as neighborhood_relations).
    let hood = timed("neighborhood") { graph.breadthFirst(from: center, depth: 2) }
    let ego = timed("neighborhood_relations") { graph.neighborhood(of: center, depth: 2) }
    result("neighborhood_relations", ego.relations.count)
    result("neighborhood", hood.entities.count)

    // Betweenness on the subgraph the sample induces (as the peers do: undirected, parallel merged).
    guard let sampleText = try? String(contentsOf: folder.appendingPathComponent(queries.sampleFile), encoding: .utf8)
    else { fail("cannot read the sample") }
    let sampleIDs = sampleText.split(separator: "\n").map(String.init)
    let (top, score) = timed("betweenness") { () -> (Int32, Double) in
        var keep = [Bool](repeating: false, count: graph.entityCount)
        for id in sampleIDs { if let i = graph.index(ofEntity: id) { keep[Int(i)] = true } }
        let entities = (0..<Int32(graph.entityCount)).filter { keep[Int($0)] }
        let relations = (0..<Int32(graph.relationCount)).filter {
            keep[Int(graph.sourceIndex(ofRelation: $0))] && keep[Int(graph.targetIndex(ofRelation: $0))]
        }
        let sub = Subgraph(entities: entities, relations: relations).graph(from: graph)
        let scores = sub.betweennessCentrality()
        var best = 0
        for i in scores.indices where scores[i] > scores[best]
            || (scores[i] == scores[best] && sub.entity(at: Int32(i)).id > sub.entity(at: Int32(best)).id) { best = i }
        // Unnormalised, as networkx.betweenness_centrality(normalized=False) and igraph report it.
        let n = Double(sub.entityCount)
        return (graph.index(ofEntity: sub.entity(at: Int32(best)).id)!, scores[best] * (n - 1) * (n - 2) / 2)
    }
    result("betweenness_top", graph.entity(at: top).id)
    result("betweenness_top_score", (score * 1000).rounded() / 1000)

    // Export: what `kgraph export graphml -o FILE` does (the file written atomically).
    let out = NSTemporaryDirectory() + "kgraph-bench-\(getpid()).graphml"
    timed("export") {
        do { try AtomicFile.write(to: out) { GraphMLWriter.write(graph, to: $0) } } catch { fail("\(error)") }
    }
    result("export_bytes", (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0)
    try? FileManager.default.removeItem(atPath: out)
}

var json = "{\"tool\": \"kgraph\", \"version\": \"dev\", \"phases\": {"
json += phases.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
json += "}, \"results\": {"
json += results.map { r in
    "\"\(r.0)\": " + (Int(r.1) != nil || r.1.hasPrefix("[") ? r.1 : JSONText.quote(r.1))
}.joined(separator: ", ")
json += "}}"
print(json)


/// The `--layout` mode: the DOT `kgraph render --engine sfdp` would lay out, then the layout and SVG
/// through the Graphviz library in this process, timed; the DOT goes to `dotFile` so the harness can
/// give the same text to the `sfdp` program.
func layout(file: String, dotFile: String) {
    let loaded: LoadResult
    do { loaded = try GraphLoader.load(paths: [file]) } catch { fail("\(error)") }
    let dot = DOTWriter.dot(loaded.graph, options: DOTOptions(engine: "sfdp"))
    do { try dot.write(toFile: dotFile, atomically: true, encoding: .utf8) } catch { fail("\(error)") }
    var best = Double.infinity
    var bytes = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        do { bytes = try GraphvizRenderer.shared.render(dot: dot, engine: "sfdp", format: "svg").count } catch { fail("\(error)") }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print("{\"tool\": \"kgraph\", \"entities\": \(loaded.graph.entityCount), \"relations\": \(loaded.graph.relationCount), "
          + "\"layout\": \(best), \"svg_bytes\": \(bytes)}")
}

/// This process's resident set now, in MB (Linux; 0 elsewhere).
func residentMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}
