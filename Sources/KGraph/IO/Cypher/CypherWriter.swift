/// Writes a graph as a Cypher script that builds it in Neo4j 5 (`cypher-shell -f FILE`), FalkorDB
/// or Memgraph (`CypherDialect`: only the schema statements differ), one statement per line, every
/// value escaped, `MERGE` on ids.
///
/// Documents become `(:Document {id, title, ...})` nodes; entities `(:Entity {id, name, kind,
/// aliases, ...})` nodes with a second label for the kind in CamelCase (`:ArmedForce`); relations
/// relationships whose type is the relation type in UPPER_SNAKE (`:SPOKE_FOR`), with properties
/// `id`, then `InteropField.relationColumns`: `relation` (the exact type id), `date`,
/// `date_precision`, `start`/`end` (Neo4j dates: the first and last day the date may stand for),
/// `confidence`, `assertion`, `sources` (JSON text), `documents` (the cited ids), `provenance`,
/// `note`; then the free attributes. Uniqueness
/// constraints or indexes on `Entity.id` and `Document.id` make the `MERGE`s fast.
///
/// Escaping: strings are single-quoted with `\\`, `\'`, `\n`, `\r`, `\t` and `\uXXXX` for other
/// control characters (FalkorDB: those as they are); labels, relationship types and property names
/// that are not plain identifiers are backquoted, with backquotes doubled (FalkorDB: made `'`).
///
/// Not supported: map values (Neo4j properties cannot hold maps: written as JSON text), lists
/// mixing types (JSON text), the vocabulary (kinds and types are labels and relationship types).
public enum CypherWriter {
    /// The Cypher script for `g`, for `dialect`'s engine.
    public static func cypher(_ g: Graph, dialect: CypherDialect = .neo4j) -> String {
        // Every literal and name as the engine reads it.
        func string(_ s: String) -> String { CypherWriter.string(s, dialect: dialect) }
        func identifier(_ s: String) -> String { CypherWriter.identifier(s, dialect: dialect) }
        func assignments(_ v: String, _ p: [(String, String)]) -> String {
            p.map { v + "." + identifier($0.0) + " = " + $0.1 }.joined(separator: ", ")
        }
        var out = "// Written by kgraph" + (g.title.map { ": " + oneLine($0) } ?? "") + "\n"
        out += dialect.usage + "\n"
        for line in dialect.schema(label: "Entity", variable: "n", name: "kgraph_entity_id")
            + dialect.schema(label: "Document", variable: "d", name: "kgraph_document_id") {
            out += line + "\n"
        }
        for d in g.documents {
            // Every field but the id, which the MERGE matches on.
            let p = Document.fields.filter { $0.value != .id }.compactMap { f in f.text(d).map { (f.key, string($0)) } }
            out += "MERGE (d:Document {id: \(string(d.id))}) SET " + assignments("d", p) + ";\n"
        }
        for e in g.entities {
            var p: [(String, String)] = [("name", string(e.name))]
            for field in InteropField.entityColumns {
                switch field.get(e) {
                case nil: break
                // Lists are Cypher lists; maps (which properties cannot hold) JSON text.
                case .list(let l)?: p.append((field.column!, "[" + l.map(string).joined(separator: ", ") + "]"))
                case let d?: p.append((field.column!, string(InteropValues.text(d))))
                }
            }
            p += attributes(e.attributes, dialect: dialect, reserved: Set(["id", "name"] + InteropField.entityColumns.map { $0.column! }))
            out += "MERGE (n:Entity {id: \(string(e.id))}) SET n:" + identifier(Neo4jCSVWriter.label(e.kind)) + ", "
                + assignments("n", p) + ";\n"
        }
        for r in g.relations {
            var p: [(String, String)] = []
            for field in InteropField.relationColumns {
                guard let d = InteropField.exported(field, r) else { continue }
                p.append((field.column!, string(InteropValues.text(d))))
                if let precision = InteropField.precisionColumn(field), let days = InteropField.dayColumns(field),
                   let t = InteropField.days(d) {
                    p.append((precision, string(t.precision.rawValue)))
                    if let s = t.start { p.append((days.start, "date(" + string(GEXFWriter.day(s.earliestDay)) + ")")) }
                    if let e = t.end { p.append((days.end, "date(" + string(GEXFWriter.day(e.latestDay)) + ")")) }
                }
                if let documents = InteropField.documentsColumn(field), case .citations(let c) = d {
                    var seen = Set<String>()
                    let docs = c.map(\.document).filter { seen.insert($0).inserted }
                    p.append((documents, "[" + docs.map(string).joined(separator: ", ") + "]"))
                }
            }
            p += attributes(r.attributes, dialect: dialect, reserved: relationProperties)
            out += "MATCH (a:Entity {id: \(string(r.source))}), (b:Entity {id: \(string(r.target))}) "
                + "MERGE (a)-[r:" + identifier(Neo4jCSVWriter.relationshipType(r.type)) + " {id: \(string(r.id))}]->(b) SET "
                + assignments("r", p) + ";\n"
        }
        return out
    }

    /// The properties a relationship's fields use (those of Neo4j's CSV, which has the same):
    /// a free attribute of one of these names gets `attribute_` in front.
    static let relationProperties = Set(["id"] + Neo4jCSVWriter.relationHeader.compactMap { h in
        h.hasPrefix(":") ? nil : h.split(separator: ":").first.map(String.init)
    })

    /// Free attributes as properties; a name a field uses gets `attribute_` in front.
    private static func attributes(_ a: [String: AttributeValue], dialect: CypherDialect, reserved: Set<String>) -> [(String, String)] {
        a.keys.sorted().map { k in (reserved.contains(k) ? "attribute_" + k : k, value(a[k]!, dialect: dialect)) }
    }

    /// A property value: scalars as Cypher literals, lists of one scalar type as lists, the rest as JSON text.
    static func value(_ v: AttributeValue, dialect: CypherDialect = .neo4j) -> String {
        switch v {
        case .string(let s): return string(s, dialect: dialect)
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items):
            let kinds = Set(items.map { item -> Int in
                switch item { case .string: 0; case .int: 1; case .double: 2; case .bool: 3; case .list, .map: 4 }
            })
            if kinds.count <= 1 && !kinds.contains(4) {
                return "[" + items.map { value($0, dialect: dialect) }.joined(separator: ", ") + "]"
            }
            return string(v.jsonText, dialect: dialect)
        case .map: return string(v.jsonText, dialect: dialect)
        }
    }

    /// A Cypher string literal. FalkorDB reads no `\uXXXX` escapes: other control characters go
    /// into its strings as they are (a NUL, which it cannot take, as U+FFFD).
    public static func string(_ s: String, dialect: CypherDialect = .neo4j) -> String {
        var out = "'"
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}" where dialect == .falkordb: out += "\u{FFFD}"
            default:
                if dialect != .falkordb && (u.value < 0x20 || u.value == 0x7F || u == "\u{2028}" || u == "\u{2029}") {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "'"
    }

    /// A label, relationship type or property name: as is when a plain identifier, else backquoted
    /// with backquotes doubled (FalkorDB cannot escape one: there it becomes `'`).
    public static func identifier(_ s: String, dialect: CypherDialect = .neo4j) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.enumerated().allSatisfy { i, u in
            (u.value < 128 && (u.properties.isAlphabetic || u == "_")) || (i > 0 && u.value < 128 && u.properties.numericType != nil)
        }
        return plain ? s : "`" + s.replacingOccurrences(of: "`", with: dialect == .falkordb ? "'" : "``") + "`"
    }

    private static func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
