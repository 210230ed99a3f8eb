/// Graphviz layout engines kgraph offers.
public enum LayoutEngine: String, CaseIterable, Sendable {
    /// Layered (hierarchical); the clearest for small and medium graphs, slow beyond a few hundred nodes.
    case dot
    /// Spring model (stress majorisation).
    case neato
    /// Force-directed, draws clusters.
    case fdp
    /// Multiscale force-directed; fast on thousands of nodes.
    case sfdp
    /// Circular.
    case circo
    /// Radial, around a root (the focus entity).
    case twopi

    /// The most entities and drawn edges `dot` is given when no engine is asked for. Measured here:
    /// `dot` took 5-8 s at 250 nodes / 500 edges, 154 s at 500 / 1000 and over 10 minutes at
    /// 2000 / 4000, while `sfdp` took 0.4 s at 2000 / 4000.
    public static let dotLimit = (entities: 200, edges: 400)

    /// The most entities and drawn edges laid out when no engine is asked for. Measured here with
    /// sfdp in-process: 2.7 s at 2,000 entities / 4,000 relations, 27 s at 5,000 / 20,000, and
    /// still running after 2 minutes at 10,000 / 100,000; a whole-graph render of a big import must
    /// stop with advice instead of hanging for an hour.
    public static let drawLimit = (entities: 5_000, edges: 20_000)

    /// Why a picture this big is not laid out unless an engine is named, or nil when it is drawn.
    public static func refusal(entities: Int, edges: Int) -> String? {
        guard entities > drawLimit.entities || edges > drawLimit.edges else { return nil }
        return "\(entities) entities and \(edges) edges are too many to draw without --engine "
            + "(the limit is \(drawLimit.entities) entities and \(drawLimit.edges) edges: a layout would take many "
            + "minutes and the picture could not be read). Draw a part with --focus NAME --depth 1, --kind, --type "
            + "or --since/--until; write the DOT text with --format dot; or pass --engine sfdp to draw it all anyway"
    }

    /// The engine to use when none was asked for, and why when it is not `dot`.
    public static func automatic(entities: Int, edges: Int) -> (engine: LayoutEngine, reason: String?) {
        if entities <= dotLimit.entities && edges <= dotLimit.edges { return (.dot, nil) }
        return (.sfdp, "\(entities) entities and \(edges) edges: drawing with sfdp instead of dot, which takes "
                + "minutes at this size (pass --engine dot to insist)")
    }
}
