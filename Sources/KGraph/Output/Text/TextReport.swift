/// Human-readable text for entities and relations, as the CLI prints it.
public enum TextReport {
    /// One line for a relation:
    /// `Iran --backs--> Kata'ib Hezbollah  2021..2024  high confidence, reported  [doc (Outlet, 2024-02-02)]`.
    public static func line(_ r: Relation, in g: Graph) -> String {
        let s = g.entity(id: r.source)?.name ?? r.source
        let t = g.entity(id: r.target)?.name ?? r.target
        return "\(s) --\(r.type)--> \(t)" + details(r, in: g)
    }

    /// `  2024-01-28  medium confidence, attributed  [doc-a (Outlet, date), doc-b (...)]`: each
    /// document as `DocumentText.cited` shows it (the date part only when dated).
    public static func details(_ r: Relation, in g: Graph) -> String {
        var seen = Set<String>()
        let documents = r.sources.map(\.document).filter { seen.insert($0).inserted }
        return dateAndStrength(r) + "  [" + documents.map { DocumentText.cited($0, in: g) }.joined(separator: ", ") + "]"
    }

    /// `  2024-01-28  medium confidence, attributed` (the date part only when dated).
    static func dateAndStrength(_ r: Relation) -> String {
        (r.time.map { "  " + $0.description } ?? "") + "  " + r.strengthText
    }

    /// The citations of a relation, one per line: `      doc-id (Outlet, date): "quote"` (the
    /// document as `DocumentText.cited` shows it), then the citation's optional fields of
    /// `Citation.fields` that it has, as `value` shows them (`  speaker: John Kirby`).
    public static func citations(_ r: Relation, in g: Graph, indent: String) -> String {
        r.sources.map { c in
            var line = "\(indent)\(DocumentText.cited(c.document, in: g)): \"\(c.quote)\""
            for field in Citation.fields where !field.required {
                if let v = value(field, of: c, in: g) { line += "  \(field.key): \(v)" }
            }
            return line
        }.joined(separator: "\n")
    }

    /// The entity listing: one entity per line, `id  name  (kind)`, columns aligned.
    public static func entityList(_ entities: [Entity]) -> String {
        let w = entities.map(\.id.count).max() ?? 0
        return entities.map { $0.id.padding(toLength: w, withPad: " ", startingAt: 0) + "  \($0.name)  (\($0.kind))" }
            .joined(separator: "\n")
    }

    /// An entity card: name and kind, every other field the entity has (`Entity.fields`), then
    /// every relation in and out grouped by type, each with its date, strength, citations and its
    /// other fields (`Relation.fields`), then what the entity said (its statements).
    /// With `parts` (`Graph.parts(of:)`), the card lists theirs too, each row naming the part:
    /// `  US Central Command -> IRGC Quds Force ...`.
    public static func card(_ i: Int32, in g: Graph, parts: [Int32] = []) -> String {
        let e = g.entity(at: i)
        var lines = ["\(e.name) [\(e.id)]", "  kind: \(g.vocabulary.kind(e.kind)?.label ?? e.kind)"]
        // The header says the required fields; below it, every other field of `Entity.fields` it has.
        for field in Entity.fields where !field.required {
            if let v = value(field, of: e, in: g) { lines.append("  \(field.key): " + v) }
        }

        // Group by (type, direction): outgoing under the type's reading, incoming under its inverse.
        var groups: [(title: String, rows: [String])] = []
        var groupIndex: [String: Int] = [:]
        func add(_ title: String, _ row: String) {
            if let k = groupIndex[title] { groups[k].rows.append(row) } else {
                groupIndex[title] = groups.count
                groups.append((title, [row]))
            }
        }
        // A self-loop is listed once, as outgoing; a relation between two parts once, under the first.
        var listed = Set<Int32>()
        for e in [i] + parts {
            let subject = e == i ? "" : " " + g.entity(at: e).name
            for r in g.outgoing(e) + g.incoming(e).filter({ g.sourceIndex(ofRelation: $0) != e }) where listed.insert(r).inserted {
                let rel = g.relation(at: r)
                let type = g.vocabulary.type(rel.type)
                let outgoing = g.sourceIndex(ofRelation: r) == e
                let other = g.entity(at: outgoing ? g.targetIndex(ofRelation: r) : g.sourceIndex(ofRelation: r))
                let title = outgoing ? (type?.label ?? rel.type) : (type?.inverse ?? "\(rel.type) (incoming)")
                // The citations below name each document: the row does not list them again.
                var row = " \(subject) \(outgoing ? "->" : "<-") \(other.name)" + dateAndStrength(rel)
                row += "\n" + citations(rel, in: g, indent: "       ")
                for field in Relation.fields where !field.required && !shownOnTheRow(field) {
                    if let v = value(field, of: rel, in: g) { row += "\n       \(field.key): \(v)" }
                }
                add(title, row)
            }
        }
        if !parts.isEmpty { lines.append("  parts: " + parts.map { g.entity(at: $0).name }.joined(separator: ", ")) }
        var out = lines.joined(separator: "\n")
        if groups.isEmpty { out += "\n\n(no relations)" }
        for grp in groups {
            out += "\n\n\(grp.title) (\(grp.rows.count))\n" + grp.rows.joined(separator: "\n")
        }
        let said = g.statements(by: [i] + parts)
        if !said.isEmpty {
            out += "\n\nstatements (\(said.count); kgraph quotes lists what each supports)\n"
                + StatementText.brief(said, in: g, naming: !parts.isEmpty)
        }
        return out
    }

    /// A relation's fields its card row and the citations below it show: the date, the strength
    /// (every choice) and the citations.
    static func shownOnTheRow(_ field: Field<Relation>) -> Bool {
        switch field.value {
        case .timeSpan, .choice, .citations: return true
        default: return false
        }
    }

    /// A field's value in text, by what its values are: an entity by its name, a document as
    /// `DocumentText.cited` shows it, a list and a map joined with commas; nil when the record has
    /// none, or a choice holds its default (`reported` says nothing).
    static func value<R>(_ field: Field<R>, of r: R, in g: Graph) -> String? {
        guard let d = field.recorded(r) else { return nil }
        switch (field.value, d) {
        case (.choice(_, let standard), .text(let s)): return s == standard ? nil : s
        case (.entityID, .text(let s)): return g.entity(id: s)?.name ?? s
        case (.documentID, .text(let s)): return DocumentText.cited(s, in: g)
        case (_, .text(let s)): return s
        case (_, .list(let l)): return l.joined(separator: ", ")
        case (_, .map(let m)): return m.keys.sorted().map { "\($0) \(m[$0]!)" }.joined(separator: ", ")
        case (_, .attributes(let a)): return a.keys.sorted().map { "\($0) \(a[$0]!.text)" }.joined(separator: ", ")
        case (_, .citations(let c)): return c.map { DocumentText.cited($0.document, in: g) }.joined(separator: ", ")
        }
    }
}
