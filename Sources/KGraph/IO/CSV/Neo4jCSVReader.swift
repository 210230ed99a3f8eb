import Foundation

/// Reads the Neo4j bulk-import CSV pair (`entities.csv` + `relations.csv`, as `Neo4jCSVWriter`
/// and `neo4j-admin` write them) into a `GraphFragment`. Given either file, it reads the pair: the
/// file whose header has `:ID` holds nodes, the one with `:START_ID`/`:END_ID` relationships; the
/// other is the sibling whose name swaps `entities` and `relations` (or `nodes` and
/// `relationships`). Pass one file of a pair, not both.
///
/// Headers are `name:type` (`int`, `long`, `float`, `double`, `boolean`, `string`, `date`, and
/// arrays `type[]` split by `;`); `:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE` and `:IGNORE`
/// have their Neo4j meaning. Fields map as in `InteropField`; a node's kind is its `kind` column,
/// else its first label; a relation's type is its `relation` column, else its `:TYPE`. Quoting
/// follows RFC 4180 (fields may span lines). Errors say `file:line:column`.
///
/// Not supported: ID spaces (`:ID(Person)` is read as a plain id), delimiters other than `,` and
/// `;` for arrays, separate header files, `point`/`duration` types (read as text).
public enum Neo4jCSVReader {
    /// Reads the pair that `source` (a file of it) belongs to.
    public static func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        var fragment = GraphFragment(file: file, strictVocabulary: false)
        guard let first = CSVTable.read(source, file: file, diagnostics: &diagnostics) else { return fragment }
        var nodes: CSVTable?, edges: CSVTable?
        if first.isRelationships { edges = first } else if first.isNodes { nodes = first } else {
            diagnostics.append(Diagnostic(.error, "not a Neo4j import CSV: the header has neither ':ID' nor ':START_ID'/':END_ID'",
                                          at: FileLocation(file: file, line: 1, column: 1)))
            return fragment
        }
        // A pair written by kgraph has a manifest beside it: files of two exports are not one graph.
        if case .file(let path) = source, let mismatch = AtomicFile.groupMismatch(of: path) {
            diagnostics.append(Diagnostic(.error, mismatch, at: FileLocation(file: file, line: 1, column: 1)))
            return fragment
        }
        if case .file(let path) = source, let sibling = siblingPath(path, nodes: nodes != nil) {
            if let other = CSVTable.read(.file(path: sibling), file: sibling, diagnostics: &diagnostics) {
                if nodes == nil && other.isNodes { nodes = other } else if edges == nil && other.isRelationships { edges = other }
            }
        }
        var declared: [IDKey: FileLocation] = [:]
        if let nodes { readNodes(nodes, into: &fragment, declared: &declared, diagnostics: &diagnostics) }
        var edgeList = EdgeListBuilder()
        if let edges { readEdges(edges, into: &edgeList, diagnostics: &diagnostics) }
        edgeList.finish(into: &fragment, declared: &declared, diagnostics: &diagnostics)
        return fragment
    }

    /// The other file of the pair, if it exists.
    static func siblingPath(_ path: String, nodes: Bool) -> String? {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let swaps = nodes ? [("entities", "relations"), ("nodes", "relationships"), ("Entities", "Relations")]
            : [("relations", "entities"), ("relationships", "nodes"), ("Relations", "Entities")]
        for (a, b) in swaps where name.contains(a) {
            let candidate = url.deletingLastPathComponent().appendingPathComponent(name.replacingOccurrences(of: a, with: b)).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The headers `Neo4jCSVWriter` writes before the free attributes.
    static let ownEntityHeader = Neo4jCSVWriter.entityHeader
    static let ownRelationHeader = Neo4jCSVWriter.relationHeader
    /// Columns of kgraph's own relations that repeat what others say (a date's first and last day,
    /// the documents of citations): passed over when read.
    static let derivedRelationColumns: Set<String> = Set(InteropField.relationColumns.flatMap { f -> [String] in
        [InteropField.dayColumns(f)?.start, InteropField.dayColumns(f)?.end, InteropField.documentsColumn(f)].compactMap { $0 }
    })

    /// For kgraph's own files, what each column is: fixed fields by position, then free attributes
    /// (`attribute_X` standing for an attribute named like a field).
    private static func ownName(_ t: CSVTable, _ i: Int, fixed: [String]) -> String? {
        guard t.header.starts(with: fixed), i >= fixed.count else { return nil }
        let n = t.columns[i].name
        if n.hasPrefix("attribute_"), fixed.contains(where: { $0.split(separator: ":").first.map(String.init) == String(n.dropFirst(10)) }) {
            return String(n.dropFirst(10))
        }
        return n
    }

    private static func readNodes(_ t: CSVTable, into fragment: inout GraphFragment, declared: inout [IDKey: FileLocation],
                                  diagnostics: inout [Diagnostic]) {
        guard let idColumn = t.columns.firstIndex(where: { $0.special == ":ID" }) else { return }
        let hasKind = t.columns.contains { $0.name == "kind" }
        let own = t.header.starts(with: ownEntityHeader)
        for row in t.rows {
            let at = row.location
            let id = row.fields[idColumn]
            guard !id.isEmpty else {
                diagnostics.append(Diagnostic(.error, "node row without an id", at: at))
                continue
            }
            if let first = declared[IDKey(id)] {
                diagnostics.append(Diagnostic(.error, "duplicate node id '\(id)' (first at \(first))", at: at))
                continue
            }
            declared[IDKey(id)] = at
            var values = EntityValues()
            for (i, c) in t.columns.enumerated() where i != idColumn && !row.fields[i].isEmpty {
                switch c.special {
                case ":LABEL":
                    if hasKind { continue }
                    let labels = row.fields[i].split(separator: ";").map(String.init).filter { $0 != "Entity" }
                    if let l = labels.first { values.add(.kind(2), "labels", .string(l)) }
                case ":IGNORE": continue
                default:
                    if own, let name = ownName(t, i, fixed: ownEntityHeader) {
                        values.add(.attribute, name, c.value(row.fields[i]))
                    } else {
                        values.add(c.name == "name" ? .name(0) : .foreign(c.name), c.name, c.value(row.fields[i]))
                    }
                }
            }
            fragment.entities.append(values.entity(id: id, location: at))
        }
    }

    private static func readEdges(_ t: CSVTable, into list: inout EdgeListBuilder, diagnostics: inout [Diagnostic]) {
        guard let s = t.columns.firstIndex(where: { $0.special == ":START_ID" }),
              let e = t.columns.firstIndex(where: { $0.special == ":END_ID" }) else { return }
        let hasRelation = t.columns.contains { $0.name == "relation" }
        let idColumn = t.columns.firstIndex { $0.name == "id" && $0.special == nil }
        let own = t.header.starts(with: ownRelationHeader)
        for (position, row) in t.rows.enumerated() {
            let source = row.fields[s], target = row.fields[e]
            guard !source.isEmpty, !target.isEmpty else {
                diagnostics.append(Diagnostic(.error, "relationship row without a start or end id", at: row.location))
                continue
            }
            var values = RelationValues()
            for (i, c) in t.columns.enumerated() where i != s && i != e && i != idColumn && !row.fields[i].isEmpty {
                switch c.special {
                case ":TYPE": if !hasRelation { values.add(.type(1), "type", .string(row.fields[i])) }
                case ":IGNORE": continue
                default:
                    if own, let name = ownName(t, i, fixed: ownRelationHeader) {
                        values.add(.attribute, name, c.value(row.fields[i]))
                    } else if own && derivedRelationColumns.contains(c.name) {
                        continue  // derived from date and sources
                    } else if own && c.name == "label" {
                        values.add(.typeLabel, c.name, .string(row.fields[i]))
                    } else {
                        values.add(.foreign(c.name), c.name, c.value(row.fields[i]))
                    }
                }
            }
            let id = idColumn.map { row.fields[$0] } ?? ""
            list.add(values.relation(id: id, source: source, target: target, location: row.location),
                     position: position, named: !id.isEmpty)
        }
    }
}

/// A parsed CSV file with a Neo4j header.
struct CSVTable {
    struct Column {
        var name: String
        var type: String
        var array: Bool
        /// `:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `:IGNORE`, or nil.
        var special: String?

        func value(_ text: String) -> AttributeValue {
            if array {
                return .list(text.split(separator: ";", omittingEmptySubsequences: false).map { scalar(String($0)) })
            }
            return scalar(text)
        }

        func scalar(_ text: String) -> AttributeValue {
            switch type {
            case "int", "long", "short", "byte": return Int(text).map(AttributeValue.int) ?? .string(text)
            case "float", "double": return Double(text).flatMap { $0.isFinite ? AttributeValue.double($0) : nil } ?? .string(text)
            case "boolean": return text.lowercased() == "true" ? .bool(true) : text.lowercased() == "false" ? .bool(false) : .string(text)
            default: return .string(text)
            }
        }
    }

    struct Row {
        var fields: [String]
        var location: FileLocation
    }

    var columns: [Column] = []
    /// The header cells as written.
    var header: [String] = []
    var rows: [Row] = []
    var isNodes: Bool { columns.contains { $0.special == ":ID" } }
    var isRelationships: Bool { columns.contains { $0.special == ":START_ID" } && columns.contains { $0.special == ":END_ID" } }

    /// Reads and splits a CSV file; nil (with a located error) when it cannot.
    static func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> CSVTable? {
        let data: Data
        do { data = try source.readAll() } catch {
            diagnostics.append(Diagnostic(.error, error.message, at: FileLocation(file: file, line: 1, column: 1)))
            return nil
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let utf16 = InputFile.utf16Problem(data) {
            diagnostics.append(Diagnostic(.error, utf16, at: FileLocation(file: file, line: 1, column: 1)))
            return nil
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            diagnostics.append(Diagnostic(.error, "the file is not valid UTF-8", at: FileLocation(file: file, line: 1, column: 1)))
            return nil
        }
        var records: [([String], Int, Int)] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0, line = 1, col = 1
        var recordLine = 1
        var quoted = false
        var quoteLine = 0, quoteCol = 0
        var atFieldStart = true
        var fieldLine = 1, fieldCol = 1
        // A field over the limit is refused as it is read, before it is held whole.
        func tooLong(at place: FileLocation) -> CSVTable? {
            diagnostics.append(Diagnostic(.error, "a field over the limit of \(Limits.valueBytes) bytes (16 MiB) for one value",
                                          at: place))
            return nil
        }
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); atFieldStart = true }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 2; col += 2; continue }
                    quoted = false
                    i += 1; col += 1
                    continue
                }
                if b == 0x0A { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
                field.append(b)
                i += 1
                if field.count > Limits.valueBytes { return tooLong(at: FileLocation(file: file, line: quoteLine, column: quoteCol)) }
                continue
            }
            switch b {
            case UInt8(ascii: "\"") where atFieldStart:
                quoted = true
                quoteLine = line; quoteCol = col
                atFieldStart = false
                i += 1; col += 1
            case UInt8(ascii: ","):
                endField()
                i += 1; col += 1
            case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                i += 1
            case 0x0A:
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { records.append((fields, recordLine, 1)) }
                fields.removeAll(keepingCapacity: true)
                i += 1; line += 1; col = 1
                recordLine = line
            default:
                if b == UInt8(ascii: "\"") {
                    diagnostics.append(Diagnostic(.error, "a quote inside an unquoted field (quote the whole field and double the quote)",
                                                  at: FileLocation(file: file, line: line, column: col)))
                    return nil
                }
                if atFieldStart { fieldLine = line; fieldCol = col }
                field.append(b)
                atFieldStart = false
                i += 1
                if b & 0xC0 != 0x80 { col += 1 }
                if field.count > Limits.valueBytes { return tooLong(at: FileLocation(file: file, line: fieldLine, column: fieldCol)) }
            }
        }
        if quoted {
            diagnostics.append(Diagnostic(.error, "unterminated quoted field (the file ends inside it)",
                                          at: FileLocation(file: file, line: quoteLine, column: quoteCol)))
            return nil
        }
        if !field.isEmpty || !fields.isEmpty { endField(); records.append((fields, recordLine, 1)) }
        guard let header = records.first else {
            diagnostics.append(Diagnostic(.error, "empty CSV file", at: FileLocation(file: file, line: 1, column: 1)))
            return nil
        }
        var t = CSVTable()
        t.header = header.0
        for h in header.0 {
            let cell = h.trimmingCharacters(in: .whitespaces)
            var name = cell, type = "string"
            if let colon = cell.lastIndex(of: ":") {
                name = String(cell[..<colon])
                type = String(cell[cell.index(after: colon)...])
            }
            var special: String?
            let upper = type.uppercased()
            for s in ["ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"] where upper == s || upper.hasPrefix(s + "(") {
                special = ":" + s
            }
            let array = type.hasSuffix("[]")
            if array { type.removeLast(2) }
            if name.isEmpty && special == ":ID" { name = "id" }
            t.columns.append(Column(name: name, type: type.lowercased(), array: array, special: special))
        }
        for (fields, line, _) in records.dropFirst() {
            guard fields.count == t.columns.count else {
                diagnostics.append(Diagnostic(.error, "\(fields.count) field(s) where the header has \(t.columns.count)",
                                              at: FileLocation(file: file, line: line, column: 1)))
                continue
            }
            t.rows.append(Row(fields: fields, location: FileLocation(file: file, line: line, column: 1)))
        }
        return t
    }
}
