/// What a DOT drawing shows and how; the defaults draw a briefing picture.
public struct DOTOptions: Hashable, Sendable {
    /// Text on top; nil uses the graph's title, "" draws none.
    public var title: String?
    /// A smaller line under the title (what was selected, counts).
    public var subtitle: String?
    /// Relation and short date on every edge.
    public var edgeLabels: Bool
    /// Draw parallel relations of one type between the same two entities as one edge with a count
    /// and a date range (`struck ×3, 2021-02..2024-02`).
    public var collapseParallel: Bool
    /// Group entities into boxes (drawn by the dot and fdp engines).
    public var clusterBy: DOTClusterKey?
    /// Names for cluster keys the graph itself lacks (a country left out of a selection); else the
    /// key's own entity name, else the key.
    public var clusterLabels: [String: String]
    /// Entity ids drawn with a heavy border (the centre of an ego network).
    public var focus: Set<String>
    /// When set, these entities and relations are drawn strongly and everything else is dimmed.
    public var highlight: DOTHighlight?
    /// The key to shapes, colours and line styles, listing only what the picture uses.
    public var legend: Bool
    /// The Graphviz engine the text is meant for; it tunes spacing and overlap removal.
    public var engine: String
    /// For the dot engine: ranks left to right (reads well for paths) instead of top to bottom.
    public var leftToRight: Bool
    /// Entity names are wrapped to lines of about this many characters.
    public var wrapWidth: Int
    /// Give every node the SVG id `kg-n<entity index>` and every edge `kg-e<edge group index>`, so a
    /// page can find the drawn parts of an entity or an edge group (the HTML explorer does).
    public var elementIDs = false
    /// Tooltips with the evidence and links to the sources; off where a page shows the evidence
    /// itself (they are most of an SVG's bytes).
    public var tooltips = true

    public init(title: String? = nil, subtitle: String? = nil, edgeLabels: Bool = true, collapseParallel: Bool = true,
                clusterBy: DOTClusterKey? = nil, clusterLabels: [String: String] = [:], focus: Set<String> = [], highlight: DOTHighlight? = nil,
                legend: Bool = true, engine: String = "dot", leftToRight: Bool = false, wrapWidth: Int = 18) {
        self.title = title
        self.subtitle = subtitle
        self.edgeLabels = edgeLabels
        self.collapseParallel = collapseParallel
        self.clusterBy = clusterBy
        self.clusterLabels = clusterLabels
        self.focus = focus
        self.highlight = highlight
        self.legend = legend
        self.engine = engine
        self.leftToRight = leftToRight
        self.wrapWidth = wrapWidth
    }
}

/// What entities are grouped by when drawn in clusters.
public enum DOTClusterKey: String, Hashable, Sendable, CaseIterable {
    /// The entity's `country` (a state entity); a state sits in its own cluster.
    case country
    /// The entity's kind.
    case kind
}

/// Entities and relations to draw strongly (a path), by id.
public struct DOTHighlight: Hashable, Sendable {
    public var entities: Set<String>
    public var relations: Set<String>

    public init(entities: Set<String>, relations: Set<String>) {
        self.entities = entities
        self.relations = relations
    }
}
