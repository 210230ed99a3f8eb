import Foundation

/// Writes a graph in NetworkX's node-link JSON form, so `networkx.node_link_graph(data)` builds a
/// `MultiDiGraph` with every entity, relation and attribute.
///
/// `{"directed": true, "multigraph": true, "graph": {...}, "nodes": [...], "edges": [...]}`:
/// nodes carry `id`, `label` (the name), `kind`, `aliases`, `country`, `description`, `ids`,
/// `provenance`, `note` and free attributes; edges carry `source`, `target`, `key` (the relation id,
/// NetworkX's multigraph key), `relation` (the type id), `label` (its reading), `date`,
/// `date_precision`, `confidence`, `assertion`, `sources` (a list of `{"document", "quote"}`
/// objects), `provenance`, `note` and free attributes. An attribute whose name a field already
/// uses is nested under `attributes`. The graph object carries `title`, `description`,
/// `documents`, the kinds and types the graph adds to the vocabulary, and `"kgraph": 1`, by
/// which `NodeLinkReader` knows the file.
///
/// Not supported: NetworkX before 3.4 expects the edge list under `links` (rename the key for
/// those versions; `NodeLinkReader` reads both); JSON has no place for characters outside
/// Unicode scalars, so nothing is lost there.
public enum NodeLinkWriter {
    /// The node-link JSON for `g`, one node or edge per line.
    public static func json(_ g: Graph) -> Data {
        var out = "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": "
        out += InteropJSONRecords.object(graphMembers(g)) + ",\n  \"nodes\": ["
        for (i, e) in g.entities.enumerated() {
            out += (i == 0 ? "\n    " : ",\n    ") + InteropJSONRecords.object(InteropJSONRecords.entity(e, nameKey: "label"))
        }
        out += g.entities.isEmpty ? "],\n  \"edges\": [" : "\n  ],\n  \"edges\": ["
        for (i, r) in g.relations.enumerated() {
            out += (i == 0 ? "\n    " : ",\n    ")
                + InteropJSONRecords.object(InteropJSONRecords.relation(r, in: g, idKey: "key", typeKeys: ["relation"]))
        }
        out += g.relations.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return Data(out.utf8)
    }

    static func graphMembers(_ g: Graph) -> [(String, String)] {
        var m: [(String, String)] = [("kgraph", "1")]
        if let t = g.title { m.append(("title", JSONText.quote(t))) }
        if let d = g.description { m.append(("description", JSONText.quote(d))) }
        m.append(("documents", InteropGraphData.documentsJSON(g.documents)))
        if let v = InteropGraphData.vocabularyJSON(g.vocabulary) { m.append(("vocabulary", v)) }
        return m
    }
}
