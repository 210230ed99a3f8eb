import Foundation

/// Reads Cytoscape.js elements JSON (`.cyjs`, or `.json` with `elements`) into a `GraphFragment`:
/// `elements` as `{"nodes": [...], "edges": [...]}` or as one list of `{"group", "data"}`
/// elements, or a bare list of elements. Each element's `data` maps as in `InteropField`
/// (Cytoscape's `name` is the entity name, `interaction` the relation type); kgraph's own files
/// (`"data": {"kgraph": 1}`) read back exactly, with documents and vocabulary.
///
/// Not supported: compound nodes (`parent` is kept as an attribute, not as structure); styles,
/// positions, classes and other element fields besides `data`; edge direction (every relation
/// runs from `source` to `target`).
public enum CytoscapeReader {
    /// Reads Cytoscape.js JSON from a file or bytes.
    public static func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        var fragment = GraphFragment(file: file, strictVocabulary: false)
        guard let (root, data) = JSONInput.parse(source, file: file, diagnostics: &diagnostics) else { return fragment }
        read(root, data: data, into: &fragment, diagnostics: &diagnostics)
        return fragment
    }

    /// True when a parsed JSON document looks like Cytoscape.js elements rather than node-link.
    static func recognises(_ root: JSONValue) -> Bool {
        if root.array != nil { return true }
        return root["elements"] != nil
    }

    static func read(_ root: JSONValue, data: Data, into fragment: inout GraphFragment, diagnostics: inout [Diagnostic]) {
        let file = fragment.file
        let lines = LineIndex(data)
        func place(_ v: JSONValue?) -> FileLocation {
            if case .object(_, let offset)? = v { return lines.location(of: offset, file: file) }
            return FileLocation(file: file, line: 1, column: 1)
        }
        var nodes: [JSONValue] = []
        var edges: [JSONValue] = []
        let elements = root.array != nil ? root : root["elements"]
        if let list = elements?.array {
            for el in list {
                let group = el["group"]?.string
                if group == "edges" || (group == nil && el["data"]?["source"] != nil) { edges.append(el) } else { nodes.append(el) }
            }
        } else if elements?.members != nil {
            nodes = elements?["nodes"]?.array ?? []
            edges = elements?["edges"]?.array ?? []
        } else {
            diagnostics.append(Diagnostic(.error, "not Cytoscape.js JSON: expected \"elements\"", at: place(root)))
            return
        }
        let graph = root["data"]
        let own: Bool
        if case .int(1)? = graph?["kgraph"] { own = true } else { own = false }
        JSONInput.graphData(graph?.members.map { .object($0.filter { $0.key != "name" || graph?["title"] == nil }, offset: 0) },
                            own: own, at: place(graph), into: &fragment, diagnostics: &diagnostics)
        var declared: [IDKey: FileLocation] = [:]
        for n in nodes {
            guard let d = n["data"], let members = d.members, let id = InteropJSONRecords.idText(d["id"]) else {
                diagnostics.append(Diagnostic(.error, "a node element needs \"data\" with an \"id\"", at: place(n)))
                continue
            }
            InteropJSONRecords.addNode(members, id: id, own: own, at: place(n), declared: &declared, into: &fragment,
                                       diagnostics: &diagnostics)
        }
        var edgeList = EdgeListBuilder()
        for (i, e) in edges.enumerated() {
            guard let d = e["data"], let members = d.members,
                  let s = InteropJSONRecords.idText(d["source"]), let t = InteropJSONRecords.idText(d["target"]) else {
                diagnostics.append(Diagnostic(.error, "an edge element needs \"data\" with \"source\" and \"target\"", at: place(e)))
                continue
            }
            let id = InteropJSONRecords.idText(d["id"])
            edgeList.add(InteropJSONRecords.relation(members, id: id ?? "", source: s, target: t, own: own, location: place(e)),
                         position: i, named: id != nil)
        }
        edgeList.finish(into: &fragment, declared: &declared, diagnostics: &diagnostics)
    }
}

/// `.json` files: Cytoscape.js elements when they have `elements` (or are a list), else node-link.
enum JSONGraphReader {
    static func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        var fragment = GraphFragment(file: file, strictVocabulary: false)
        guard let (root, data) = JSONInput.parse(source, file: file, diagnostics: &diagnostics) else { return fragment }
        if CytoscapeReader.recognises(root) {
            CytoscapeReader.read(root, data: data, into: &fragment, diagnostics: &diagnostics)
        } else {
            NodeLinkReader.read(root, data: data, into: &fragment, diagnostics: &diagnostics)
        }
        return fragment
    }
}
