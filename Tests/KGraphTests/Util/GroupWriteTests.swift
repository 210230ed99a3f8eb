import Foundation
import Testing
@testable import KGraph

/// The Neo4j CSV pair is replaced as one unit (issue 17 item 3): a write stopped after any of its
/// steps (as a kill would stop it) leaves the old pair, the new pair, or a pair the reader refuses.
@Suite struct GroupWriteTests {
    enum Outcome: Equatable {
        case ids([String])
        case error(String)
    }

    static func graph(_ count: Int, prefix: String) -> Graph {
        var yaml = "documents:\n  - {id: d, title: D}\nentities:\n"
        for i in 0..<count { yaml += "  - {id: \(prefix)\(i), name: \(prefix.uppercased()) \(i), kind: state}\n" }
        yaml += "relations:\n"
        for i in 1..<count {
            yaml += "  - {id: r\(i), source: \(prefix)0, target: \(prefix)\(i), type: backs, sources: [{document: d, quote: q}]}\n"
        }
        let r = GraphLoader.load(yaml: yaml)
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        return r.graph
    }

    static func files(_ g: Graph, in dir: URL) throws -> [(data: Data, path: String)] {
        let (entities, relations) = try Neo4jCSVWriter.csv(g)
        return [(entities, dir.appendingPathComponent("entities.csv").path), (relations, dir.appendingPathComponent("relations.csv").path)]
    }

    /// The entity ids loading either file of the pair gives, or the first error.
    static func read(_ dir: URL) -> [String: Outcome] {
        var out: [String: Outcome] = [:]
        for name in ["entities.csv", "relations.csv"] {
            let r: LoadResult
            do { r = try GraphLoader.load(paths: [dir.appendingPathComponent(name).path]) } catch {
                out[name] = .error("\(error)")
                continue
            }
            if let e = r.diagnostics.first(where: { $0.severity == .error }) { out[name] = .error(e.message) } else {
                out[name] = .ids(r.graph.entities.map(\.id).sorted())
            }
        }
        return out
    }

    @Test func aWriteStoppedAfterAnyStepLeavesTheOldPairTheNewPairOrARefusal() throws {
        let old = Self.graph(3, prefix: "a"), new = Self.graph(5, prefix: "b")
        let oldIDs = old.entities.map(\.id).sorted(), newIDs = new.entities.map(\.id).sorted()
        var outcomes: [String] = []
        // Also a first write into an empty folder, where "old" is no pair at all.
        for firstWrite in [false, true] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-group-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let stepCount = try AtomicFile.groupSteps(try Self.files(new, in: dir)).count
            for temp in try FileManager.default.contentsOfDirectory(atPath: dir.path) { unlink(dir.path + "/" + temp) }
            #expect(stepCount == 4)  // manifest (old and new), two renames, manifest (new)
            for stop in 0...stepCount {
                for f in try FileManager.default.contentsOfDirectory(atPath: dir.path) { unlink(dir.path + "/" + f) }
                if !firstWrite { try AtomicFile.write(files: try Self.files(old, in: dir)) }
                let steps = try AtomicFile.groupSteps(try Self.files(new, in: dir))
                for step in steps.prefix(stop) { try step.run() }
                let read = Self.read(dir)
                let entities = read["entities.csv"]!, relations = read["relations.csv"]!
                switch (entities, relations) {
                case (.ids(let a), .ids(let b)) where a == b && (a == oldIDs || a == newIDs):
                    outcomes.append("\(stop): \(a == oldIDs ? "old" : "new")")
                case (.error(let a), .error(let b)) where a.contains("are not from the same export")
                    && (a == b || (firstWrite && b.hasPrefix("no such file"))):
                    outcomes.append("\(stop): refused")
                case (.error(let a), .error(let b)) where firstWrite && a.hasPrefix("no such file") && b.hasPrefix("no such file"):
                    outcomes.append("\(stop): none")  // nothing in place yet
                default:
                    Issue.record("stopped after \(stop) step(s) (first write: \(firstWrite)): \(entities) / \(relations)")
                }
                // What a kill leaves behind is cleared by the next write: it puts the new pair in place.
                try AtomicFile.write(files: try Self.files(new, in: dir))
                #expect(Self.read(dir) == ["entities.csv": .ids(newIDs), "relations.csv": .ids(newIDs)])
            }
        }
        #expect(outcomes == ["0: old", "1: old", "2: refused", "3: new", "4: new",
                             "0: none", "1: none", "2: refused", "3: new", "4: new"])
    }

    @Test func aFileChangedByHandIsRefusedWithTheWayOut() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-group-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try AtomicFile.write(files: try Self.files(Self.graph(3, prefix: "a"), in: dir))
        let relations = dir.appendingPathComponent("relations.csv").path
        let handle = try #require(FileHandle(forWritingAtPath: relations))
        handle.seekToEndOfFile()
        handle.write(Data("a1,a2,BACKS,r9,backs,backs,,,,,,,,,added,\n".utf8))
        try handle.close()
        guard case .error(let message) = Self.read(dir)["relations.csv"]! else {
            Issue.record("a changed pair loaded")
            return
        }
        #expect(message == "entities.csv and relations.csv are not from the same export (one was interrupted between "
                + "replacing them, or a file was changed since): export them again, or delete \(dir.resolvingSymlinksInPath().path)/.kgraph-group "
                + "if the change was on purpose")
        try FileManager.default.removeItem(atPath: dir.appendingPathComponent(".kgraph-group").path)
        #expect(Self.read(dir)["relations.csv"].map { if case .ids = $0 { true } else { false } } == true)
    }
}
