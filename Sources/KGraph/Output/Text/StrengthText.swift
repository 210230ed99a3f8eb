extension Relation {
    /// How strong the evidence is, in words, the same in every text output:
    /// `medium confidence, attributed`; an added fact reads `high confidence, added from general
    /// knowledge` (never "reported": the cited reports do not say it), or keeps its assertion when
    /// that is not `reported` (`low confidence, denied, added from general knowledge`).
    public var strengthText: String {
        var parts = ["\(confidence.rawValue) confidence"]
        if !(provenance == .added && assertion == .reported) { parts.append(assertion.rawValue) }
        if provenance == .added { parts.append("added from general knowledge") }
        return parts.joined(separator: ", ")
    }
}
