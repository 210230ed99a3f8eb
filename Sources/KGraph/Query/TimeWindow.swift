/// A time window over relations, the one rule every selecting command follows.
///
/// - A dated relation counts when its date or interval, at its precision, may overlap
///   `[since, until]` (either end open when nil): `2024` overlaps a window from `2024-06`, and an
///   interval `2019..2024-02` overlaps `2021-06`.
/// - An interval with an open end ("since October 2023") is known to hold only as far as its
///   sources know: up to the latest publication date of the documents it cites (its start when
///   they are undated or unknown). So `--since 2030` does not keep it.
/// - An undated relation cannot be placed in a window: when `since` or `until` is given it is left
///   out unless `includeUndated`; without them it counts unless `datedOnly`.
///
///     TimeWindow(since: PartialDate("2021-06"), until: PartialDate("2021-06"))   // June 2021, dated only
///     TimeWindow(since: PartialDate("2024"), includeUndated: true)              // 2024 on, plus undated
public struct TimeWindow: Hashable, Sendable {
    public var since: PartialDate?
    public var until: PartialDate?
    /// Leave undated relations out even without `since`/`until`.
    public var datedOnly: Bool
    /// Keep undated relations even with `since`/`until`.
    public var includeUndated: Bool

    public init(since: PartialDate? = nil, until: PartialDate? = nil, datedOnly: Bool = false,
                includeUndated: Bool = false) {
        self.since = since
        self.until = until
        self.datedOnly = datedOnly
        self.includeUndated = includeUndated
    }

    /// True when `since` or `until` is given.
    public var isBounded: Bool { since != nil || until != nil }

    /// True when the window lets every relation through.
    public var isUnbounded: Bool { !isBounded && !datedOnly }

    /// Whether undated relations count.
    public var keepsUndated: Bool { !datedOnly && (!isBounded || includeUndated) }

    /// Whether a relation with this time counts, an open end left open (see `admits(_:in:)`).
    public func admits(_ time: TimeSpan?) -> Bool {
        guard let time else { return keepsUndated }
        return time.overlaps(from: since, to: until)
    }

    /// Whether relation `r` of `graph` counts, its open end bounded by what its sources know.
    /// - Complexity: O(1), or O(citations of `r`) for an open-ended interval in a bounded window.
    public func admits(_ r: Relation, in graph: Graph) -> Bool {
        guard let time = r.time else { return keepsUndated }
        guard since != nil, time.end == nil else { return time.overlaps(from: since, to: until) }
        return graph.knownSpan(of: r)?.overlaps(from: since, to: until) ?? true
    }

    /// True when a relation of this time began before the window opened, or its start is unknown:
    /// it may hold in the window, but did not happen in it. False without `since`.
    public func beganBefore(_ time: TimeSpan?) -> Bool {
        guard let since, let time else { return false }
        return (time.earliestDay ?? 0) < since.earliestDay
    }

    /// The window in words, for limits and subtitles: `2021-06 to 2021-06, dated only`, or nil when unbounded.
    public var summary: String? {
        var parts: [String] = []
        switch (since, until) {
        case let (s?, u?): parts.append("\(s) to \(u)")
        case let (s?, nil): parts.append("since \(s)")
        case let (nil, u?): parts.append("until \(u)")
        case (nil, nil): break
        }
        if datedOnly || (isBounded && !includeUndated) { parts.append("dated relations only") }
        if includeUndated && isBounded && !datedOnly { parts.append("undated relations included") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// True when the window ends before it starts, so nothing could fall in it.
    public var endsBeforeItStarts: Bool {
        guard let since, let until else { return false }
        return until.latestDay < since.earliestDay
    }
}

extension Graph {
    /// A relation's time with an open end closed at the latest publication date of the documents it
    /// cites (or at its start when none is dated): what the sources can vouch for.
    /// - Complexity: O(citations of `r`).
    public func knownSpan(of r: Relation) -> TimeSpan? {
        guard let time = r.time, time.end == nil, let start = time.start else { return r.time }
        var asOf = start
        for c in r.sources {
            if let p = document(id: c.document)?.published, p.latestDay > asOf.latestDay { asOf = p }
        }
        return TimeSpan(start: start, end: asOf)
    }
}
