extension GraphFormats {
    /// The format whose reader takes `bytes`, told from how they begin, for input without a
    /// telling name (`--graph <(cat g.yaml)` passes `/dev/fd/63`): GraphML and GEXF by their
    /// root element, Cytoscape JSON by its `elements`, other JSON as node-link, a CSV header with
    /// Neo4j's `:ID` or `:START_ID` as the CSV pair, anything else as native YAML (whose reader
    /// then says what is wrong). Nil for XML that is neither GraphML nor GEXF.
    public static func reading(content bytes: some Collection<UInt8>) -> (any GraphFormat)? {
        var head = Array(bytes.prefix(4096))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        let text = String(decoding: head, as: UTF8.self)
        let start = text.drop { $0.isWhitespace }
        func has(_ s: String) -> Bool { text.range(of: s, options: .caseInsensitive) != nil }
        switch start.first {
        case "<":
            if has("<graphml") { return GraphMLFormat() }
            if has("<gexf") { return GEXFFormat() }
            return nil
        case "{", "[":
            return has("\"elements\"") ? CytoscapeFormat() : NodeLinkFormat()
        default:
            let header = start.prefix { $0 != "\n" && $0 != "\r" }.uppercased()
            if header.contains(","), header.contains(":ID") || header.contains(":START_ID") { return Neo4jCSVFormat() }
            return YAMLFormat()
        }
    }
}
