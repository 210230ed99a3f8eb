/// One drawn edge: one relation, or several parallel relations of the same type and drawn the same
/// way (`StrengthStyle`) between the same two entities (either direction for a symmetric type such
/// as `allied-with`): a denied claim is never merged into a reported fact.
public struct DOTEdgeGroup: Hashable, Sendable {
    /// Entity index drawn at the tail.
    public var source: Int32
    /// Entity index drawn at the head.
    public var target: Int32
    public var type: String
    /// Relation indices, in graph order.
    public var relations: [Int32]
}

extension DOTWriter {
    /// The edges to draw, in order of first appearance: each relation alone, or parallel relations
    /// merged when `collapse` is true.
    /// - Complexity: O(relations).
    public static func edgeGroups(_ g: Graph, collapse: Bool) -> [DOTEdgeGroup] {
        var groups: [DOTEdgeGroup] = []
        groups.reserveCapacity(g.relationCount)
        var byKey: [EdgeKey: Int] = [:]
        for r in 0..<Int32(g.relationCount) {
            let rel = g.relation(at: r)
            var s = g.sourceIndex(ofRelation: r), t = g.targetIndex(ofRelation: r)
            if !collapse {
                groups.append(DOTEdgeGroup(source: s, target: t, type: rel.type, relations: [r]))
                continue
            }
            let symmetric = g.vocabulary.type(rel.type)?.symmetric ?? false
            if symmetric && t < s { swap(&s, &t) }
            let key = EdgeKey(source: s, target: t, type: rel.type, style: StrengthStyle(rel))
            if let i = byKey[key] {
                groups[i].relations.append(r)
            } else {
                byKey[key] = groups.count
                groups.append(DOTEdgeGroup(source: g.sourceIndex(ofRelation: r), target: g.targetIndex(ofRelation: r),
                                           type: rel.type, relations: [r]))
            }
        }
        return groups
    }

    /// A short date for an edge label: the relation's own date for one relation; for several,
    /// the month range from the earliest to the latest (`2021-02..2024-02`), or one month or day
    /// when they all fall in it. Nil when none is dated.
    public static func shortDate(_ spans: [TimeSpan?]) -> String? {
        let dated = spans.compactMap { $0 }
        if dated.isEmpty { return nil }
        if dated.count == 1 { return dated[0].description }
        let starts = dated.compactMap { $0.start ?? $0.end }
        let ends = dated.compactMap { $0.end ?? $0.start }
        guard let lo = starts.min(by: { $0.earliestDay < $1.earliestDay }),
              let hi = ends.max(by: { $0.latestDay < $1.latestDay }) else { return nil }
        if lo == hi { return lo.description }
        let a = monthText(lo), b = monthText(hi)
        return a == b ? a : a + ".." + b
    }

    private static func monthText(_ d: PartialDate) -> String {
        guard let m = d.month else { return String(d.year) }
        return String(d.year) + "-" + (m < 10 ? "0" : "") + String(m)
    }
}

private struct EdgeKey: Hashable {
    var source: Int32
    var target: Int32
    var type: String
    var style: StrengthStyle
}
