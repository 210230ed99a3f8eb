import Foundation
import Yams

/// Reads the native YAML graph format (documented in Graphs/README.md) into a `GraphFragment`,
/// reporting every syntax, field and value problem with its file:line:column.
///
/// Not supported: YAML anchors and aliases (`&a`, `*a`), which make hand-edited graphs hard to
/// read and let a few hundred bytes stand for billions of nodes (refused before any tree is
/// built, by `YAMLAnchorCheck`); more than one YAML document per file.
public enum GraphFileParser {
    /// Parses one file's text. Problems are appended to `diagnostics`; what could be read is returned.
    public static func parse(yaml: String, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        var p = Reader(file: file)
        var fragment = GraphFragment(file: file, strictVocabulary: true)
        defer { diagnostics += p.diagnostics }
        guard let root = p.compose(yaml) else {
            if p.diagnostics.isEmpty {
                p.diagnostics.append(Diagnostic(.warning, "the file is empty: it has no graph, vocabulary, documents, entities or relations",
                                                at: FileLocation(file: file, line: 1, column: 1)))
            }
            return fragment
        }
        guard let top = p.fields(root, what: "graph file",
                                 allowed: ["graph", "vocabulary", "documents", "entities", "relations"]) else {
            return fragment
        }
        if let g = top["graph"], let f = p.fields(g, what: "graph", allowed: ["title", "description"]) {
            fragment.title = f["title"].flatMap { p.string($0, "title") }
            fragment.description = f["description"].flatMap { p.string($0, "description") }
        }
        if let v = top["vocabulary"] {
            p.vocabulary(v, into: &fragment)
        }
        for node in p.list(top["documents"], "documents") {
            if let d = p.document(node) { fragment.documents.append(d) }
        }
        for node in p.list(top["entities"], "entities") {
            if let (e, places) = p.entity(node) {
                fragment.entities.append(e)
                fragment.entityPlaces.append(places)
            }
        }
        for node in p.list(top["relations"], "relations") {
            if let (r, places) = p.relation(node) {
                fragment.relations.append(r)
                fragment.relationPlaces.append(places)
            }
        }
        return fragment
    }

    /// Parses a vocabulary on its own (the `kinds:` / `types:` mapping).
    public static func parseVocabulary(yaml: String, file: String, diagnostics: inout [Diagnostic]) -> Vocabulary {
        parseVocabulary(yaml: yaml, file: file, diagnostics: &diagnostics, resolver: .default)
    }

    /// `parseVocabulary` with the YAML tags resolved by `resolver`.
    static func parseVocabulary(yaml: String, file: String, diagnostics: inout [Diagnostic],
                                resolver: Resolver) -> Vocabulary {
        var p = Reader(file: file)
        var fragment = GraphFragment(file: file, strictVocabulary: true)
        if let root = p.compose(yaml, resolver: resolver) { p.vocabulary(root, into: &fragment) }
        diagnostics += p.diagnostics
        return fragment.vocabulary
    }
}

/// The field-by-field reader behind `GraphFileParser`.
private struct Reader {
    let file: String
    var diagnostics: [Diagnostic] = []

    /// The keys of the fields whose places are kept (`DescribedRecord.placedFields`, `listFields`).
    let entityPlaced = Self.placed(Entity.self), relationPlaced = Self.placed(Relation.self)

    init(file: String) { self.file = file }

    static func placed<R: DescribedRecord>(_: R.Type) -> (fields: [String], lists: [String]) {
        (R.placedFields.map { R.fields[$0].key }, R.listFields.map { R.fields[$0].key })
    }

