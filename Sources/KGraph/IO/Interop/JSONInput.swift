import Foundation

/// Reading JSON graph files: parsing with located errors, the graph-level data, and line numbers.
enum JSONInput {
    /// The parsed document and its bytes; nil (with a located error) when it is not JSON.
    static func parse(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> (JSONValue, Data)? {
        let data: Data
        do { data = try source.readAll() } catch {
            diagnostics.append(Diagnostic(.error, error.message, at: FileLocation(file: file, line: 1, column: 1)))
            return nil
        }
        if let utf16 = InputFile.utf16Problem(data) {
            diagnostics.append(Diagnostic(.error, utf16, at: FileLocation(file: file, line: 1, column: 1)))
            return nil
        }
        do {
            return (try JSONParser.parse(data), data)
        } catch {
            diagnostics.append(Diagnostic(.error, "invalid JSON: " + error.message,
                                          at: JSONParser.location(of: error.offset, in: data, file: file)))
            return nil
        }
    }

    /// Title, description, documents and vocabulary from a graph-level object.
    static func graphData(_ graph: JSONValue?, own: Bool, at: FileLocation, into fragment: inout GraphFragment,
                          diagnostics: inout [Diagnostic]) {
        guard let members = graph?.members else { return }
        var ignored: [String] = []
        for (k, v) in members {
            switch k {
            case "kgraph": continue
            case "title", "name":
                if fragment.title == nil, let s = v.string, !s.isEmpty { fragment.title = s }
            case "description":
                if let s = v.string { fragment.description = s }
            case "documents":
                if let docs = InteropGraphData.documents(v) {
                    fragment.documents += docs.map { var d = $0; d.location = at; return d }
                } else {
                    diagnostics.append(Diagnostic(own ? .error : .warning, "\"documents\" is not a list of documents", at: at))
                }
            case "vocabulary":
                if let voc = InteropGraphData.vocabulary(v) {
                    fragment.vocabulary = fragment.vocabulary.merging(voc)
                    for kind in voc.kinds { fragment.vocabularyPlaces["kind:" + kind.id] = at }
                    for type in voc.types { fragment.vocabularyPlaces["type:" + type.id] = at }
                } else {
                    diagnostics.append(Diagnostic(own ? .error : .warning, "\"vocabulary\" is not kgraph's vocabulary", at: at))
                }
            default:
                ignored.append(k)
            }
        }
        if !ignored.isEmpty {
            diagnostics.append(Diagnostic(.warning, "graph attribute(s) " + ignored.map { "'\($0)'" }.joined(separator: ", ")
                                          + " not kept: a kgraph graph has only a title, a description, documents and a vocabulary",
                                          at: at))
        }
    }
}

/// Byte offset to line and column, by binary search over the offsets of line starts.
struct LineIndex {
    private let starts: [Int]
    private let data: Data

    init(_ data: Data) {
        self.data = data
        var s = [0]
        for (i, b) in data.enumerated() where b == 0x0A { s.append(i + 1) }
        starts = s
    }

    func location(of offset: Int, file: String) -> FileLocation {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let lineStart = starts[lo]
        var column = 1
        let base = data.startIndex
        for i in lineStart..<max(lineStart, offset) where data[base + i] & 0xC0 != 0x80 { column += 1 }
        return FileLocation(file: file, line: lo + 1, column: column)
    }
}

/// The edges of a file, collected, then given ids and checked as every reader does: edges without
/// an id get `e0`, `e1`... (their position); an id reused between the same two nodes is an error;
/// reused between other nodes (multigraph keys used as ids) it becomes `SOURCE-TARGET-ID`; nodes
/// named only by edges are created.
struct EdgeListBuilder {
    private var relations: [Relation] = []
    private var positions: [Int] = []
    private var named: [Bool] = []

    mutating func add(_ r: Relation, position: Int, named isNamed: Bool) {
        relations.append(r)
        positions.append(position)
        named.append(isNamed)
    }

    mutating func finish(into fragment: inout GraphFragment, declared: inout [IDKey: FileLocation],
                         diagnostics: inout [Diagnostic]) {
        // Ids are the same when their scalars are (`IDKey`).
        var taken = Set<IDKey>()
        for (i, r) in relations.enumerated() where named[i] { taken.insert(IDKey(r.id)) }
        var firstUse: [IDKey: Int] = [:]
        var renamed = 0
        var renamedAt: FileLocation?
        var keep: [Relation] = []
        keep.reserveCapacity(relations.count)
        for (i, var r) in relations.enumerated() {
            if !named[i] {
                var new = "e" + String(positions[i])
                var n = 2
                while taken.contains(IDKey(new)) { new = "e" + String(positions[i]) + "-" + String(n); n += 1 }
                taken.insert(IDKey(new))
                r.id = new
            } else if let f = firstUse[IDKey(r.id)] {
                let first = relations[f]
                if sameScalars(first.source, r.source) && sameScalars(first.target, r.target) {
                    diagnostics.append(Diagnostic(.error, "duplicate edge id '\(r.id)' between the same two nodes (first at "
                                                  + (first.location.map { "\($0)" } ?? "?") + ")", at: r.location))
                    continue
                }
                var new = r.source + "-" + r.target + "-" + r.id
                var n = 2
                while taken.contains(IDKey(new)) { new = r.source + "-" + r.target + "-" + r.id + "-" + String(n); n += 1 }
                taken.insert(IDKey(new))
                r.id = new
                renamed += 1
                if renamedAt == nil { renamedAt = r.location }
            } else {
                firstUse[IDKey(r.id)] = i
            }
            keep.append(r)
        }
        if renamed > 0 {
            diagnostics.append(Diagnostic(.warning, "\(renamed) edge(s) reuse an earlier edge's id between other nodes; "
                                          + "they got ids SOURCE-TARGET-ID", at: renamedAt))
        }
        var created = 0
        var createdAt: FileLocation?
        for r in keep {
            for end in [r.source, r.target] where declared[IDKey(end)] == nil {
                declared[IDKey(end)] = r.location
                fragment.entities.append(Entity(id: end, name: end, kind: InteropField.defaultKind, location: r.location))
                created += 1
                if createdAt == nil { createdAt = r.location }
            }
        }
        if created > 0 {
            diagnostics.append(Diagnostic(.warning, "\(created) node(s) are named by edges but never declared; they were created",
                                          at: createdAt))
        }
        fragment.relations += keep
        fragment.settleCountries()
    }
}
