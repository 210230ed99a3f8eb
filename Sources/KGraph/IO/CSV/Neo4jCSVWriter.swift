import Foundation

/// Writes a graph as the CSV pair `neo4j-admin database import full` reads:
/// `entities.csv` (`--nodes`) and `relations.csv` (`--relationships`).
///
/// `entities.csv`: `id:ID`, `name`, `:LABEL` (`Entity` plus the kind in CamelCase, e.g.
/// `Entity;ArmedForce`), `kind`, `aliases:string[]` (split by `;`), `country`, `description`,
/// `ids` (JSON), `provenance`, `note`, then one typed column per free attribute (`killed:long`).
/// `relations.csv`: `:START_ID`, `:END_ID`, `:TYPE` (the type in UPPER_SNAKE, e.g. `SPOKE_FOR`),
/// `id`, `label`, `relation` (the exact type id), `date`, `date_precision`, `start:date` and
/// `end:date` (first and last day the date may stand for, for Neo4j's temporal queries),
/// `confidence`, `assertion`, `sources` (JSON), `documents:string[]`, `provenance`, `note`, then
/// the free attributes. The columns are `entityHeader` and `relationHeader`, from the field
/// tables. Fields are quoted as RFC 4180 wants.
///
/// Import with: `neo4j-admin database import full --nodes=entities.csv
/// --relationships=relations.csv --multiline-fields=true neo4j` (notes may span lines).
///
/// Not supported: the document list and the vocabulary (Neo4j's bulk import has no place for them;
/// relations keep their `sources`); a list item (an alias) holding `;` (Neo4j's array delimiter;
/// the export refuses it); `:` in an attribute name (written as `_`); lists and maps in free attributes are
/// JSON text in a string column.
public enum Neo4jCSVWriter {
    /// The two files' contents.
    public static func csv(_ g: Graph) throws(ExportError) -> (entities: Data, relations: Data) {
        // Every list field (aliases, shared aliases) is a Neo4j string array, split at ';'.
        for e in g.entities {
            for field in InteropField.entityColumns {
                guard case .list(let l)? = field.get(e), let a = l.first(where: { $0.contains(";") }) else { continue }
                throw ExportError("'\(a)' in \(field.key) of '\(e.id)' contains ';', Neo4j's array delimiter; change it to export CSV")
            }
        }
        let nodeColumns = AttributeColumns(g.entities.map(\.attributes))
        let edgeColumns = AttributeColumns(g.relations.map(\.attributes))
        let entityFixed = entityHeader, relationFixed = relationHeader

        var out = ""
        let nodeHeaders = headers(nodeColumns, fixed: entityFixed)
        out += (entityFixed + nodeHeaders).map(field).joined(separator: ",") + "\n"
        for e in g.entities {
            var row = [e.id, e.name, "Entity;" + label(e.kind)]
            for field in InteropField.entityColumns {
                switch field.get(e) {
                case nil: row.append("")
                case .list(let l)?: row.append(l.joined(separator: ";"))
                case let d?: row.append(InteropValues.text(d))
                }
            }
            for c in nodeColumns.columns { row.append(e.attributes[c.name].map { AttributeColumns.text($0, as: c.type) } ?? "") }
            out += row.map(field).joined(separator: ",") + "\n"
        }
        let entities = Data(out.utf8)

        out = ""
        let edgeHeaders = headers(edgeColumns, fixed: relationFixed)
        out += (relationFixed + edgeHeaders).map(field).joined(separator: ",") + "\n"
        for r in g.relations {
            var row = [r.source, r.target, relationshipType(r.type), r.id, g.vocabulary.type(r.type)?.label ?? r.type]
            for field in InteropField.relationColumns {
                let d = InteropField.exported(field, r)
                row.append(d.map(InteropValues.text) ?? "")
                if InteropField.precisionColumn(field) != nil {
                    let t = d.flatMap(InteropField.days)
                    row += [t?.precision.rawValue ?? "", t?.start.map { GEXFWriter.day($0.earliestDay) } ?? "",
                            t?.end.map { GEXFWriter.day($0.latestDay) } ?? ""]
                }
                if InteropField.documentsColumn(field) != nil {
                    guard case .citations(let c)? = d else { row.append(""); continue }
                    row.append(orderedUnique(c.map(\.document)).joined(separator: ";"))
                }
            }
            for c in edgeColumns.columns { row.append(r.attributes[c.name].map { AttributeColumns.text($0, as: c.type) } ?? "") }
            out += row.map(field).joined(separator: ",") + "\n"
        }
        return (entities, Data(out.utf8))
    }

    /// The header of `entities.csv` before the free attributes: the id, name and labels, then
    /// `InteropField.entityColumns` (lists as Neo4j string arrays, split by `;`; maps as JSON text).
    static let entityHeader = ["id:ID", "name", ":LABEL"]
        + InteropField.entityColumns.map { $0.value == .list ? $0.column! + ":string[]" : $0.column! }

    /// The header of `relations.csv` before the free attributes: the ends, Neo4j's type, the id and
    /// the type's reading, then `InteropField.relationColumns`, a date followed by its precision
    /// and its first and last day as Neo4j dates, citations by the list of documents they cite.
    static let relationHeader = [":START_ID", ":END_ID", ":TYPE", "id", InteropField.Relation.label]
        + InteropField.relationColumns.flatMap { f -> [String] in
            var h = [f.column!]
            if let p = InteropField.precisionColumn(f), let days = InteropField.dayColumns(f) {
                h += [p, days.start + ":date", days.end + ":date"]
            }
            if let d = InteropField.documentsColumn(f) { h.append(d + ":string[]") }
            return h
        }

    private static func orderedUnique(_ s: [String]) -> [String] {
        var seen = Set<String>()
        return s.filter { seen.insert($0).inserted }
    }

    /// Header cells for free attributes: `name:type`, with `:` in names made `_` and names the
    /// fixed columns use prefixed `attribute_`.
    private static func headers(_ columns: AttributeColumns, fixed: [String]) -> [String] {
        // A name the reader would take for a field gets `attribute_` in front (the reader strips it).
        let taken = Set(fixed.map { $0.split(separator: ":").first.map(String.init) ?? "" })
        return columns.columns.map { c in
            var name = c.name.replacingOccurrences(of: ":", with: "_")
            if taken.contains(name) || name.isEmpty { name = "attribute_" + name }
            switch c.type {
            case .bool: return name + ":boolean"
            case .int: return name + ":long"
            case .double: return name + ":double"
            case .string, .mixed, .json: return name
            }
        }
    }

    /// A kind as a Neo4j label: `armed-force` -> `ArmedForce`.
    static func label(_ kind: String) -> String {
        let parts = kind.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        let s = parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return s.isEmpty ? "Node" : s
    }

    /// A relation type as a Neo4j relationship type: `spoke-for` -> `SPOKE_FOR`.
    static func relationshipType(_ type: String) -> String {
        let parts = type.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        let s = parts.map { $0.uppercased() }.joined(separator: "_")
        return s.isEmpty ? "RELATED" : s
    }

    /// One CSV field, quoted when it holds a comma, quote, line end or surrounding space.
    static func field(_ s: String) -> String {
        if s.isEmpty { return "" }
        let needs = s.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || s.first == " " || s.last == " "
        guard needs else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
