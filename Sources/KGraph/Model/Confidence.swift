/// How sure the graph's author is of a fact.
public enum Confidence: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    /// 0 for low, 1 for medium, 2 for high.
    public var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
}
