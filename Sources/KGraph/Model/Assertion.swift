/// Who says a fact is so: the report itself, a party about itself, or one party about another.
public enum Assertion: String, Sendable, Codable, CaseIterable {
    /// The report states it as fact.
    case reported
    /// A party says it did it.
    case claimed
    /// Someone (a spokesperson, an official) blames a party.
    case attributed
    /// One side's media accuses another.
    case alleged
    /// A party denies it.
    case denied
}
