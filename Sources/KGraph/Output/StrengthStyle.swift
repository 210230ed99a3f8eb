/// How a picture draws the strength of a relation's evidence, declared once for every picture
/// (`kgraph render`'s DOT in every format, and any other drawing of the graph): the line's pattern
/// says who asserts it, its width how sure the author is, its head whether it was denied, added
/// from general knowledge or never rated. The colour stays the relation type's.
///
/// | evidence | line |
/// | --- | --- |
/// | reported | solid |
/// | claimed, attributed | dashed |
/// | alleged | dotted, faded |
/// | denied | grey, a bar for a head (⊣) |
/// | medium / low confidence | thinner / thinnest |
/// | added from general knowledge | hollow head (▷), "added" in the label |
/// | unrated (no confidence or assertion recorded) | hollow round head (○), "unrated" in the label |
public struct StrengthStyle: Hashable, Sendable {
    /// A line's pattern.
    public enum Pattern: String, Sendable, CaseIterable { case solid, dashed, dotted }
    /// A line's head (Graphviz's arrow names).
    public enum Head: String, Sendable { case normal, tee, empty, odot }

    public let pattern: Pattern
    /// How opaque the line is, 0...1.
    public let opacity: Double
    /// The line's width as a share of the type's.
    public let widthFactor: Double
    /// Drawn grey instead of in the type's colour.
    public let greyed: Bool
    public let head: Head
    /// Words for the label (`denied`, `added`), in the order they read.
    public let marks: [String]

    /// The grey of a denied claim.
    public static let grey = "#9e9e9e"

    /// The style of relation `r`.
    public init(_ r: Relation) {
        switch r.assertion {
        case .reported?: (pattern, opacity, greyed) = (.solid, 1, false)
        case .claimed?, .attributed?: (pattern, opacity, greyed) = (.dashed, 1, false)
        case .alleged?: (pattern, opacity, greyed) = (.dotted, 0.55, false)
        case .denied?: (pattern, opacity, greyed) = (.solid, 1, true)
        case nil: (pattern, opacity, greyed) = (.dashed, 1, false)
        }
        switch r.confidence {
        case .high?: widthFactor = 1
        case .medium?, nil: widthFactor = 0.75
        case .low?: widthFactor = 0.45
        }
        var marks: [String] = []
        if let a = r.assertion, a != .reported { marks.append(a.rawValue) }
        if r.assertion == nil || r.confidence == nil { marks.append(Unrated.word) }
        if r.provenance == .added { marks.append("added") }
        self.marks = marks
        head = r.assertion == .denied ? .tee : r.provenance == .added ? .empty
            : r.assertion == nil || r.confidence == nil ? .odot : .normal
    }

    /// One line of the legend: what a sample line means.
    public struct LegendItem: Hashable, Sendable {
        /// The sample's pattern.
        public let pattern: Pattern
        /// The sample's width as a share of a full line.
        public let widthFactor: Double
        public let opacity: Double
        public let greyed: Bool
        /// A glyph for the head drawn beside the sample (`⊣`, `▷`, `○`), or nil.
        public let glyph: String?
        /// What it means.
        public let text: String
    }

    /// The legend for the relations `rs`: one item for each way of drawing that occurs among
    /// them, in a fixed order, so the legend explains exactly what is on the page. Nothing when
    /// every relation is reported, of high confidence and from the reports, unless `evenWhenPlain`
    /// (a page that merges the items of parts of the graph needs the plain ones' `reported`).
    public static func legend<S: Sequence>(for rs: S, evenWhenPlain: Bool = false) -> [LegendItem] where S.Element == Relation {
        var assertions = Set<String>(), confidences = Set<String>(), added = false, unrated = false
        for r in rs {
            assertions.insert(r.assertion?.rawValue ?? Unrated.word)
            confidences.insert(r.confidence?.rawValue ?? Unrated.word)
            added = added || r.provenance == .added
            unrated = unrated || r.assertion == nil || r.confidence == nil
        }
        if !evenWhenPlain && assertions.subtracting(["reported"]).isEmpty && confidences.subtracting(["high"]).isEmpty && !added { return [] }
        var items: [LegendItem] = []
        func item(_ p: Pattern, width: Double = 1, opacity: Double = 1, grey: Bool = false, glyph: String? = nil, _ text: String) {
            items.append(LegendItem(pattern: p, widthFactor: width, opacity: opacity, greyed: grey, glyph: glyph, text: text))
        }
        if assertions.contains("reported") { item(.solid, "reported") }
        let dashed = ["claimed", "attributed"].filter(assertions.contains)
        if !dashed.isEmpty { item(.dashed, dashed.joined(separator: " / ")) }
        if assertions.contains("alleged") { item(.dotted, opacity: 0.55, "alleged") }
        if assertions.contains("denied") { item(.solid, grey: true, glyph: "⊣", "denied") }
        if confidences.contains("medium") { item(.solid, width: 0.75, "medium confidence") }
        if confidences.contains("low") { item(.solid, width: 0.45, "low confidence") }
        if added { item(.solid, glyph: "▷", "added from general knowledge") }
        if unrated { item(.dashed, width: 0.75, glyph: "○", "unrated") }
        return items
    }
}
