import Foundation

/// A STIX 2.1 bundle for threat-intelligence platforms (OpenCTI, MISP, TAXII servers): written, not read.
///
/// Facts from the STIX 2.1 standard (OASIS, 2021) this writer relies on: every object has `type`,
/// `spec_version` "2.1", `id` (`TYPE--UUID`), `created` and `modified`; a `location` needs a
/// region, a country or coordinates; a relationship's `stop_time` is later than its `start_time`;
/// `confidence` is 0-100, and the standard's Low/Med/High scale is 15/50/85.
///
/// Entities: people are `identity` (individual), states and government bodies `identity`
/// (organization, sector government-national), armed forces `identity` (sector defense), militias
/// and armed groups `threat-actor`, umbrella groups `intrusion-set`, sites and places `location`
/// (coordinates from `latitude`/`longitude` attributes, else region "unknown"), other kinds
/// `identity` (organization for organizations, else class unknown). Relations are `relationship`
/// objects with the type as `relationship_type` (`located-in` as STIX's `located-at`), except
/// attacks on a site or place, which are `sighting`s of the attacker where it struck; dates become
/// `start_time`/`stop_time` (`first_seen`/`last_seen`), confidence the 15/50/85 scale, assertion
/// and provenance `labels` (`assertion-denied`, `provenance-added`). Each cited document is a
/// `report` of the objects it supports, whose external references carry its URL and every quote.
/// Ids are UUIDs made from the kgraph ids, so exporting again gives the same ids.
///
/// Not supported: free attributes (but coordinates), notes beyond the description, the vocabulary.
public struct STIXFormat: GraphFormat {
    public init() {}
    public var name: String { "stix" }
    public var tools: String { "OpenCTI, MISP, TAXII" }
    public var summary: String { "a STIX 2.1 bundle: actors, locations, relationships and sightings, reports with the quotes" }
    public var details: String {
        "a STIX 2.1 `bundle`: actors as `identity`/`threat-actor`/`intrusion-set` by kind, sites and places as `location`, "
            + "relations as `relationship` (attacks on a site: `sighting`) with `start_time`/`stop_time`, confidence on "
            + "STIX's 15/50/85 scale and the assertion as a label; each cited document a `report` whose external "
            + "references carry the quotes; lost: free attributes, the vocabulary"
    }
    public var carries: GraphParts { [] }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = Data(STIXBundle(g).text.utf8)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }
}

/// Builds the bundle text, one object per line.
private struct STIXBundle {
    let g: Graph
    /// Every object's `created` and `modified`: the newest document's date, so the same graph gives
    /// the same bundle.
    let stamp: String
    /// Each entity's STIX id, by entity index.
    var entityRefs: [String] = []
    /// The STIX type of each entity, by entity index.
    var entityTypes: [String] = []

    init(_ g: Graph) {
        self.g = g
        let newest = g.documents.compactMap { $0.published?.latestDay }.max()
        stamp = newest.map { Self.timestamp($0) } ?? "1970-01-01T00:00:00.000Z"
        for e in g.entities {
            let type = Self.stixType(e.kind)
            entityTypes.append(type)
            entityRefs.append(Self.id(type, "entity " + e.id))
        }
    }

    var text: String {
        var objects: [String] = []
        for (i, e) in g.entities.enumerated() { objects.append(entity(e, i)) }
        // By document index: the objects each document supports.
        var supported: [[String]] = Array(repeating: [], count: g.documents.count)
        var quotes: [[(String, String)]] = Array(repeating: [], count: g.documents.count)
        for (i, r) in g.relations.enumerated() {
            let (text, ref) = relation(r, i)
            objects.append(text)
            let ends = [entityRefs[Int(g.sourceIndex(ofRelation: Int32(i)))], entityRefs[Int(g.targetIndex(ofRelation: Int32(i)))]]
            for c in r.sources {
                guard let d = g.index(ofDocument: c.document) else { continue }
                supported[d] += [ref] + ends
                quotes[d].append((r.id, c.quote))
            }
        }
        for (d, doc) in g.documents.enumerated() where !supported[d].isEmpty {
            objects.append(report(doc, refs: supported[d], quotes: quotes[d]))
        }
        return "{\"type\": \"bundle\", \"id\": \"" + Self.id("bundle", "bundle " + (g.title ?? "")) + "\", \"objects\": [\n"
            + objects.joined(separator: ",\n") + "\n]}\n"
    }

    // MARK: Objects

    func common(_ type: String, _ id: String) -> [(String, String)] {
        [("type", q(type)), ("spec_version", q("2.1")), ("id", q(id)), ("created", q(stamp)), ("modified", q(stamp))]
    }

    func entity(_ e: Entity, _ i: Int) -> String {
        let type = entityTypes[i]
        var m = common(type, entityRefs[i])
        m.append(("name", q(e.name)))
        if let d = e.description { m.append(("description", q(d))) }
        switch type {
        case "identity":
            let (identityClass, sector) = Self.identityClass(e.kind)
            m.append(("identity_class", q(identityClass)))
            if let sector { m.append(("sectors", "[" + q(sector) + "]")) }
        case "location":
            if let lat = Self.number(e.attributes["latitude"]), let lon = Self.number(e.attributes["longitude"]) {
                m.append(("latitude", String(lat)))
                m.append(("longitude", String(lon)))
            } else {
                // A location must name a region, a country or coordinates; the graph knows none of them.
                m.append(("region", q("unknown")))
            }
        default:
            if !e.aliases.isEmpty { m.append(("aliases", list(e.aliases))) }
        }
        m.append(("external_references", "[" + object([("source_name", q("kgraph")), ("external_id", q(e.id))]) + "]"))
        return object(m)
    }

