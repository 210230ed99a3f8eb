import Foundation

/// Writes a graph as GEXF 1.3 (https://gexf.net), Gephi's format, valid against the 1.3 schema.
///
/// The graph is in dynamic mode (`timeformat="date"`): a dated relation's edge carries `start`
/// and `end`, the first and last day its date may stand for (`2024-01` runs from 2024-01-01 to
/// 2024-01-31; an open end is left out), so Gephi's timeline filters it; the exact date and its
/// precision are attributes too. Parallel edges are kept apart: an edge's `kind` is its relation
/// type, and a repeat of the same type between the same two entities gets `TYPE#2`, `TYPE#3`...
/// Entities carry `label` (the name) and attributes `kind`, `aliases`, `country`, `description`,
/// `ids`, `provenance`, `note` (`InteropField.entityColumns`); relations `relation`, `date`,
/// `date_precision`, `confidence`, `assertion`, `sources`, `provenance`, `note`
/// (`InteropField.relationColumns`); free attributes get typed columns (titled `attribute_NAME`
/// when a field or NetworkX uses NAME: `attribute_key`). Lists and
/// maps are JSON text in `string` attributes (networkx cannot read GEXF's list types).
///
/// Not supported: the document list and the graph's own vocabulary (GEXF has no graph-level
/// attributes; relations still name their documents in `sources`); viz (colour, size, position);
/// characters XML cannot carry (C0 controls), written as U+FFFD.
public enum GEXFWriter {
    /// The GEXF document for `g`.
    public static func gexf(_ g: Graph) -> Data {
        var out = XMLOutput()
        let nodeColumns = AttributeColumns(g.entities.map(\.attributes))
        let edgeColumns = AttributeColumns(g.relations.map(\.attributes))

        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.raw("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n")
        out.raw("  <meta>\n    ")
        out.element("creator", text: creator)
        out.raw("\n")
        let description = [g.title, g.description].compactMap { $0 }.joined(separator: ": ")
        if !description.isEmpty {
            out.raw("    ")
            out.element("description", text: description)
            out.raw("\n")
        }
        out.raw("  </meta>\n")
        out.raw("  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n")

        func attribute(_ id: String, _ title: String, _ type: String) {
            out.raw("      <attribute")
            out.attribute("id", id)
            out.attribute("title", title)
            out.raw(" type=\"\(type)\"/>\n")
        }
        func gexfType(_ t: AttributeColumns.ColumnType) -> String {
            switch t {
            case .bool: return "boolean"
            case .int: return "long"
            case .double: return "double"
            case .string, .mixed, .json: return "string"
            }
        }
        out.raw("    <attributes class=\"node\" mode=\"static\">\n")
        for f in nodeFields { attribute(f, f, "string") }
        for (i, c) in nodeColumns.columns.enumerated() {
            attribute(columnID(i, c), AttributeColumns.escapedName(c.name, reserved: nodeTitles), gexfType(c.type))
        }
        out.raw("    </attributes>\n")
        out.raw("    <attributes class=\"edge\" mode=\"static\">\n")
        for f in edgeFields { attribute(f, f, "string") }
        for (i, c) in edgeColumns.columns.enumerated() {
            attribute(columnID(i, c), AttributeColumns.escapedName(c.name, reserved: edgeTitles), gexfType(c.type))
        }
        out.raw("    </attributes>\n")

        func value(_ id: String, _ v: String) {
            out.raw("          <attvalue")
            out.attribute("for", id)
            out.attribute("value", v)
            out.raw("/>\n")
        }
        let nodeColumnIndex = Dictionary(uniqueKeysWithValues: nodeColumns.columns.enumerated().map { ($1.name, ($0, $1.type)) })
        out.raw("    <nodes count=\"\(g.entityCount)\">\n")
        for e in g.entities {
            out.raw("      <node")
            out.attribute("id", e.id)
            out.attribute("label", e.name)
            out.raw(">\n        <attvalues>\n")
            for field in InteropField.entityColumns {
                if let d = field.get(e) { value(field.column!, InteropValues.text(d)) }
            }
            for name in e.attributes.keys.sorted() {
                let (k, t) = nodeColumnIndex[name]!
                value(columnID(k, nodeColumns.columns[k]), AttributeColumns.text(e.attributes[name]!, as: t))
            }
            out.raw("        </attvalues>\n      </node>\n")
        }
        out.raw("    </nodes>\n")

        let edgeColumnIndex = Dictionary(uniqueKeysWithValues: edgeColumns.columns.enumerated().map { ($1.name, ($0, $1.type)) })
        var repeats: [String: Int] = [:]
        out.raw("    <edges count=\"\(g.relationCount)\">\n")
        for (i, r) in g.relations.enumerated() {
            let s = g.sourceIndex(ofRelation: Int32(i)), t = g.targetIndex(ofRelation: Int32(i))
            let group = "\(s) \(t) " + r.type
            let n = (repeats[group] ?? 0) + 1
            repeats[group] = n
            out.raw("      <edge")
            out.attribute("id", r.id)
            out.attribute("source", r.source)
            out.attribute("target", r.target)
            out.attribute("label", g.vocabulary.type(r.type)?.label ?? r.type)
            out.attribute("kind", n == 1 ? r.type : r.type + "#" + String(n))
            if let time = r.time {
                if let start = time.start { out.attribute("start", day(start.earliestDay)) }
                if let end = time.end { out.attribute("end", day(end.latestDay)) }
            }
            out.raw(">\n        <attvalues>\n")
            for field in InteropField.relationColumns {
                guard let d = InteropField.exported(field, r) else { continue }
                value(field.column!, InteropValues.text(d))
                if let p = InteropField.precisionColumn(field), let v = InteropField.precision(d) { value(p, v) }
            }
            for name in r.attributes.keys.sorted() {
                let (k, ty) = edgeColumnIndex[name]!
                value(columnID(k, edgeColumns.columns[k]), AttributeColumns.text(r.attributes[name]!, as: ty))
            }
            out.raw("        </attvalues>\n      </edge>\n")
        }
        out.raw("    </edges>\n  </graph>\n</gexf>\n")
        return Data(out.bytes)
    }

    /// A free attribute's id: `attr_N`, `attr_json_N` when its values are JSON text, `attr_mixed_N`
    /// when they are plain text of mixed types.
    static func columnID(_ i: Int, _ c: AttributeColumns.Column) -> String {
        c.type == .json ? "attr_json_\(i)" : c.type == .mixed ? "attr_mixed_\(i)" : "attr_\(i)"
    }

    /// What kgraph writes as `<creator>`; the reader knows its own files by it.
    static let creator = "kgraph"
    static let nodeFields = InteropField.entityColumns.map { $0.column! }
    static let edgeFields = InteropField.relationColumns.flatMap { [$0.column!] + [InteropField.precisionColumn($0)].compactMap { $0 } }
    /// Titles a free attribute is not written under (`AttributeColumns.escapedName`): the fields',
    /// and the names NetworkX's reader gives the node and edge XML attributes (an edge attribute
    /// titled `key` makes `networkx.read_gexf` fail; one titled `label` would replace the label).
    static let nodeTitles = Set(nodeFields + ["id", "label", "pid", "start", "end", "viz"])
    static let edgeTitles = Set(edgeFields + ["id", "key", "label", "kind", "weight", "start", "end"])

    /// `yyyymmdd` as `yyyy-mm-dd`.
    static func day(_ ymd: Int) -> String {
        let y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100
        func two(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }
        return String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y) + "-" + two(m) + "-" + two(d)
    }
}