    func place(_ node: Node) -> FileLocation {
        FileLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func error(_ message: String, _ node: Node) {
        diagnostics.append(Diagnostic(.error, message, at: place(node)))
    }

    mutating func compose(_ yaml: String, resolver: Resolver = .default) -> Node? {
        // Refused before the tree is built: the builder expands aliases (see YAMLAnchorCheck).
        if let found = YAMLAnchorCheck.firstAnchorOrAlias(in: yaml) {
            diagnostics.append(Diagnostic(.error, found.message, at: FileLocation(file: file, line: found.line, column: found.column)))
            return nil
        }
        do {
            guard let root = try Yams.compose(yaml: yaml, resolver) else { return nil }
            return root
        } catch let e as YamlError {
            diagnostics.append(Self.diagnostic(for: e, file: file))
        } catch {
            diagnostics.append(Diagnostic(.error, "cannot read YAML: \(error)", at: FileLocation(file: file, line: 1, column: 1)))
        }
        return nil
    }

    static func diagnostic(for e: YamlError, file: String) -> Diagnostic {
        func at(_ m: Mark) -> FileLocation { FileLocation(file: file, line: m.line, column: m.column) }
        switch e {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let ctx = context.map { " " + $0.text } ?? ""
            return Diagnostic(.error, "YAML syntax: \(problem)\(ctx)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping",
                              at: at(context.mark))
        case let .reader(problem, offset, _, _):
            return Diagnostic(.error, "cannot read file: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
                              at: FileLocation(file: file, line: 1, column: 1))
        default:
            return Diagnostic(.error, "cannot read YAML: \(e)", at: FileLocation(file: file, line: 1, column: 1))
        }
    }

    // MARK: Shapes

    /// The mapping's fields by key; unknown keys and missing required keys are reported.
    mutating func fields(_ node: Node, what: String, allowed: [String], required: [String] = []) -> [String: Node]? {
        guard case .mapping(let m) = node else {
            error("expected a mapping for \(what), found \(describe(node))", node)
            return nil
        }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard case .scalar(let s) = k else { error("a key in \(what) must be a plain word", k); continue }
            if allowed.contains(s.string) {
                out[s.string] = v
            } else {
                error("unknown field '\(s.string)' in \(what)" + didYouMean(s.string, among: allowed), k)
            }
        }
        for r in required where out[r] == nil || out[r]?.isNullScalar == true {
            error("\(what) is missing required field '\(r)'", node)
        }
        return out
    }

    mutating func list(_ node: Node?, _ what: String) -> [Node] {
        guard let node, !node.isNullScalar else { return [] }
        guard case .sequence(let s) = node else {
            error("expected a list for '\(what)', found \(describe(node))", node)
            return []
        }
        return Array(s)
    }

    mutating func string(_ node: Node, _ field: String) -> String? {
        switch node {
        case .scalar(let s):
            if node.isNullScalar { return nil }
            return s.string
        case .alias:
            error("YAML aliases are not supported in '\(field)'", node)
            return nil
        default:
            error("'\(field)' must be text, found \(describe(node))", node)
            return nil
        }
    }

    mutating func stringList(_ node: Node?, _ field: String) -> [(String, FileLocation)] {
        guard let node, !node.isNullScalar else { return [] }
        if case .scalar = node, let s = string(node, field) { return [(s, place(node))] }
        guard case .sequence(let seq) = node else {
            error("'\(field)' must be a list of text, found \(describe(node))", node)
            return []
        }
        return seq.compactMap { n in string(n, field).map { ($0, place(n)) } }
    }

    mutating func stringMap(_ node: Node?, _ field: String) -> [String: String] {
        guard let node, !node.isNullScalar else { return [:] }
        guard case .mapping(let m) = node else {
            error("'\(field)' must be a mapping of text, found \(describe(node))", node)
            return [:]
        }
        var out: [String: String] = [:]
        for (k, v) in m { if let ks = string(k, field), let vs = string(v, field) { out[ks] = vs } }
        return out
    }

    mutating func id(_ node: Node?, _ what: String) -> String? {
        guard let node, let s = string(node, "id") else { return nil }
        guard Reader.isSlug(s) else {
            error("\(what) id '\(s)' must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit", node)
            return nil
        }
        return s
    }

