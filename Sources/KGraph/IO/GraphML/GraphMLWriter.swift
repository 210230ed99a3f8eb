import Foundation

/// Writes a graph as GraphML that Gephi, yEd, Cytoscape, NetworkX and igraph open, valid against
/// the GraphML 1.0 schema (`graphml.xsd`) unless yEd markup is asked for.
///
/// Layout: every `<key>` before the `<graph>`, node keys (`n_*`) and edge keys (`e_*`) with
/// distinct ids; nodes carry `label` (the name), `kind`, `aliases`, `country`, `description`,
/// `ids`, `provenance`, `note` (`InteropField.entityColumns`); edges carry a unique id, `label`
/// (the type's reading), `relation` (the type id), `date`, `date_precision`, `confidence`,
/// `assertion`, `sources`, `provenance`, `note` (`InteropField.relationColumns`, each under its
/// own key `e_COLUMN`); each free attribute gets its own typed key, its `attr.name` prefixed
/// `attribute_` when a field has that name (`attribute_date`). Lists and maps go out as JSON text. The
/// graph carries its `title`, `description`, the `documents` list and the kinds and types it adds
/// to the vocabulary (JSON). Each key's `<desc>` holds a small JSON marker (`{"kgraph":"kind"}`)
/// so `GraphMLReader` reads the file back into the same graph.
///
/// Not supported: GraphML's own typing of lists (it has none: JSON text instead); characters XML
/// cannot carry (C0 controls), written as U+FFFD; ids that are not XML NMTOKENs are written with
/// `_` in place of the offending characters, the real id kept in an `id` key. With `yed: true` the
/// file adds yFiles markup (labels, kind colours and shapes, edge colours) for yEd; yEd's
/// `yfiles.type` attribute is not in the plain schema, so that file validates only against yEd's.
public enum GraphMLWriter {
    /// The GraphML document for `g`.
    public static func graphml(_ g: Graph, yed: Bool = false) -> Data {
        var data = Data()
        write(g, yed: yed) { data.append(contentsOf: $0) }
        return data
    }

    /// The GraphML document for `g`, handed to `emit` in pieces of about a megabyte, so that a
    /// big graph's export is never held whole in memory (`AtomicFile.write(to:streaming:)`).
    /// - Complexity: O(size of the graph); O(1 MB) memory beyond the graph.
    public static func write(_ g: Graph, yed: Bool = false, to emit: (UnsafeRawBufferPointer) -> Void) {
        var w = Writer(g, yed: yed)
        w.write(emit)
        w.out.drain(emit)
    }
}

private struct Writer {
    let g: Graph
    let yed: Bool
    var out = XMLOutput()
    var nodeIDs: [String] = []
    var edgeIDs: [String] = []
    var needNodeID = false
    var needEdgeID = false
    let nodeColumns: AttributeColumns
    /// Each citation field's `"key":` as the first member of its object and as a later one.
    let citationKeys = Citation.fields.map { (first: "\"" + $0.key + "\":", later: ",\"" + $0.key + "\":") }
    let entityColumns = InteropField.entityColumns
    let entityKeys = InteropField.entityColumns.map { "n_" + $0.column! }
    let edgeColumns: AttributeColumns
    let relationColumns = InteropField.relationColumns
    /// Each relation column's key id (`e_relation`), and its precision's for a date (`e_date_precision`).
    let relationKeys = InteropField.relationColumns.map { f in
        (value: "e_" + f.column!, precision: InteropField.precisionColumn(f).map { "e_" + $0 })
    }

    init(_ g: Graph, yed: Bool) {
        self.g = g
        self.yed = yed
        nodeColumns = AttributeColumns(g.entities.map(\.attributes))
        edgeColumns = AttributeColumns(g.relations.map(\.attributes))
        (nodeIDs, needNodeID) = Writer.tokens(g.entities.map(\.id))
        (edgeIDs, needEdgeID) = Writer.tokens(g.relations.map(\.id))
    }

