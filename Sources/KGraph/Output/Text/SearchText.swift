/// Human-readable text for `kgraph search`: entities, then relations, each best first, every
/// match shown in context.
public enum SearchText {
    /// The hits, at most `limit` of each kind; `more` says how many were left out.
    public static func hits(_ hits: [SearchHit], in g: Graph, limit: Int) -> String {
        var entities: [SearchHit] = [], relations: [SearchHit] = []
        for h in hits {
            if case .entity = h.item { entities.append(h) } else { relations.append(h) }
        }
        var out = ""
        if !entities.isEmpty {
            out += "Entities (\(entities.count))\n"
            for h in entities.prefix(limit) {
                guard case .entity(let i) = h.item else { continue }
                let e = g.entity(at: i)
                out += "  \(e.name) [\(e.id)] (\(e.kind))\n"
                for m in h.matches where !(m.field == .name && m.context == "[" + e.name + "]") {
                    out += "      \(m.field.rawValue): \(m.context)\n"
                }
            }
            if entities.count > limit { out += "  ... \(entities.count - limit) more (--limit)\n" }
        }
        if !relations.isEmpty {
            if !out.isEmpty { out += "\n" }
            out += "Relations (\(relations.count))\n"
            for h in relations.prefix(limit) {
                guard case .relation(let r) = h.item else { continue }
                out += "  " + TextReport.line(g.relation(at: r), in: g) + "\n"
                for m in h.matches {
                    let place = m.document.map { "quote, " + DocumentText.cited($0, in: g) } ?? m.field.rawValue
                    out += "      \(place): \(m.context)\n"
                }
            }
            if relations.count > limit { out += "  ... \(relations.count - limit) more (--limit)\n" }
        }
        return out
    }
}
