import Foundation
@testable import KGraph

/// Fuzz targets for every reader of graph files (issue 17), one program for all of them.
///
///     kgraph-fuzz TARGET [libFuzzer options] [CORPUS...]   fuzz (built with -DKGRAPH_FUZZ, Fuzz/run.sh)
///     kgraph-fuzz TARGET FILE...                          run files through TARGET once (any build)
///     kgraph-fuzz seeds FOLDER GRAPH.yaml...              write seed inputs of every target to FOLDER/TARGET/
///
/// Each input is read as the target's format and the fragment assembled into a graph, as a load
/// does: a crash, a sanitizer report, a hang or runaway memory anywhere on that path is a finding.
@main
enum KGraphFuzz {
    /// The readers, by target name.
    nonisolated(unsafe) static let targets: [String: (Data) -> Void] = [
        "graphml": { input in
            read { diagnostics in
                let fragment = GraphMLReader.read(.bytes(input), file: "fuzz.graphml", diagnostics: &diagnostics)
                checkSplitRead(input, against: fragment, diagnostics)
                return fragment
            }
        },
        "gexf": { input in read { GEXFReader.read(.bytes(input), file: "fuzz.gexf", diagnostics: &$0) } },
        "nodelink": { input in read { NodeLinkReader.read(.bytes(input), file: "fuzz.json", diagnostics: &$0) } },
        "cytoscape": { input in read { CytoscapeReader.read(.bytes(input), file: "fuzz.cyjs", diagnostics: &$0) } },
        "csv": { input in readCSVPair(input) },
        "yaml": { input in
            guard let text = String(data: input, encoding: .utf8) else { return }
            read { GraphFileParser.parse(yaml: text, file: "fuzz.yaml", diagnostics: &$0) }
        },
        "cache": { input in
            // The payload of a cache entry; the header and checksum are the cache's own business.
            input.withUnsafeBytes { raw in
                guard let (fragment, _) = try? FragmentCoding.decode(raw) else { return }
                var diagnostics: [Diagnostic] = []
                _ = GraphAssembler.assemble([fragment], diagnostics: &diagnostics)
            }
        },
    ]

    /// Fuzz inputs are far below the size the two-thread GraphML read starts at: so each one is
    /// also read split at its middle line (the second half on another thread), and that reading
    /// must give what `fragment` and `diagnostics`, read in one pass, hold. A difference traps.
    static func checkSplitRead(_ input: Data, against fragment: GraphFragment, _ diagnostics: [Diagnostic]) {
        var d: [Diagnostic] = []
        let split = GraphMLReader.readReportingSplit(.bytes(input), file: "fuzz.graphml", diagnostics: &d,
                                                     split: .near(input.count / 2)).fragment
        guard split.title == fragment.title, split.description == fragment.description,
              split.documents == fragment.documents, split.entities == fragment.entities,
              split.relations == fragment.relations, d.map(\.description) == diagnostics.map(\.description),
              split.vocabulary.kinds.map(\.id) == fragment.vocabulary.kinds.map(\.id),
              split.vocabulary.types.map(\.id) == fragment.vocabulary.types.map(\.id) else {
            fatalError("the GraphML read split at the middle differs from the one-pass read")
        }
    }

    /// Reads with `reader` and assembles what it gave, as a load does.
    static func read(_ reader: (inout [Diagnostic]) -> GraphFragment) {
        var diagnostics: [Diagnostic] = []
        let fragment = reader(&diagnostics)
        _ = GraphAssembler.assemble([fragment], diagnostics: &diagnostics)
    }

    /// The Neo4j pair: the input's bytes up to its first NUL are `entities.csv`, the rest `relations.csv`.
    /// The reader finds a pair's second file beside the first, so both are written to a folder.
    static func readCSVPair(_ input: Data) {
        let cut = input.firstIndex(of: 0) ?? input.endIndex
        let entities = input[input.startIndex..<cut]
        let relations = cut < input.endIndex ? input[(cut + 1)...] : Data()
        try? entities.write(to: URL(fileURLWithPath: scratch + "/entities.csv"))
        try? relations.write(to: URL(fileURLWithPath: scratch + "/relations.csv"))
        read { Neo4jCSVReader.read(.file(path: scratch + "/entities.csv"), file: scratch + "/entities.csv", diagnostics: &$0) }
    }

    /// A folder of this process's own for the CSV pair.
    static let scratch: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let dir = base + "/kgraph-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    nonisolated(unsafe) static var chosen: (Data) -> Void = { _ in }

    static func main() {
        let args = CommandLine.arguments
        guard args.count >= 2 else { usage() }
        if args[1] == "seeds" {
            guard args.count >= 4 else { usage() }
            writeSeeds(to: args[2], graphs: Array(args[3...]))
            return
        }
        guard let target = targets[args[1]] else { usage() }
        chosen = target
        #if KGRAPH_FUZZ
        runLibFuzzer(dropping: 1)
        #else
        for file in args[2...] {
            guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
            target(data)
        }
        #endif
    }

    static func usage() -> Never {
        fail("usage: kgraph-fuzz TARGET [options] [CORPUS...] | kgraph-fuzz seeds FOLDER GRAPH.yaml...\n"
             + "targets: " + targets.keys.sorted().joined(separator: ", "))
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }

    /// Seeds for every target from native graph files: the files themselves, each format's export
    /// of their graph, and the cache payload of their parse.
    static func writeSeeds(to folder: String, graphs: [String]) {
        func put(_ data: Data, _ target: String, _ name: String) {
            let dir = folder + "/" + target
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try? data.write(to: URL(fileURLWithPath: dir + "/" + name))
        }
        for path in graphs {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else { continue }
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            put(data, "yaml", name + ".yaml")
            var diagnostics: [Diagnostic] = []
            let fragment = GraphFileParser.parse(yaml: text, file: path, diagnostics: &diagnostics)
            put(Data(FragmentCoding.encode(fragment, diagnostics: diagnostics)), "cache", name + ".kgfc")
            let g = GraphAssembler.assemble([fragment], diagnostics: &diagnostics)
            put(GraphMLWriter.graphml(g), "graphml", name + ".graphml")
            put(GEXFWriter.gexf(g), "gexf", name + ".gexf")
            put(NodeLinkWriter.json(g), "nodelink", name + ".json")
            put(CytoscapeWriter.json(g), "cytoscape", name + ".cyjs")
            if let (entities, relations) = try? Neo4jCSVWriter.csv(g) {
                put(entities + Data([0]) + relations, "csv", name + ".csv")
            }
        }
    }
}

#if KGRAPH_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

extension KGraphFuzz {
    /// Hands the remaining arguments to libFuzzer, which calls `chosen` with each input it makes.
    static func runLibFuzzer(dropping dropped: Int) -> Never {
        var args = CommandLine.arguments
        args.remove(at: dropped)
        var argc = Int32(args.count)
        var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        let code = cArgs.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var argv = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
                KGraphFuzz.chosen(bytes.map { Data(bytes: $0, count: count) } ?? Data())
                return 0
            }
        }
        exit(code)
    }
}
#endif
