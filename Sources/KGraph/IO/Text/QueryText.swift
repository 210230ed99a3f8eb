/// Human-readable text for query answers (paths, neighbourhoods, timelines, statistics), as the CLI prints it.
public enum QueryText {
    // MARK: Pieces

    /// `Name [id]`.
    public static func label(_ i: Int32, in g: Graph) -> String {
        let e = g.entity(at: i)
        return "\(e.name) [\(e.id)]"
    }

    /// An endpoint: `IRGC [irgc]`, or `"US base" (4 entities: Tower 22, Al-Tanf, ...)`.
    public static func endpoint(_ ep: Endpoint, in g: Graph) -> String {
        guard ep.isSet else { return ep.entities.first.map { label($0, in: g) } ?? "\"\(ep.text)\"" }
        let names = ep.entities.prefix(8).map { g.entity(at: $0).name }
        let more = ep.entities.count > 8 ? ", ..." : ""
        return "\"\(ep.text)\" (\(ep.entities.count) entities: " + names.joined(separator: ", ") + more + ")"
    }

    /// A relation read in path order: `A --attacked--> B` when it points that way, else `A <--struck-- B`.
    public static func step(from: Int32, to: Int32, relation r: Int32, forward: Bool, in g: Graph) -> String {
        let type = g.relation(at: r).type
        let a = g.entity(at: from).name, b = g.entity(at: to).name
        return forward ? "\(a) --\(type)--> \(b)" : "\(a) <--\(type)-- \(b)"
    }

    /// `2024-01-28 (day)`, `2019-12..2024 (month..year)`, `2023-10.. (month)`, or `undated`.
    public static func dateWithPrecision(_ time: TimeSpan?) -> String {
        guard let time else { return "undated" }
        if time.isInstant { return "\(time) (\(time.precision.rawValue))" }
        let ps = [time.start?.precision, time.end?.precision].compactMap { $0?.rawValue }
        let p = ps.count == 2 && ps[0] == ps[1] ? ps[0] : ps.joined(separator: "..")
        return "\(time) (\(p))"
    }

    /// `2024-01-28 (day), medium confidence, attributed`.
    public static func evidence(_ r: Relation) -> String {
        dateWithPrecision(r.time) + ", \(r.confidence.rawValue) confidence, \(r.assertion.rawValue)"
    }

    /// The citations of a relation, one per line: `doc-id: "quote"`, or a warning when it has none.
    public static func sources(_ r: Relation, indent: String) -> String {
        if r.sources.isEmpty { return indent + "(no source cited)" }
        return TextReport.citations(r, indent: indent)
    }

    // MARK: Paths

    /// Every path as a short argument: each hop with its direction, date and precision, confidence,
    /// assertion and sources.
    public static func paths(_ a: PathAnswer, in g: Graph) -> String {
        var out = "From " + endpoint(a.from, in: g) + " to " + endpoint(a.to, in: g) + "\n"
        for (n, p) in a.paths.enumerated() {
            out += "\nPath \(n + 1) of \(a.paths.count), \(p.length) hop\(p.length == 1 ? "" : "s"): "
                + label(p.start, in: g) + " to " + label(p.end, in: g) + "\n"
            for (h, hop) in p.hops.enumerated() {
                let r = g.relation(at: hop.relation)
                out += "  \(h + 1). " + step(from: hop.from, to: hop.to, relation: hop.relation, forward: hop.isForward, in: g) + "\n"
                out += "       " + evidence(r) + "\n"
                out += sources(r, indent: "       ") + "\n"
                if !hop.alternatives.isEmpty {
                    let ids = hop.alternatives.map { g.relation(at: $0).id }
                    out += "       (\(ids.count) more relation\(ids.count == 1 ? "" : "s") link\(ids.count == 1 ? "s" : "") them: "
                        + ids.joined(separator: ", ") + ")\n"
                }
            }
        }
        if !a.paths.isEmpty && a.paths.count < a.count {
            out += "\nOnly \(a.paths.count) loopless path\(a.paths.count == 1 ? "" : "s") within the limits (\(a.count) asked): "
                + a.options.limitsDescription(in: g) + "\n"
        }
        return out
    }

    /// Why there is no path: the endpoints and every limit in force.
    public static func noPath(_ a: PathAnswer, in g: Graph) -> String {
        var s = "no path from " + endpoint(a.from, in: g) + " to " + endpoint(a.to, in: g)
            + " within the limits: " + a.options.limitsDescription(in: g)
        if let n = a.shortestBeyondHopLimit {
            s += "; the shortest path without the hop limit has \(n) hops"
        }
        return s
    }
}
