import Foundation

/// FollowTheMoney entities, one JSON object per line, as Aleph and OpenAleph ingest them
/// (`ftm` streams, `aleph-client write-entities`): written, not read.
///
/// Schemata and properties are those of the followthemoney library's schema files (4.x):
/// people are `Person`; states, government bodies and armed forces `PublicBody`; militias,
/// umbrella and armed groups and organizations `Organization`; sites and places `Address` (with
/// `latitude`/`longitude` from those attributes); agreements `Contract`; other kinds `LegalEntity`.
/// The kind goes in `keywords`, aliases in `alias` (names declared shared, like "US base", in
/// `weakAlias`, which FtM keeps out of matching), a Wikidata id in `wikidataId`.
///
/// Each relation is an entity of its own, so its date and evidence stay with it: `member-of` and
/// `part-of` are `Membership`, `spoke-for` `Representation`, `leads` `Directorship` (when the ends
/// are of the schemata those take); attacks, strikes, killings and fights `Event`s (organizer the
/// actor, the target `involved`, or the event's `addressEntity` when it is a site or place); any
/// other relation `UnknownLink` with the type as `role`. Every relation entity carries its date
/// (`date`, or `startDate`/`endDate` for an interval), a `summary` line with its confidence and
/// assertion, `status` (the assertion) where the schema has it, the kgraph id as `recordId`, its
/// documents as `proof` (each cited document an `Article`), their URLs and outlets as `sourceUrl`
/// and `publisher`, and its note and quotes in `description`.
///
/// Not supported: free attributes (but coordinates), an entity's `country` (FtM wants ISO codes,
/// the graph has entity ids), other external ids, the vocabulary.
public struct FTMFormat: GraphFormat {
    public init() {}
    public var name: String { "ftm" }
    public var tools: String { "Aleph, OpenAleph" }
    public var summary: String { "FollowTheMoney entities (JSON lines): people, bodies, places, relations with dates and sources" }
    public var details: String {
        "FollowTheMoney entities, one JSON object per line: `Person`, `PublicBody` (states, government bodies, armed "
            + "forces), `Organization`, `Address` (sites, places), `Contract` (agreements), else `LegalEntity`; relations as "
            + "`Membership`, `Representation`, `Directorship`, `Event` (attacks, strikes, killings, fights) or `UnknownLink`, "
            + "each with its date, confidence and assertion, quotes and its documents as `Article`s (`proof`); lost: free "
            + "attributes but coordinates, an entity's country, external ids but Wikidata's, the vocabulary"
    }
    public var carries: GraphParts { [] }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        .document { emit in
            FTMEntities(g).write { line in
                var bytes = Array(line.utf8)
                bytes.append(0x0A)
                bytes.withUnsafeBytes { emit($0) }
            }
        }
    }
}

/// The entities of one graph, written one line at a time.
struct FTMEntities {
    let g: Graph
    /// Each entity's schema, by entity index.
    let schemata: [String]

    init(_ g: Graph) {
        self.g = g
        schemata = g.entities.map { Self.schema(kind: $0.kind) }
    }

    func write(_ line: (String) -> Void) {
        for (i, e) in g.entities.enumerated() { line(entity(e, schemata[i])) }
        for d in g.documents { line(article(d)) }
        for (i, r) in g.relations.enumerated() {
            let s = Int(g.sourceIndex(ofRelation: Int32(i))), t = Int(g.targetIndex(ofRelation: Int32(i)))
            line(relation(r, source: s, target: t))
        }
    }

    // MARK: Entities

    func entity(_ e: Entity, _ schema: String) -> String {
        var p = Properties()
        let name = Self.name(e.name)
        p.add("name", name)
        if schema == "Address" { p.add("full", Self.address(e.name)) }
        if schema == "Contract" { p.add("title", Self.text(e.name)) }
        let shared = Set(e.sharedAliases)
        for a in e.aliases where !shared.contains(a) { p.add("alias", Self.name(a)) }
        for a in e.aliases where shared.contains(a) { p.add("weakAlias", Self.name(a)) }
        p.add("keywords", Self.text(g.vocabulary.kind(e.kind)?.label ?? e.kind))
        if e.provenance == .added { p.add("keywords", "added from general knowledge") }
        if let d = e.description { p.add("description", Self.text(d)) }
        if let n = e.note { p.add("notes", Self.text(n)) }
        if let q = e.externalIDs["wikidata"], Self.isWikidataID(q) { p.add("wikidataId", q) }
        if schema == "Address", let lat = Self.number(e.attributes["latitude"]), let lon = Self.number(e.attributes["longitude"]) {
            p.add("latitude", lat)
            p.add("longitude", lon)
        }
        return Self.json(id: Self.id("entity", e.id), schema: schema, p)
    }

