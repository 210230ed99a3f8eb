/// Which relations count by the strength of their evidence: the assertions allowed, a minimum
/// confidence, and whether facts added from general knowledge count. The same filter serves
/// every selection (paths, neighbourhoods, timelines, listings, pictures, exports).
///
///     var s = StrengthFilter()
///     s.assertions = [.reported, .attributed]
///     s.minimumConfidence = .medium
///     s.excludesAdded = true
public struct StrengthFilter: Hashable, Sendable {
    /// Only relations with one of these assertions (nil: any); an unrated relation has none of them.
    public var assertions: Set<Assertion>?
    /// Only relations of at least this confidence (nil: any); an unrated relation has none.
    public var minimumConfidence: Confidence?
    /// Leave out relations added from general knowledge (`provenance: added`).
    public var excludesAdded: Bool

    public init(assertions: Set<Assertion>? = nil, minimumConfidence: Confidence? = nil, excludesAdded: Bool = false) {
        self.assertions = assertions
        self.minimumConfidence = minimumConfidence
        self.excludesAdded = excludesAdded
    }

    /// True when every relation passes.
    public var isUnbounded: Bool { assertions == nil && minimumConfidence == nil && !excludesAdded }

    /// Whether relation `r` passes.
    public func admits(_ r: Relation) -> Bool {
        // An unrated relation passes no limit on what was not recorded.
        if let assertions, !(r.assertion.map(assertions.contains) ?? false) { return false }
        if let minimumConfidence, !(r.confidence.map { $0 >= minimumConfidence } ?? false) { return false }
        return !(excludesAdded && r.provenance == .added)
    }

    /// The limits in words (`assertion reported or attributed`, `confidence medium or higher`,
    /// `no facts added from general knowledge`), for messages that say what was in force.
    public var limits: [String] {
        var parts: [String] = []
        if let assertions {
            parts.append("assertion " + Assertion.allCases.filter(assertions.contains).map(\.rawValue).joined(separator: " or "))
        }
        if let minimumConfidence { parts.append("confidence \(minimumConfidence.rawValue) or higher") }
        if excludesAdded { parts.append("no facts added from general knowledge") }
        return parts
    }
}
