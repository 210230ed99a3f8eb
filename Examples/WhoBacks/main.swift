// Loads a graph with the KGraph library and prints who backs a group, with the evidence.
//
//     swift run who-backs "Kata'ib Hezbollah" [--graph Graphs]
import Foundation
import KGraph

var args = Array(CommandLine.arguments.dropFirst())
var paths: [String] = []
while let i = args.firstIndex(of: "--graph"), i + 1 < args.count {
    paths.append(args[i + 1])
    args.removeSubrange(i...(i + 1))
}
guard let name = args.first else {
    FileHandle.standardError.write(Data("usage: who-backs NAME [--graph PATH]\n".utf8))
    exit(2)
}
do {
    let result = try GraphLoader.load(paths: try GraphLoader.locate(explicit: paths))
    let graph = result.graph
    let target = try NameIndex(graph).entity(named: name, graph: graph)
    let backers = graph.incoming(target).filter { graph.relation(at: $0).type == "backs" }
    print("Who backs \(graph.entity(at: target).name):")
    if backers.isEmpty { print("  nobody, as far as this graph knows") }
    for r in backers {
        let relation = graph.relation(at: r)
        let backer = graph.entity(at: graph.sourceIndex(ofRelation: r))
        print("  \(backer.name)" + (relation.time.map { " (\($0))" } ?? ""))
        for c in relation.sources { print("    \(c.document): \u{201C}\(c.quote)\u{201D}") }
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}