    /// A cited report: its title, outlet, date, URL and file name.
    func article(_ d: Document) -> String {
        var p = Properties()
        p.add("name", Self.name(d.title))
        p.add("title", Self.text(d.title))
        if let o = d.outlet { p.add("publisher", Self.text(o)) }
        if let date = d.published { p.add("publishedAt", date.description) }
        if let u = d.url.flatMap(Self.url) { p.add("sourceUrl", u) }
        // FtM's files need a name: the text's file where the graph keeps one, else the document id.
        let file = d.file.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? d.id
        p.add("fileName", Self.text(file))
        if let n = d.note { p.add("notes", Self.text(n)) }
        return Self.json(id: Self.id("document", d.id), schema: "Article", p)
    }

    // MARK: Relations

    func relation(_ r: Relation, source s: Int, target t: Int) -> String {
        let (from, to) = (Self.id("entity", g.entities[s].id), Self.id("entity", g.entities[t].id))
        let label = Self.text(g.vocabulary.type(r.type)?.label ?? r.type)
        let line = g.entities[s].name + " " + label + " " + g.entities[t].name
        var p = Properties()
        let schema: String
        if let link = Self.links[r.type], link.sourceRange.contains(schemata[s]), link.targetRange.contains(schemata[t]) {
            schema = link.schema
            p.add(link.sourceProperty, from)
            p.add(link.targetProperty, to)
            p.add("role", label)
        } else if Self.events.contains(r.type), Self.legalEntities.contains(schemata[s]),
                  Self.legalEntities.contains(schemata[t]) || schemata[t] == "Address" {
            schema = "Event"
            p.add("name", Self.name(line))
            p.add("organizer", from)
            if schemata[t] == "Address" {
                p.add("addressEntity", to)
                p.add("location", Self.address(g.entities[t].name))
            } else {
                p.add("involved", to)
            }
            p.add("keywords", label)
        } else {
            schema = "UnknownLink"
            p.add("subject", from)
            p.add("object", to)
            p.add("role", label)
        }
        if let time = r.time {
            if let d = time.date {
                p.add("date", d.description)
            } else {
                if let a = time.start { p.add("startDate", a.description) }
                if let b = time.end { p.add("endDate", b.description) }
            }
        }
        var summary = line
        if let time = r.time { summary += " (" + time.description + ")" }
        p.add("summary", Self.text(summary + ": " + r.strengthText))
        if schema != "Event" { p.add("status", r.assertion?.rawValue ?? Unrated.word) }
        p.add("recordId", Self.text(r.id))
        if let n = r.note { p.add("description", Self.text(n)) }
        for c in r.sources { p.add("description", Self.text(DocumentText.cited(c.document, in: g) + ": \"" + c.quote + "\"")) }
        for c in r.sources {
            guard let d = g.document(id: c.document) else { continue }
            p.add("proof", Self.id("document", d.id))
            if let u = d.url.flatMap(Self.url) { p.add("sourceUrl", u) }
            if let o = d.outlet { p.add("publisher", Self.text(o)) }
        }
        return Self.json(id: Self.id("relation", r.id), schema: schema, p)
    }

    // MARK: Mappings

    static func schema(kind: String) -> String {
        switch kind {
        case "person": return "Person"
        case "state", "government-body", "armed-force": return "PublicBody"
        case "militia", "umbrella-group", "armed-group", "organization": return "Organization"
        case "site", "place": return "Address"
        case "agreement": return "Contract"
        default: return "LegalEntity"
        }
    }

    /// The schemata FtM's `LegalEntity` and `Organization` ranges take, of those `schema(kind:)` gives.
    static let legalEntities: Set = ["Person", "PublicBody", "Organization", "LegalEntity"]
    static let organizations: Set = ["PublicBody", "Organization"]

    /// A relation type with an FtM schema of its own: the properties its ends go in, and the
    /// schemata each end must have (FtM's ranges); other ends make an `UnknownLink`.
    struct Link {
        let schema: String, sourceProperty: String, targetProperty: String
        let sourceRange: Set<String>, targetRange: Set<String>
    }

