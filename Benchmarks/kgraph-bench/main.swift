import Foundation
import KGraph

// Times kgraph's library on a graph written by kgraph-bench-gen, phase by phase in one process,
// and prints one JSON object shaped like Benchmarks/peers/peer_bench.py's, so the harness can put
// them side by side. Phases: see Benchmarks/README.md.
//
// Usage: kgraph-bench DIR [FILE]   (FILE defaults to DIR/graph.graphml; a .yaml file times the
//                                   native format's load only)

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("kgraph-bench: " + message + "\n").utf8))
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count == 2 || arguments.count == 3 else { fail("usage: kgraph-bench DIR [FILE]") }
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

let loaded = timed("load") { () -> LoadResult in
    do { return try GraphLoader.load(paths: [file]) } catch { fail("\(error)") }
}
let errors = loaded.diagnostics.filter { $0.severity == .error }
guard errors.isEmpty else { fail("the graph has errors: \(errors.prefix(3).map(\.description))") }
let graph = loaded.graph
result("entities", graph.entityCount)
result("relations", graph.relationCount)

if !file.hasSuffix(".yaml") && !file.hasSuffix(".yml") {
    guard let root = graph.index(ofEntity: queries.bfsRoot.id),
          let center = graph.index(ofEntity: queries.center.id) else { fail("query entities missing") }

    let bfs = timed("bfs") { graph.reachable(from: root) }
    result("bfs", bfs)

    let names = timed("names") { NameIndex(graph) }
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
    let hood = timed("neighborhood") { graph.reachable(from: center, maxDepth: 2) }
    result("neighborhood", hood)
    _ = center
}

var json = "{\"tool\": \"kgraph\", \"version\": \"dev\", \"phases\": {"
json += phases.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
json += "}, \"results\": {"
json += results.map { r in
    "\"\(r.0)\": " + (Int(r.1) != nil || r.1.hasPrefix("[") ? r.1 : JSONText.quote(r.1))
}.joined(separator: ", ")
json += "}}"
print(json)

extension Graph {
    /// How many entities a breadth-first search from `root` reaches, following relations both ways,
    /// within `maxDepth` hops. (A plain search over the public adjacency, with flat arrays.)
    func reachable(from root: Int32, maxDepth: Int = .max) -> Int {
        var depth = [Int32](repeating: -1, count: entityCount)
        var queue: [Int32] = [root]
        queue.reserveCapacity(entityCount)
        depth[Int(root)] = 0
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            let d = depth[Int(u)]
            if Int(d) >= maxDepth { continue }
            for r in outgoing(u) {
                let v = Int(targetIndex(ofRelation: r))
                if depth[v] < 0 { depth[v] = d + 1; queue.append(Int32(v)) }
            }
            for r in incoming(u) {
                let v = Int(sourceIndex(ofRelation: r))
                if depth[v] < 0 { depth[v] = d + 1; queue.append(Int32(v)) }
            }
        }
        return queue.count
    }
}