    /// Ids as unique NMTOKENs, and whether any had to change.
    static func tokens(_ ids: [String]) -> ([String], Bool) {
        // A graph's ids are unique already: when every one is a name as it stands, nothing can clash.
        let tokens = ids.map(XMLOutput.nmtoken)
        if tokens == ids { return (ids, false) }
        var changed = false
        var taken = Set<String>()
        var out: [String] = []
        out.reserveCapacity(ids.count)
        for id in ids {
            var t = XMLOutput.nmtoken(id)
            if t != id { changed = true }
            if !taken.insert(t).inserted {
                changed = true
                var n = 2
                while !taken.insert(t + "_" + String(n)).inserted { n += 1 }
                t += "_" + String(n)
            }
            out.append(t)
        }
        return (out, changed)
    }

    mutating func key(_ id: String, _ domain: String, _ name: String, _ type: String, marker: String) {
        out.raw("  <key id=\"\(id)\" for=\"\(domain)\"")
        out.attribute("attr.name", XMLOutput.nmtoken(name))
        out.raw(" attr.type=\"\(type)\">")
        out.element("desc", text: marker)
        out.raw("</key>\n")
    }

    static func marker(_ field: String, name: String? = nil, json: Bool = false, infer: Bool = false) -> String {
        var s = "{\"kgraph\":" + JSONText.quote(field)
        if let name { s += ",\"name\":" + JSONText.quote(name) }
        if json { s += ",\"json\":true" }
        if infer { s += ",\"infer\":true" }
        return s + "}"
    }

    /// The `attr.name`s of the edge fields' keys: the type's reading, then each column of
    /// `InteropField.relationColumns` (a date's precision after it).
    static let edgeFieldNames: [String] = [InteropField.Relation.label]
        + InteropField.relationColumns.flatMap { [$0.column!] + [InteropField.precisionColumn($0)].compactMap { $0 } }

    /// Each free attribute's `attr.name`: never a field's (igraph refuses a file with two keys of one
    /// name, NetworkX keeps whichever comes last), and unique once made an NMTOKEN. The key's
    /// marker keeps the real name.
    static func attributeNames(_ columns: AttributeColumns, reserved: Set<String>) -> [String] {
        var taken = reserved
        return columns.columns.map { c in
            var name = XMLOutput.nmtoken(AttributeColumns.escapedName(c.name, reserved: reserved))
            if !taken.insert(name).inserted {
                var n = 2
                while !taken.insert(name + "_" + String(n)).inserted { n += 1 }
                name += "_" + String(n)
            }
            return name
        }
    }

    static func graphMLType(_ t: AttributeColumns.ColumnType) -> String {
        switch t {
        case .bool: return "boolean"
        case .int: return "long"
        case .double: return "double"
        case .string, .mixed, .json: return "string"
        }
    }

    /// Bytes held before they are handed on.
    static let chunk = 1 << 20

