import KGraph

extension SyntheticGraph {
    /// The graph as GraphML the way other tools write it (NetworkX's `write_graphml` of a
    /// MultiDiGraph is the model): keys named `d0`, `d1`, ... in the order the attributes appear,
    /// short `<data>` values for `label`, `kind`, `country`, `relation` and `date`, the citations
    /// as one small JSON string per edge, and edges named by their key among the edges between the
    /// same two nodes (`0`, `1`, ...) instead of a unique id. None of kgraph's own keys
    /// (`aliases`, `confidence`, `assertion`, `date_precision`, documents, vocabulary) is there, so
    /// a reader meets the file as it meets a foreign one.
    public func writeForeignGraphML(to out: inout ByteSink) throws {
        try out.write("""
            <?xml version='1.0' encoding='utf-8'?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="d5" for="edge" attr.name="sources" attr.type="string" />
              <key id="d4" for="edge" attr.name="date" attr.type="string" />
              <key id="d3" for="edge" attr.name="relation" attr.type="string" />
              <key id="d2" for="node" attr.name="country" attr.type="string" />
              <key id="d1" for="node" attr.name="kind" attr.type="string" />
              <key id="d0" for="node" attr.name="label" attr.type="string" />
              <graph edgedefault="directed">

            """)
        for e in entities {
            try out.write("    <node id=\"" + e.id + "\">\n      <data key=\"d0\">")
            try out.writeXMLText(e.name)
            try out.write("</data>\n      <data key=\"d1\">" + e.kind + "</data>\n")
            if e.country >= 0 { try out.write("      <data key=\"d2\">" + entities[Int(e.country)].id + "</data>\n") }
            try out.write("    </node>\n")
        }
        var keys: [Int64: Int32] = [:]
        keys.reserveCapacity(relations.count)
        for r in relations {
            let pair = Int64(r.source) << 32 | Int64(r.target)
            let key = keys[pair, default: 0]
            keys[pair] = key + 1
            let source = entities[Int(r.source)].id, target = entities[Int(r.target)].id, type = types[Int(r.type)].id
            try out.write("    <edge source=\"\(source)\" target=\"\(target)\" id=\"\(key)\">\n")
            try out.write("      <data key=\"d3\">\(type)</data>\n")
            if let d = r.date { try out.write("      <data key=\"d4\">" + d + "</data>\n") }
            try out.write("      <data key=\"d5\">[")
            for (i, c) in r.citations.enumerated() {
                try out.write(i == 0 ? "{\"document\": " : ", {\"document\": ")
                try out.writeQuoted(documents[Int(c.document)].id)
                try out.write(", \"quote\": ")
                try out.writeXMLText(JSONText.quote(c.quote))
                try out.write("}")
            }
            try out.write("]</data>\n    </edge>\n")
        }
        try out.write("  </graph>\n</graphml>\n")
        try out.close()
    }
}
