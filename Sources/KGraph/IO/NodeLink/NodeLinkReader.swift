import Foundation

/// Reads NetworkX node-link JSON (`node_link_data`, with the edge list under `edges` or `links`)
/// into a `GraphFragment`. Node ids may be strings or numbers; an edge's `key` becomes the
/// relation id (else `id`, else `e0`, `e1`... by position). Fields map as in `InteropField`;
/// kgraph's own files (`"graph": {"kgraph": 1, ...}`) read back exactly, with their documents and
/// vocabulary.
///
/// Not supported: hyperedges or adjacency-form JSON (`adjacency_data`); NetworkX's `name`/`source`
/// /`target` renaming options (the default names are expected); graph attributes other than
/// `title` (or `name`), `description`, `documents` and `vocabulary` (reported, not kept); edge
/// direction (`"directed": false` graphs are read as relations from `source` to `target`).
public enum NodeLinkReader {
    /// Reads node-link JSON from a file or bytes.
    public static func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        var fragment = GraphFragment(file: file, strictVocabulary: false)
        guard let (root, data) = JSONInput.parse(source, file: file, diagnostics: &diagnostics) else { return fragment }
        read(root, data: data, into: &fragment, diagnostics: &diagnostics)
        return fragment
    }

    static func read(_ root: JSONValue, data: Data, into fragment: inout GraphFragment, diagnostics: inout [Diagnostic]) {
        let file = fragment.file
        func at(_ v: JSONValue?) -> FileLocation {
            if case .object(_, let offset)? = v { return JSONParser.location(of: offset, in: data, file: file) }
            return FileLocation(file: file, line: 1, column: 1)
        }
        guard root.members != nil, let nodes = root["nodes"]?.array else {
            diagnostics.append(Diagnostic(.error, "not node-link JSON: expected an object with a \"nodes\" list", at: at(root)))
            return
        }
        let graph = root["graph"]
        let own: Bool
        if case .int(1)? = graph?["kgraph"] { own = true } else { own = false }
        JSONInput.graphData(graph, own: own, at: at(graph), into: &fragment, diagnostics: &diagnostics)
        let lines = LineIndex(data)
        func place(_ v: JSONValue) -> FileLocation {
            if case .object(_, let offset) = v { return lines.location(of: offset, file: file) }
            return FileLocation(file: file, line: 1, column: 1)
        }
        var declared: [IDKey: FileLocation] = [:]
        for n in nodes {
            guard let members = n.members else {
                diagnostics.append(Diagnostic(.error, "a node must be an object", at: place(n)))
                continue
            }
            guard let id = InteropJSONRecords.idText(n["id"]) else {
                diagnostics.append(Diagnostic(.error, "node without an \"id\"", at: place(n)))
                continue
            }
            InteropJSONRecords.addNode(members, id: id, own: own, at: place(n), declared: &declared, into: &fragment,
                                       diagnostics: &diagnostics)
        }
        let edges = root["edges"]?.array ?? root["links"]?.array ?? []
        var edgeList = EdgeListBuilder()
        for (i, e) in edges.enumerated() {
            guard let members = e.members else {
                diagnostics.append(Diagnostic(.error, "an edge must be an object", at: place(e)))
                continue
            }
            guard let s = InteropJSONRecords.idText(e["source"]), let t = InteropJSONRecords.idText(e["target"]) else {
                diagnostics.append(Diagnostic(.error, "edge without \"source\" and \"target\"", at: place(e)))
                continue
            }
            let id = InteropJSONRecords.idText(e["key"]) ?? InteropJSONRecords.idText(e["id"])
            let r = InteropJSONRecords.relation(members, id: id ?? "", source: s, target: t, own: own, location: place(e))
            edgeList.add(r, position: i, named: id != nil)
        }
        edgeList.finish(into: &fragment, declared: &declared, diagnostics: &diagnostics)
    }
}