    mutating func write(_ emit: (UnsafeRawBufferPointer) -> Void) {
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.raw("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        if yed { out.raw(" xmlns:y=\"http://www.yworks.com/xml/graphml\"") }
        out.raw(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        out.raw("  <desc>Written by kgraph: a knowledge graph of conflict actors, every relation dated and cited.</desc>\n")

        key("g_title", "graph", "title", "string", marker: Self.marker("title"))
        key("g_description", "graph", "description", "string", marker: Self.marker("description"))
        key("g_documents", "graph", "documents", "string", marker: Self.marker("documents", json: true))
        let vocabulary = InteropGraphData.vocabularyJSON(g.vocabulary)
        if vocabulary != nil { key("g_vocabulary", "graph", "vocabulary", "string", marker: Self.marker("vocabulary", json: true)) }

        key("n_label", "node", InteropField.Entity.name, "string", marker: Self.marker("name"))
        for field in InteropField.entityColumns {
            key("n_" + field.column!, "node", field.column!, "string",
                marker: Self.marker(field.column!, json: field.value == .list || field.value == .map))
        }
        if needNodeID { key("n_id", "node", "kgraph_id", "string", marker: Self.marker("id")) }
        let nodeNames = Self.attributeNames(nodeColumns, reserved: Set([InteropField.Entity.name, "id", "kgraph_id"] + InteropField.entityColumns.map { $0.column! }))
        for (i, c) in nodeColumns.columns.enumerated() {
            key("n_a\(i)", "node", nodeNames[i], Self.graphMLType(c.type),
                marker: Self.marker("attribute", name: c.name, json: c.type == .json, infer: c.type == .mixed))
        }
        key("e_label", "edge", InteropField.Relation.label, "string", marker: Self.marker("label"))
        for (k, field) in relationColumns.enumerated() {
            key(relationKeys[k].value, "edge", field.column!, "string",
                marker: Self.marker(field.column!, json: [.citations, .list, .map].contains(field.value)))
            if let p = InteropField.precisionColumn(field), let id = relationKeys[k].precision {
                key(id, "edge", p, "string", marker: Self.marker(p))
            }
        }
        if needEdgeID { key("e_id", "edge", "kgraph_id", "string", marker: Self.marker("id")) }
        let edgeNames = Self.attributeNames(edgeColumns, reserved: Set(Self.edgeFieldNames + ["id", "kgraph_id"]))
        for (i, c) in edgeColumns.columns.enumerated() {
            key("e_a\(i)", "edge", edgeNames[i], Self.graphMLType(c.type),
                marker: Self.marker("attribute", name: c.name, json: c.type == .json, infer: c.type == .mixed))
        }
        if yed {
            out.raw("  <key id=\"y_node\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n")
            out.raw("  <key id=\"y_edge\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n")
        }

        out.raw("  <graph id=\"G\" edgedefault=\"directed\">\n")
        if let t = g.title { data("g_title", t, indent: "    ") }
        if let d = g.description { data("g_description", d, indent: "    ") }
        data("g_documents", InteropGraphData.documentsJSON(g.documents), indent: "    ")
        if let vocabulary { data("g_vocabulary", vocabulary, indent: "    ") }

        let columns = g.entities.count > 0 ? Dictionary(uniqueKeysWithValues: nodeColumns.columns.enumerated().map { ($1.name, ($0, $1.type)) }) : [:]
        for (i, e) in g.entities.enumerated() {
            out.raw("    <node")
            out.attribute("id", nodeIDs[i])
            out.raw(">\n")
            data("n_label", e.name)
            for (k, field) in entityColumns.enumerated() {
                if let d = field.get(e) { data(entityKeys[k], InteropValues.text(d)) }
            }
            if needNodeID && nodeIDs[i] != e.id { data("n_id", e.id) }
            for name in e.attributes.keys.sorted() {
                let (k, type) = columns[name]!
                data("n_a\(k)", AttributeColumns.text(e.attributes[name]!, as: type))
            }
            if yed { yedNode(e, index: i) }
            out.raw("    </node>\n")
            if out.bytes.count >= Self.chunk { out.drain(emit) }
        }
        let edgeColumnIndex = Dictionary(uniqueKeysWithValues: edgeColumns.columns.enumerated().map { ($1.name, ($0, $1.type)) })
        for (i, r) in g.relations.enumerated() {
            let type = g.vocabulary.type(r.type)
            out.raw("    <edge")
            out.attribute("id", edgeIDs[i])
            out.attribute("source", nodeIDs[Int(g.sourceIndex(ofRelation: Int32(i)))])
            out.attribute("target", nodeIDs[Int(g.targetIndex(ofRelation: Int32(i)))])
            out.raw(">\n")
            data("e_label", type?.label ?? r.type)
            for (k, field) in relationColumns.enumerated() {
                switch InteropField.exported(field, r) {
                case nil: continue
                case .citations(let c)?: citations(relationKeys[k].value, c)
                case let d?:
                    data(relationKeys[k].value, InteropValues.text(d))
                    if let p = relationKeys[k].precision, let v = InteropField.precision(d) { data(p, v) }
                }
            }
            if needEdgeID && edgeIDs[i] != r.id { data("e_id", r.id) }
            for name in r.attributes.keys.sorted() {
                let (k, t) = edgeColumnIndex[name]!
                data("e_a\(k)", AttributeColumns.text(r.attributes[name]!, as: t))
            }
            if yed { yedEdge(r, type: type) }
            out.raw("    </edge>\n")
            if out.bytes.count >= Self.chunk { out.drain(emit) }
        }
        out.raw("  </graph>\n</graphml>\n")
    }