    static let links: [String: Link] = [
        "member-of": Link(schema: "Membership", sourceProperty: "member", targetProperty: "organization",
                          sourceRange: legalEntities, targetRange: organizations),
        "part-of": Link(schema: "Membership", sourceProperty: "member", targetProperty: "organization",
                        sourceRange: legalEntities, targetRange: organizations),
        "spoke-for": Link(schema: "Representation", sourceProperty: "agent", targetProperty: "client",
                          sourceRange: legalEntities, targetRange: legalEntities),
        "leads": Link(schema: "Directorship", sourceProperty: "director", targetProperty: "organization",
                      sourceRange: legalEntities, targetRange: organizations),
    ]

    /// Relation types that are events (a dated act by one party on another or on a place).
    static let events: Set = ["attacked", "struck", "killed", "fought"]

    // MARK: Values, cleaned as FtM cleans them so that loading changes nothing

    /// FtM's entity ids are `[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?`, at most 200 characters: a
    /// kgraph id that fits is kept readable (`kg-entity-irgc`); others are hashed.
    static func id(_ space: String, _ id: String) -> String {
        let readable = "kg-" + space + "-" + id
        let fits = readable.count <= 200 && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == ".") }
            && id.unicodeScalars.last.map { $0 != "-" && $0 != "." } ?? false
        if fits { return readable }
        var h = SHA256()
        h.update(Array(id.utf8))
        return "kg-" + space + "-x" + h.finish().prefix(20).map { String(format: "%02x", $0) }.joined()
    }

    /// Text as FtM keeps it: NFC, no control characters but line breaks and tabs, no surrounding space.
    static func text(_ s: String) -> String {
        let kept = s.precomposedStringWithCanonicalMapping.unicodeScalars.filter { u in
            u == "\n" || u == "\t" || !(u.properties.generalCategory == .control || u.properties.generalCategory == .surrogate
                                        || u.properties.generalCategory == .unassigned)
        }
        return String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A name: text with runs of spaces made one, and no quotes around it.
    static func name(_ s: String) -> String {
        let quotes = CharacterSet(charactersIn: "\"'`‘’“”«»")
        return squashed(text(s)).trimmingCharacters(in: quotes.union(.whitespaces))
    }

    /// An address: a name's spaces, line breaks as commas.
    static func address(_ s: String) -> String {
        squashed(text(s).replacingOccurrences(of: "\r\n", with: ", ").replacingOccurrences(of: "\n", with: ", "))
    }

    static func squashed(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func isWikidataID(_ s: String) -> Bool {
        s.count > 1 && s.first == "Q" && s.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func number(_ v: AttributeValue?) -> String? {
        switch v {
        case .int(let i)?: return String(i)
        case .double(let d)? where d.isFinite: return String(d)
        case .string(let s)?: return Double(s).flatMap { $0.isFinite ? s.trimmingCharacters(in: .whitespaces) : nil }
        default: return nil
        }
    }

    /// An http(s) URL with a host, characters outside RFC 3986's percent-encoded; nil for others.
    static func url(_ s: String) -> String? {
        let t = text(s)
        guard let u = URL(string: t) ?? URL(string: t.addingPercentEncoding(withAllowedCharacters: urlCharacters) ?? ""),
              let scheme = u.scheme?.lowercased(), scheme == "http" || scheme == "https", u.host?.isEmpty == false else { return nil }
        return u.absoluteString
    }

    static let urlCharacters = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&()*+,;=%")

    // MARK: JSON

    /// Property values in the order added, each property once, empty values left out.
    struct Properties {
        var names: [String] = []
        var values: [String: [String]] = [:]

        mutating func add(_ property: String, _ value: String) {
            guard !value.isEmpty else { return }
            if values[property] == nil { names.append(property) }
            if values[property, default: []].contains(value) { return }
            values[property, default: []].append(value)
        }
    }

    static func json(id: String, schema: String, _ p: Properties) -> String {
        let props = p.names.map { n in JSONText.quote(n) + ": [" + p.values[n]!.map(JSONText.quote).joined(separator: ", ") + "]" }
        return "{\"id\": " + JSONText.quote(id) + ", \"schema\": " + JSONText.quote(schema)
            + ", \"properties\": {" + props.joined(separator: ", ") + "}}"
    }
}
