/// An actor, official, site, place or agreement.
public struct Entity: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: String
    public var aliases: [String]
    /// Entity id of the state it belongs to or lies in.
    public var country: String?
    public var provenance: Provenance
    public var location: FileLocation?
    // What most entities leave empty sits apart (`Rare`): 112 bytes an entity instead of 160.
    private var rare: Rare?

    /// Those of its names (name or aliases) it shares with other entities of its kind on purpose,
    /// such as the umbrella handle "US base" every attacked US site carries: `kgraph check` warns
    /// about a shared name unless every entity that carries it declares it here.
    public var sharedAliases: [String] {
        get { rare?.fields.sharedAliases ?? [] }
        set { change { $0.sharedAliases = newValue } }
    }
    public var description: String? {
        get { rare?.fields.description }
        set { change { $0.description = newValue } }
    }
    /// External identifiers, e.g. `["wikidata": "Q193620"]`.
    public var externalIDs: [String: String] {
        get { rare?.fields.externalIDs ?? [:] }
        set { change { $0.externalIDs = newValue } }
    }
    public var attributes: [String: AttributeValue] {
        get { rare?.fields.attributes ?? [:] }
        set { change { $0.attributes = newValue } }
    }
    public var note: String? {
        get { rare?.fields.note }
        set { change { $0.note = newValue } }
    }

    public init(id: String, name: String, kind: String, aliases: [String] = [], sharedAliases: [String] = [], country: String? = nil,
                description: String? = nil, externalIDs: [String: String] = [:],
                attributes: [String: AttributeValue] = [:], provenance: Provenance = .reported,
                note: String? = nil, location: FileLocation? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.country = country
        self.provenance = provenance
        self.location = location
        rare = Rare.holding(Rare.Fields(sharedAliases: sharedAliases, description: description, externalIDs: externalIDs,
                                        attributes: attributes, note: note))
    }

    public static func == (a: Entity, b: Entity) -> Bool {
        a.id == b.id && a.name == b.name && a.kind == b.kind && a.aliases == b.aliases && a.country == b.country
            && a.provenance == b.provenance && a.location == b.location && a.rare?.fields == b.rare?.fields
    }

    public func hash(into h: inout Hasher) {
        h.combine(id); h.combine(name); h.combine(kind); h.combine(aliases); h.combine(country)
        h.combine(provenance); h.combine(location); h.combine(rare?.fields)
    }

    private mutating func change(_ body: (inout Rare.Fields) -> Void) {
        var fields = rare?.fields ?? Rare.Fields()
        body(&fields)
        rare = Rare.holding(fields)
    }

    /// An entity's seldom-set fields; immutable, so entities that share one never see each other's changes.
    private final class Rare: Sendable {
        struct Fields: Hashable, Sendable {
            var sharedAliases: [String] = []
            var description: String?
            var externalIDs: [String: String] = [:]
            var attributes: [String: AttributeValue] = [:]
            var note: String?

            var isEmpty: Bool {
                sharedAliases.isEmpty && description == nil && externalIDs.isEmpty && attributes.isEmpty && note == nil
            }
        }

        let fields: Fields

        private init(_ fields: Fields) { self.fields = fields }

        static func holding(_ fields: Fields) -> Rare? { fields.isEmpty ? nil : Rare(fields) }
    }
}
