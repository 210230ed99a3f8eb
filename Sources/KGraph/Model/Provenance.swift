/// Whether a fact or identity comes from the cited reports or was added from general knowledge.
public enum Provenance: String, Sendable, Codable, CaseIterable {
    case reported, added
}
