extension Relation {
    /// How strong the evidence is, in words, the same in every text output:
    /// `medium confidence, attributed`; an added fact reads `high confidence, added from general
    /// knowledge` (never "reported": the cited reports do not say it), or keeps its assertion when
    /// that is not `reported` (`low confidence, denied, added from general knowledge`). A relation
    /// with neither recorded reads `unrated` (never "high, reported"); with one of them,
    /// `unrated confidence, attributed` or `medium confidence, assertion unrated`.
    public var strengthText: String {
        var parts: [String] = []
        switch (confidence, assertion) {
        case (nil, nil): parts.append(Unrated.word)
        case (let c?, let a):
            parts.append("\(c.rawValue) confidence")
            if a == nil { parts.append("assertion \(Unrated.word)") }
        case (nil, _): parts.append("\(Unrated.word) confidence")
        }
        if let a = assertion, !(provenance == .added && a == .reported) { parts.append(a.rawValue) }
        if provenance == .added { parts.append("added from general knowledge") }
        return parts.joined(separator: ", ")
    }
}