    /// The relation's object and its id.
    func relation(_ r: Relation, _ i: Int) -> (String, String) {
        let s = Int(g.sourceIndex(ofRelation: Int32(i))), t = Int(g.targetIndex(ofRelation: Int32(i)))
        let sighting = r.type == "attacked" && entityTypes[t] == "location" && entityTypes[s] != "location"
        let type = sighting ? "sighting" : "relationship"
        let ref = Self.id(type, "relation " + r.id)
        var m = common(type, ref)
        let (from, to) = (r.time?.earliestDay.map { Self.timestamp($0) }, r.time?.latestDay.map { Self.timestamp($0, plusOneDay: true) })
        if sighting {
            m += [("sighting_of_ref", q(entityRefs[s])), ("where_sighted_refs", "[" + q(entityRefs[t]) + "]")]
            if let from { m.append(("first_seen", q(from))) }
            if let to { m.append(("last_seen", q(to))) }
        } else {
            m += [("relationship_type", q(Self.relationshipType(r.type))), ("source_ref", q(entityRefs[s])),
                  ("target_ref", q(entityRefs[t]))]
            if let from { m.append(("start_time", q(from))) }
            if let to { m.append(("stop_time", q(to))) }
        }
        let label = g.vocabulary.type(r.type)?.label ?? r.type
        var description = g.entities[s].name + " " + label + " " + g.entities[t].name
        if let time = r.time { description += " (" + time.description + ")" }
        description += ": " + r.strengthText
        if let n = r.note { description += ". " + n }
        m.append(("description", q(description)))
        // An unrated relation (never given a confidence or assertion) has none here either.
        if let c = r.confidence { m.append(("confidence", String(Self.confidence(c)))) }
        var labels = [r.assertion.map { "assertion-" + $0.rawValue } ?? "unrated"]
        if r.provenance == .added { labels.append("provenance-added") }
        m.append(("labels", list(labels)))
        m.append(("external_references", "[" + object([("source_name", q("kgraph")), ("external_id", q(r.id))]) + "]"))
        return (object(m), ref)
    }

    func report(_ d: Document, refs: [String], quotes: [(String, String)]) -> String {
        var m = common("report", Self.id("report", "document " + d.id))
        m.append(("name", q(d.title)))
        m.append(("published", q(d.published.map { Self.timestamp($0.earliestDay) } ?? stamp)))
        var seen = Set<String>()
        m.append(("object_refs", list(refs.filter { seen.insert($0).inserted })))
        let source = d.outlet ?? d.title
        var references = [object([("source_name", q(source)), ("external_id", q(d.id))] + (d.url.map { [("url", q($0))] } ?? []))]
        for (relation, quote) in quotes {
            references.append(object([("source_name", q(source)), ("description", q(quote)), ("external_id", q(relation))]))
        }
        m.append(("external_references", "[" + references.joined(separator: ", ") + "]"))
        return object(m)
    }

    // MARK: Mappings

    static func stixType(_ kind: String) -> String {
        switch kind {
        case "militia", "armed-group": return "threat-actor"
        case "umbrella-group": return "intrusion-set"
        case "site", "place": return "location"
        default: return "identity"
        }
    }

    static func identityClass(_ kind: String) -> (String, String?) {
        switch kind {
        case "person": return ("individual", nil)
        case "state", "government-body": return ("organization", "government-national")
        case "armed-force": return ("organization", "defense")
        case "organization": return ("organization", nil)
        default: return ("unknown", nil)
        }
    }

    /// STIX 2.1's Low/Med/High confidence scale.
    static func confidence(_ c: Confidence) -> Int {
        switch c {
        case .low: return 15
        case .medium: return 50
        case .high: return 85
        }
    }

    /// `[a-z0-9-]+`, with STIX's name where it has one.
    static func relationshipType(_ t: String) -> String {
        if t == "located-in" { return "located-at" }
        let s = String(String.UnicodeScalarView(t.lowercased().unicodeScalars.map {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) ? $0 : "-"
        }))
        return s.isEmpty ? "related-to" : s
    }

    static func number(_ v: AttributeValue?) -> Double? {
        switch v {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        case .string(let s)?: return Double(s)
        default: return nil
        }
    }

    /// `TYPE--UUID`, the UUID made from a hash of `name` (the version-4 layout STIX asks for), so
    /// the same graph always gets the same ids.
    static func id(_ type: String, _ name: String) -> String {
        var h = SHA256()
        h.update(Array(("kgraph stix " + type + " " + name).utf8))
        var b = Array(h.finish().prefix(16))
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = b.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return type + "--" + parts.joined(separator: "-")
    }

    /// A `yyyymmdd` day as a STIX timestamp at its start (or at the start of the next day).
    static func timestamp(_ ymd: Int, plusOneDay: Bool = false) -> String {
        var c = DateComponents()
        c.year = ymd / 10000
        c.month = ymd / 100 % 100
        c.day = ymd % 100 + (plusOneDay ? 1 : 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: c) ?? Date(timeIntervalSince1970: 0)
        let d = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }
        let year = String(d.year ?? 1970)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(d.month ?? 1) + "-" + two(d.day ?? 1)
            + "T00:00:00.000Z"
    }

    // MARK: JSON

    func q(_ s: String) -> String { JSONText.quote(s) }
    func list(_ l: [String]) -> String { "[" + l.map(JSONText.quote).joined(separator: ", ") + "]" }
    func object(_ m: [(String, String)]) -> String { "{" + m.map { JSONText.quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}" }
}
