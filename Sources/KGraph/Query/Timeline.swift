extension Graph {
    /// Relations in time order: dated ones by when they began (an open start first), then by when
    /// they ended, then file order; undated ones last. With `window.since`, the relations that began
    /// in the window come first and those that began before it (or at an unknown time) but may
    /// still hold in it follow, so a window opens with what happened in it.
    /// `involving`: only relations touching one of these entities (nil: all). `types`: only these
    /// relation types (nil: all). `document`: only relations citing this document id (nil: all).
    /// A relation counts when `window` admits it and its evidence passes `strength`.
    ///
    ///     graph.timeline(involving: [kh], window: TimeWindow(since: PartialDate("2024")))
    ///
    /// - Complexity: O(R log R) for R relations kept; O(E) to select them, or O(degree) with `involving`.
    public func timeline(involving: [Int32]? = nil, types: Set<String>? = nil, document: String? = nil,
                         window: TimeWindow = TimeWindow(), strength: StrengthFilter = StrengthFilter()) -> [Int32] {
        var selected: [Int32]
        if let involving {
            selected = []
            for e in involving { selected += outgoing(e); selected += incoming(e) }
            selected.sort()
            var unique: [Int32] = []
            for r in selected where unique.last != r { unique.append(r) }
            selected = unique
        } else {
            selected = Array(0..<Int32(relationCount))
        }
        let all = relations  // fields read in place, not whole relations copied
        selected.removeAll { r in
            let i = Int(r)
            return !(types?.contains(all[i].type) ?? true) || !window.admits(all[i], in: self) || !strength.admits(all[i])
                || !(document.map { d in all[i].sources.contains { $0.document == d } } ?? true)
        }
        let keys = selected.map { r -> (Int, Int, Int) in
            let time = all[Int(r)].time
            let key = time?.sortKey ?? (Int.max, Int.max)
            return (time == nil ? 2 : window.beganBefore(time) ? 1 : 0, key.0, key.1)
        }
        let order = selected.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : selected[a] < selected[b]
        }
        return order.map { selected[$0] }
    }
}
