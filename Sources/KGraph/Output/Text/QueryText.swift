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

    /// `2024-01-28 (day), medium confidence, attributed` (see `Relation.strengthText`).
    public static func evidence(_ r: Relation) -> String {
        dateWithPrecision(r.time) + ", " + r.strengthText
    }

    /// The citations of a relation, one per line: `doc-id (Outlet, date): "quote"`, or a warning when it has none.
    public static func sources(_ r: Relation, in g: Graph, indent: String) -> String {
        if r.sources.isEmpty { return indent + "(no source cited)" }
        return TextReport.citations(r, in: g, indent: indent)
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
                out += sources(r, in: g, indent: "       ") + "\n"
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

    // MARK: Neighbourhoods

    /// Entities by distance, each with the relations that link it to those listed before it
    /// (so every relation appears once, under the later of its two ends), with their evidence.
    public static func neighborhood(_ n: Neighborhood, depth: Int, in g: Graph) -> String {
        let others = n.entities.count - 1
        var out = label(n.center, in: g) + " (\(g.entity(at: n.center).kind)): \(others) entit\(others == 1 ? "y" : "ies")"
            + " within \(depth) hop\(depth == 1 ? "" : "s")\n"
        var position = [Int32: Int]()
        for (i, e) in n.entities.enumerated() { position[e] = i }
        // Relations grouped under the later-listed end.
        var under = [[Int32]](repeating: [], count: n.entities.count)
        for r in n.relations {
            let a = position[g.sourceIndex(ofRelation: r)] ?? 0, b = position[g.targetIndex(ofRelation: r)] ?? 0
            under[max(a, b)].append(r)
        }
        func relations(_ list: [Int32], indent: String) -> String {
            list.map { r in
                let rel = g.relation(at: r)
                return indent + step(from: g.sourceIndex(ofRelation: r), to: g.targetIndex(ofRelation: r), relation: r,
                                     forward: true, in: g) + "\n"
                    + indent + "  " + evidence(rel) + "\n" + sources(rel, in: g, indent: indent + "  ") + "\n"
            }.joined()
        }
        if !under[0].isEmpty { out += relations(under[0], indent: "  ") }
        var distance = 0
        for i in 1..<max(1, n.entities.count) {
            if n.distances[i] != distance {
                distance = n.distances[i]
                let count = n.distances.filter { $0 == distance }.count
                out += "\n\(distance) hop\(distance == 1 ? "" : "s") away (\(count))\n"
            }
            out += "  " + label(n.entities[i], in: g) + " (\(g.entity(at: n.entities[i]).kind))\n"
            out += relations(under[i], indent: "    ")
        }
        return out
    }

    // MARK: Timelines

    /// One relation per entry in the order given: the date at its precision, the relation, its
    /// confidence and assertion, then its sources.
    /// With a window that has a start, a heading marks where the relations that began before it start.
    public static func timeline(_ relations: [Int32], in g: Graph, window: TimeWindow = TimeWindow()) -> String {
        let dates = relations.map { g.relation(at: $0).time?.description ?? "undated" }
        let w = dates.map(\.count).max() ?? 0
        var out = ""
        var headed = false
        for (r, date) in zip(relations, dates) {
            let rel = g.relation(at: r)
            if !headed, let since = window.since, window.beganBefore(rel.time) {
                headed = true
                out += (out.isEmpty ? "" : "\n") + "May have begun before \(since) (an earlier or coarser start, or none given) and may hold in the window:\n"
            }
            out += date.padding(toLength: w, withPad: " ", startingAt: 0) + "  "
                + step(from: g.sourceIndex(ofRelation: r), to: g.targetIndex(ofRelation: r), relation: r, forward: true, in: g)
                + "  (" + rel.strengthText + ")\n"
            out += sources(rel, in: g, indent: String(repeating: " ", count: w + 4)) + "\n"
        }
        return out
    }

    // MARK: Statistics

    /// Counts, components and the top entities by degree, betweenness and PageRank.
    public static func statistics(_ s: GraphStatistics, in g: Graph) -> String {
        var out = (g.title.map { $0 + "\n" } ?? "")
            + "\(s.entityCount) entities, \(s.relationCount) relations, \(s.documentCount) documents\n"
        func tallies(_ title: String, _ list: [Tally]) {
            out += "\n\(title)\n"
            let w = list.map(\.name.count).max() ?? 0
            for t in list { out += "  " + t.name.padding(toLength: w, withPad: " ", startingAt: 0) + "  \(t.count)\n" }
        }
        tallies("Entities by kind", s.kinds)
        tallies("Relations by type", s.relationTypes)
        let c = s.components.sizes
        out += "\nConnected components: \(c.count)"
        if !c.isEmpty {
            let shown = c.prefix(10).map(String.init).joined(separator: ", ")
            out += " (entities: " + shown + (c.count > 10 ? ", ..." : "") + ")"
        }
        out += "\n"
        // Name the members of the small pieces not linked to the main one: often a missing relation.
        for k in 1..<max(1, min(c.count, 6)) {
            let members = s.components.members(of: Int32(k))
            out += "  apart: " + members.prefix(8).map { g.entity(at: $0).name }.joined(separator: ", ")
                + (members.count > 8 ? ", ..." : "") + "\n"
        }
        if c.count > 6 { out += "  ... and \(c.count - 6) more\n" }
        func ranking(_ title: String, _ list: [RankedEntity], _ format: (Double) -> String) {
            out += "\n\(title)\n"
            let scores = list.map { format($0.score) }
            let w = scores.map(\.count).max() ?? 0
            for (i, (r, score)) in zip(list, scores).enumerated() {
                let n = String(i + 1)
                out += String(repeating: " ", count: max(0, 4 - n.count)) + n + ". "
                    + String(repeating: " ", count: w - score.count) + score + "  " + label(r.entity, in: g) + "\n"
            }
        }
        ranking("Top \(s.topByDegree.count) by degree (relations touching the entity)", s.topByDegree) { String(Int($0)) }
        let how = s.betweennessSamples.map { ", estimated from \($0) sampled sources" } ?? ""
        ranking("Top \(s.topByBetweenness.count) by betweenness (Brandes; undirected, normalised\(how))",
                s.topByBetweenness) { fixed($0, 4) }
        ranking("Top \(s.topByPageRank.count) by PageRank (relations followed forward, damping 0.85)",
                s.topByPageRank) { fixed($0, 4) }
        return out
    }

    /// `x` with `digits` decimals, without Foundation's locale-dependent formatting.
    static func fixed(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((x * scale).rounded())
        let whole = n / Int(scale), frac = String(n % Int(scale))
        return "\(whole)." + String(repeating: "0", count: digits - frac.count) + frac
    }
}