    static func isSlug(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, isSlugStart(first) else { return false }
        return s.unicodeScalars.allSatisfy { isSlugStart($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    private static func isSlugStart(_ u: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(u) || ("0"..."9").contains(u)
    }

    mutating func date(_ node: Node?, _ field: String) -> PartialDate? {
        guard let node, let s = string(node, field) else { return nil }
        guard let d = PartialDate(s) else {
            error(TimeSpanError.badDate(s).description, node)
            return nil
        }
        return d
    }

    mutating func url(_ node: Node?) -> String? {
        guard let node, let s = string(node, "url") else { return nil }
        let lower = s.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            error("url '\(s)' must start with http:// or https://", node)
            return nil
        }
        return s
    }

    mutating func attributes(_ node: Node?) -> [String: AttributeValue] {
        guard let node, !node.isNullScalar else { return [:] }
        guard case .map(let m) = attributeValue(node, "attributes", depth: -1) else {
            error("'attributes' must be a mapping, found \(describe(node))", node)
            return [:]
        }
        return m
    }

    mutating func attributeValue(_ node: Node, _ field: String, depth: Int = 0) -> AttributeValue? {
        if depth > Limits.attributeNesting {
            error("'\(field)' nests lists and mappings more than \(Limits.attributeNesting) levels deep (the limit)", node)
            return nil
        }
        switch node {
        case .scalar(let s):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return nil
            case Tag.Name.int.rawValue: return node.int.map(AttributeValue.int) ?? .string(s.string)
            case Tag.Name.float.rawValue: return node.float.map(AttributeValue.double) ?? .string(s.string)
            case Tag.Name.bool.rawValue: return node.bool.map(AttributeValue.bool) ?? .string(s.string)
            default: return .string(s.string)
            }
        case .sequence(let seq):
            return .list(seq.compactMap { attributeValue($0, field, depth: depth + 1) })
        case .mapping(let m):
            var out: [String: AttributeValue] = [:]
            for (k, v) in m {
                guard let key = string(k, field) else { continue }
                if let value = attributeValue(v, key, depth: depth + 1) { out[key] = value }
            }
            return .map(out)
        case .alias:
            error("YAML aliases are not supported in '\(field)'", node)
            return nil
        }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return node.isNullScalar ? "nothing" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: Sections

    mutating func document(_ node: Node) -> Document? {
        guard var d = record(node, Document.fields, start: Document.empty, what: "document")?.record else { return nil }
        d.location = place(node)
        return d
    }

    mutating func entity(_ node: Node) -> (Entity, GraphFragment.EntityPlaces)? {
        guard let read = record(node, Entity.fields, start: Entity.empty, what: "entity") else { return nil }
        var e = read.record
        e.location = place(node)
        return (e, places(of: read, placed: entityPlaced))
    }

    mutating func relation(_ node: Node) -> (Relation, GraphFragment.RelationPlaces)? {
        guard let read = record(node, Relation.fields, start: Relation.empty, what: "relation") else { return nil }
        var r = read.record
        r.location = place(node)
        return (r, places(of: read, placed: relationPlaced))
    }

    /// Where the values of a record's placed fields and the items of its lists sit.
    func places<R: DescribedRecord>(of read: Read<R>, placed: (fields: [String], lists: [String])) -> GraphFragment.Places<R> {
        var p = GraphFragment.Places<R>()
        p.fields = placed.fields.map { read.nodes[$0].map(place) }
        if placed.lists.contains(where: { read.items[$0] != nil }) { p.items = placed.lists.map { read.items[$0] ?? [] } }
        p.citations = read.citations
        return p
    }

    /// A record read from YAML, with where its values sit.
    struct Read<R> {
        var record: R
        /// Each field's value, by key.
        var nodes: [String: Node]
        /// Where each item of a list field sits, by key.
        var items: [String: [FileLocation?]] = [:]
        /// Per citation (of a citations field), where each of its fields sits, in `Citation.fields` order.
        var citations: [[FileLocation?]] = []
    }

    /// A record read field by field from its table, each value checked as its `FieldValue` says;
    /// nil at the first required field that is missing or invalid (what follows is not read).
    mutating func record<R>(_ node: Node, _ table: [Field<R>], start: R, what: String) -> Read<R>? {
        guard let f = fields(node, what: what, allowed: table.map(\.key), required: table.filter(\.required).map(\.key))
        else { return nil }
        var read = Read(record: start, nodes: f)
        for field in table {
            guard let n = f[field.key], let data = value(n, field, what: what, into: &read), field.set(&read.record, data) else {
                if field.required { return nil }
                continue
            }
        }
        return read
    }

    /// A field's value, checked as its kind wants; nil (with an error) when it is not valid or
    /// empty (`~`).
    mutating func value<R>(_ node: Node, _ field: Field<R>, what: String, into read: inout Read<R>) -> FieldData? {
        switch field.value {
        case .id: return id(node, what).map(FieldData.text)
        case .url: return url(node).map(FieldData.text)
        case .date: return date(node, field.key).map { .text($0.description) }
        case .timeSpan:
            guard let s = string(node, field.key) else { return nil }
            switch TimeSpan.parse(s) {
            case .success(let t): return .text(t.description)
            case .failure(let e): error(e.description, node); return nil
            }
        case .choice(let words, _):
            guard let s = string(node, field.key) else { return nil }
            guard words.contains(s) else {
                error("'\(s)' is not a valid \(field.key); expected one of \(words.joined(separator: ", "))" + didYouMean(s, among: words), node)
                return nil
            }
            return .text(s)
        case .prose:
            guard let s = string(node, field.key) else { return nil }
            if field.required && s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                error("the \(field.key) is empty: " + (what == "source" ? "copy the words that support the relation" : "write it"), node)
                return nil
            }
            return .text(s)
        case .text, .documentID, .entityID: return string(node, field.key).map(FieldData.text)
        case .list:
            guard !node.isNullScalar else { return nil }
            let items = stringList(node, field.key)
            read.items[field.key] = items.map(\.1)
            return .list(items.map(\.0))
        case .map:
            guard !node.isNullScalar else { return nil }
            return .map(stringMap(node, field.key))
        case .attributes:
            guard !node.isNullScalar else { return nil }
            return .attributes(attributes(node))
        case .citations:
            var citations: [Citation] = []
            for c in list(node, field.key) {
                guard let cited = record(c, Citation.fields, start: Citation.empty, what: "source") else { continue }
                // The quote's place stays with the citation: `kgraph check` reports a quote it cannot find there.
                var citation = cited.record
                citation.location = cited.nodes["quote"].map(place)
                citations.append(citation)
                read.citations.append(Citation.fields.map { cited.nodes[$0.key].map(place) })
            }
            return .citations(citations)
        }
    }

    mutating func vocabulary(_ node: Node, into fragment: inout GraphFragment) {
        guard let f = fields(node, what: "vocabulary", allowed: ["kinds", "types"]) else { return }
        for k in list(f["kinds"], "kinds") {
            guard let kf = fields(k, what: "kind", allowed: ["id", "label", "shape", "style", "fill", "codes"],
                                  required: ["id"]),
                  let id = id(kf["id"], "kind") else { continue }
            var kind = EntityKind(id: id, label: kf["label"].flatMap { string($0, "label") })
            if let s = kf["shape"].flatMap({ string($0, "shape") }) { kind.shape = s }
            if let s = kf["style"].flatMap({ string($0, "style") }) { kind.style = s }
            if let s = kf["fill"].flatMap({ string($0, "fill") }) { kind.fill = s }
            kind.codes = stringMap(kf["codes"], "codes")
            fragment.vocabulary.define(kind)
            fragment.vocabularyPlaces["kind:" + id] = place(k)
        }
        for t in list(f["types"], "types") {
            guard let tf = fields(t, what: "relation type",
                                  allowed: ["id", "label", "inverse", "domain", "range", "symmetric", "color",
                                            "style", "codes"],
                                  required: ["id"]),
                  let id = id(tf["id"], "relation type") else { continue }
            var type = RelationType(id: id, label: tf["label"].flatMap { string($0, "label") },
                                    inverse: tf["inverse"].flatMap { string($0, "inverse") })
            type.domain = stringList(tf["domain"], "domain").map(\.0)
            type.range = stringList(tf["range"], "range").map(\.0)
            if let s = tf["symmetric"] {
                if let b = s.bool { type.symmetric = b } else { error("'symmetric' must be true or false", s) }
            }
            if let s = tf["color"].flatMap({ string($0, "color") }) { type.color = s }
            if let sn = tf["style"], let s = string(sn, "style") {
                let styles = ["solid", "dashed", "dotted", "bold"]
                if styles.contains(s) { type.style = s } else {
                    error("'\(s)' is not a line style; expected one of \(styles.joined(separator: ", "))", sn)
                }
            }
            type.codes = stringMap(tf["codes"], "codes")
            fragment.vocabulary.define(type)
            fragment.vocabularyPlaces["type:" + id] = place(t)
        }
    }
}

extension Node {
    /// True for an empty value or `~` / `null`.
    var isNullScalar: Bool {
        if case .scalar(let s) = self { return s.style == .plain && tag.rawValue == Tag.Name.null.rawValue }
        return false
    }
}