    /// Citations as `InteropValues.citationsJSON` gives them, escaped as they are written (no
    /// intermediate string: a big graph has hundreds of thousands).
    mutating func citations(_ key: String, _ cs: [Citation]) {
        out.raw("      <data key=\"" + key + "\">[")
        for (j, c) in cs.enumerated() {
            out.raw(j == 0 ? "{" : ",{")
            var first = true
            for (k, field) in Citation.fields.enumerated() {
                guard let v = field.text(c) else { continue }
                out.raw(first ? citationKeys[k].first : citationKeys[k].later)
                out.jsonStringText(v)
                first = false
            }
            out.raw("}")
        }
        out.raw("]</data>\n")
    }

    mutating func data(_ key: String, _ value: String, indent: String = "      ") {
        out.raw(indent + "<data key=\"" + key + "\">")
        out.text(value)
        out.raw("</data>\n")
    }

    // MARK: yEd

    static func yedShape(_ graphviz: String, style: String) -> String {
        if style.contains("rounded") { return "roundrectangle" }
        switch graphviz {
        case "ellipse", "oval", "circle": return "ellipse"
        case "hexagon": return "hexagon"
        case "octagon": return "octagon"
        case "diamond": return "diamond"
        case "house", "trapezium": return "trapezoid"
        case "parallelogram": return "parallelogram"
        default: return "rectangle"
        }
    }

    mutating func yedNode(_ e: Entity, index: Int) {
        let k = g.vocabulary.kind(e.kind) ?? EntityKind(id: e.kind)
        let width = max(80, 7 * e.name.count + 24)
        let columns = max(1, Int(Double(g.entityCount).squareRoot().rounded(.up)))
        let x = (index % columns) * 240, y = (index / columns) * 90
        out.raw("      <data key=\"y_node\"><y:ShapeNode>")
        out.raw("<y:Geometry height=\"36.0\" width=\"\(width).0\" x=\"\(x).0\" y=\"\(y).0\"/>")
        out.raw("<y:Fill")
        out.attribute("color", Self.yedColor(k.fill))
        out.raw(" transparent=\"false\"/>")
        out.raw("<y:BorderStyle color=\"#333333\" type=\"\(k.style.contains("dashed") ? "dashed" : "line")\" width=\"1.0\"/>")
        out.raw("<y:NodeLabel>")
        out.text(e.name)
        out.raw("</y:NodeLabel><y:Shape type=\"\(Self.yedShape(k.shape, style: k.style))\"/></y:ShapeNode></data>\n")
    }

    mutating func yedEdge(_ r: Relation, type: RelationType?) {
        let t = type ?? RelationType(id: r.type)
        let line = t.style == "dashed" ? "dashed" : t.style == "dotted" ? "dotted" : "line"
        let width = t.style == "bold" ? "3.0" : "1.0"
        var label = t.label
        if let time = r.time { label += " (" + time.description + ")" }
        out.raw("      <data key=\"y_edge\"><y:PolyLineEdge><y:LineStyle")
        out.attribute("color", Self.yedColor(t.color))
        out.raw(" type=\"\(line)\" width=\"\(width)\"/><y:Arrows source=\"none\" target=\"standard\"/><y:EdgeLabel")
        out.attribute("textColor", Self.yedColor(t.color))
        out.raw(">")
        out.text(label)
        out.raw("</y:EdgeLabel></y:PolyLineEdge></data>\n")
    }

    /// yEd wants `#RRGGBB`; anything else (a colour name) falls back to grey.
    static func yedColor(_ c: String) -> String {
        let hex = c.hasPrefix("#") ? c.dropFirst() : ""
        if hex.count == 6, hex.allSatisfy(\.isHexDigit) { return "#" + hex.uppercased() }
        return "#CCCCCC"
    }
}
