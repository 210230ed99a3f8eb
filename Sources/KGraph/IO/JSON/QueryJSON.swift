/// One hop of a path in JSON: `{"from","to","relation","direction","relationId","date"?,"confidence",
/// "assertion","sources"}`; `from`/`to` follow the path order, `direction` is `forward` when the
/// stored relation points the same way.
public struct PathHopJSON: Codable, Hashable, Sendable {
    public var from: String
    public var to: String
    public var relation: String
    public var direction: String
    public var relationId: String
    public var date: String?
    public var confidence: String
    public var assertion: String
    public var sources: [CitationJSON]

    public init(from: String, to: String, relation: String, direction: String, relationId: String, date: String?,
                confidence: String, assertion: String, sources: [CitationJSON]) {
        self.from = from; self.to = to; self.relation = relation; self.direction = direction
        self.relationId = relationId; self.date = date; self.confidence = confidence
        self.assertion = assertion; self.sources = sources
    }
}

/// One path in JSON: `{"length":N,"hops":[...]}`.
public struct PathJSON: Codable, Hashable, Sendable {
    public var length: Int
    public var hops: [PathHopJSON]

    public init(length: Int, hops: [PathHopJSON]) { self.length = length; self.hops = hops }
}

/// `kgraph path` as JSON: `{"from":[E...],"to":[E...],"paths":[...]}`.
public struct PathAnswerJSON: Codable, Hashable, Sendable {
    public var from: [EntityJSON]
    public var to: [EntityJSON]
    public var paths: [PathJSON]

    public init(from: [EntityJSON], to: [EntityJSON], paths: [PathJSON]) {
        self.from = from; self.to = to; self.paths = paths
    }
}

extension PathHop {
    /// This hop in the stable JSON shape.
    public func json(in g: Graph) -> PathHopJSON {
        let r = g.relation(at: relation)
        return PathHopJSON(from: g.entity(at: from).id, to: g.entity(at: to).id, relation: r.type,
                           direction: isForward ? "forward" : "backward", relationId: r.id,
                           date: r.time?.description, confidence: r.confidence.rawValue,
                           assertion: r.assertion.rawValue,
                           sources: r.sources.map { CitationJSON(document: $0.document, quote: $0.quote) })
    }
}

extension PathAnswer {
    /// This answer in the stable JSON shape.
    public func json(in g: Graph) -> PathAnswerJSON {
        PathAnswerJSON(from: from.entities.map { g.entity(at: $0).json },
                       to: to.entities.map { g.entity(at: $0).json },
                       paths: paths.map { PathJSON(length: $0.length, hops: $0.hops.map { $0.json(in: g) }) })
    }
}
