import Foundation

/// Writes a graph as Cytoscape.js elements JSON (`.cyjs`), which Cytoscape.js
/// (`cy.add(json.elements)` or `cytoscape({elements})`) and Cytoscape desktop (File > Import >
/// Network from File) read.
///
/// `{"format_version": "1.0", "generated_by": "kgraph", "data": {...},
///   "elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}`: node data carry `id`,
/// `name` (Cytoscape's label column), `kind`, `aliases`, `country`, `description`, `ids`,
/// `provenance`, `note` and free attributes; edge data carry `id` (the relation id), `source`,
/// `target`, `interaction` (Cytoscape's edge-type column) and `relation` (both the type id),
/// `label` (its reading), `date`, `date_precision`, `confidence`, `assertion`, `sources` (a list of
/// `{"document", "quote"}` objects), `provenance`, `note` and free attributes. The top-level
/// `data` carries the title (as `name` too), description, documents and the graph's own vocabulary.
/// For NetworkX's `cytoscape_graph` the top level also says `"directed": true, "multigraph": true`,
/// node data repeat the id as `value` and edge data as `key` (Cytoscape.js ignores all three).
///
/// Not supported: styles and positions (Cytoscape lays the network out itself); Cytoscape desktop
/// shows list values as lists but nested objects (`sources`) as text.
public enum CytoscapeWriter {
    /// The Cytoscape.js JSON for `g`, one element per line.
    public static func json(_ g: Graph) -> Data {
        var data = NodeLinkWriter.graphMembers(g)
        if let t = g.title { data.insert(("name", JSONText.quote(t)), at: 1) }
        var out = "{\n  \"format_version\": \"1.0\",\n  \"generated_by\": \"kgraph\",\n  \"target_cytoscapejs_version\": \"~3.0\",\n"
            + "  \"directed\": true,\n  \"multigraph\": true,\n"
        out += "  \"data\": " + InteropJSONRecords.object(data) + ",\n  \"elements\": {\n    \"nodes\": ["
        for (i, e) in g.entities.enumerated() {
            out += (i == 0 ? "\n      " : ",\n      ") + "{\"data\":"
                + InteropJSONRecords.object(withValue(InteropJSONRecords.entity(e, nameKey: "name"), e.id)) + "}"
        }
        out += g.entities.isEmpty ? "],\n    \"edges\": [" : "\n    ],\n    \"edges\": ["
        for (i, r) in g.relations.enumerated() {
            out += (i == 0 ? "\n      " : ",\n      ") + "{\"data\":"
                + InteropJSONRecords.object(InteropJSONRecords.relation(r, in: g, idKey: "id", typeKeys: ["interaction", "relation"])
                                            + [("key", JSONText.quote(r.id))]) + "}"
        }
        out += g.relations.isEmpty ? "]\n  }\n}\n" : "\n    ]\n  }\n}\n"
        return Data(out.utf8)
    }

    /// Node data with `value` (the id again) after `id`: NetworkX's `cytoscape_graph` takes the
    /// node from `value`.
    private static func withValue(_ members: [(String, String)], _ id: String) -> [(String, String)] {
        var m = members
        m.insert(("value", JSONText.quote(id)), at: 1)
        return m
    }
}
