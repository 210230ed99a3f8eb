/// An actor, official, site, place or agreement.
public struct Entity: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: String
    public var aliases: [String]
    /// Those of its names (name or aliases) it shares with other entities of its kind on purpose,
    /// such as the umbrella handle "US base" every attacked US site carries: `kgraph check` warns
    /// about a shared name unless every entity that carries it declares it here.
    public var sharedAliases: [String]
    /// Entity id of the state it belongs to or lies in.
    public var country: String?
    public var description: String?
    /// External identifiers, e.g. `["wikidata": "Q193620"]`.
    public var externalIDs: [String: String]
    public var attributes: [String: AttributeValue]
    public var provenance: Provenance
    public var note: String?
    public var location: FileLocation?

    public init(id: String, name: String, kind: String, aliases: [String] = [], sharedAliases: [String] = [], country: String? = nil,
                description: String? = nil, externalIDs: [String: String] = [:],
                attributes: [String: AttributeValue] = [:], provenance: Provenance = .reported,
                note: String? = nil, location: FileLocation? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.sharedAliases = sharedAliases
        self.country = country
        self.description = description
        self.externalIDs = externalIDs
        self.attributes = attributes
        self.provenance = provenance
        self.note = note
        self.location = location
    }
}
