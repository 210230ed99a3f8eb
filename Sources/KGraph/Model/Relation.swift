/// A dated, cited fact between two entities. Two entities may share many relations.
public struct Relation: Hashable, Sendable {
    public var id: String
    /// Entity id at the tail.
    public var source: String
    /// Relation type id from the vocabulary.
    public var type: String
    /// Entity id at the head.
    public var target: String
    public var time: TimeSpan?
    /// How sure the author is; nil when none was recorded (a relation read from a foreign file
    /// without one reads "unrated", never "high").
    public var confidence: Confidence?
    /// Who says so; nil when none was recorded ("unrated", never "reported").
    public var assertion: Assertion?
    public var sources: [Citation]
    public var attributes: [String: AttributeValue]
    public var provenance: Provenance
    public var note: String?
    public var location: FileLocation?

    public init(id: String, source: String, type: String, target: String, time: TimeSpan? = nil,
                confidence: Confidence? = .high, assertion: Assertion? = .reported, sources: [Citation] = [],
                attributes: [String: AttributeValue] = [:], provenance: Provenance = .reported,
                note: String? = nil, location: FileLocation? = nil) {
        self.id = id
        self.source = source
        self.type = type
        self.target = target
        self.time = time
        self.confidence = confidence
        self.assertion = assertion
        self.sources = sources
        self.attributes = attributes
        self.provenance = provenance
        self.note = note
        self.location = location
    }
}
