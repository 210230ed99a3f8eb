/// Writes a graph in kgraph's native YAML format (`Graphs/README.md`): block layout, one field per
/// line and a blank line between entries, so a person can read it, edit it and add comments.
/// `GraphFileParser` reads the text back into the same graph.
///
/// Strings are written plain when YAML would read them back as the same string, and double-quoted
/// (with `\"`, `\\`, `\n`, `\t`, `\uXXXX` escapes) otherwise; numbers, booleans, lists and maps in
/// free attributes keep their types.
///
/// Not supported: comments from an earlier version of the file (the writer makes a new file);
/// ids that are not slugs (`GraphImport` makes them slugs first); YAML anchors.
public enum GraphYAMLWriter {
    /// The YAML text for `g`, with `header` lines as comments on top and the vocabulary entries
    /// `kinds` and `types` in a `vocabulary:` section.
    public static func yaml(_ g: Graph, header: [String] = [], kinds: [EntityKind] = [], types: [RelationType] = []) -> String {
        yaml(title: g.title, description: g.description, documents: g.documents, entities: g.entities, relations: g.relations,
             header: header, kinds: kinds, types: types)
    }

    /// The YAML text for these records, which need not make a graph of their own: relations may
    /// name entities and documents of the other files of a folder (`kgraph import --into`).
    public static func yaml(title: String? = nil, description: String? = nil, documents: [Document], entities: [Entity],
                            relations: [Relation], header: [String] = [], kinds: [EntityKind] = [],
                            types: [RelationType] = []) -> String {
        var out = ""
        for line in header { out += line.isEmpty ? "#\n" : "# " + line + "\n" }
        if !header.isEmpty { out += "\n" }
        if title != nil || description != nil {
            out += "graph:\n"
            if let t = title { out += "  title: " + scalar(t) + "\n" }
            if let d = description { out += "  description: " + text(d, indent: "    ") + "\n" }
            out += "\n"
        }
        if !kinds.isEmpty || !types.isEmpty {
            out += "vocabulary:\n"
            if !kinds.isEmpty {
                out += "  kinds:\n"
                for k in kinds {
                    out += "    - id: " + scalar(k.id) + "\n      label: " + scalar(k.label) + "\n"
                    out += "      shape: " + scalar(k.shape) + "\n      style: " + scalar(k.style) + "\n      fill: " + scalar(k.fill) + "\n"
                    if !k.codes.isEmpty { out += "      codes: " + flowMap(k.codes) + "\n" }
                }
            }
            if !types.isEmpty {
                out += "  types:\n"
                for t in types {
                    out += "    - id: " + scalar(t.id) + "\n      label: " + scalar(t.label) + "\n      inverse: " + scalar(t.inverse) + "\n"
                    out += "      domain: " + flowList(t.domain) + "\n      range: " + flowList(t.range) + "\n"
                    if t.symmetric { out += "      symmetric: true\n" }
                    out += "      color: " + scalar(t.color) + "\n      style: " + scalar(t.style) + "\n"
                    if !t.codes.isEmpty { out += "      codes: " + flowMap(t.codes) + "\n" }
                }
            }
            out += "\n"
        }
        if !documents.isEmpty {
            out += "documents:\n"
            for (i, d) in documents.enumerated() {
                if i > 0 { out += "\n" }
                out += record(d, Document.fields, indent: "  ")
            }
            out += "\n"
        }
        if !entities.isEmpty {
            out += "entities:\n"
            for (i, e) in entities.enumerated() {
                if i > 0 { out += "\n" }
                out += record(e, Entity.fields, indent: "  ")
            }
            out += "\n"
        }
        if !relations.isEmpty {
            out += "relations:\n"
            for (i, r) in relations.enumerated() {
                if i > 0 { out += "\n" }
                out += record(r, Relation.fields, indent: "  ")
            }
        }
        return out
    }

    /// A record's fields as a list item, one per line (`indent` is the dash's), in table order.
    static func record<R>(_ r: R, _ table: [Field<R>], indent: String) -> String {
        var out = ""
        let inner = indent + "    "
        for field in table {
            guard let data = field.get(r) else { continue }
            if case .choice(_, let d) = field.value, data == .text(d) { continue }
            out += (out.isEmpty ? indent + "- " : indent + "  ") + field.key + ":"
            switch data {
            case .text(let v):
                switch field.value {
                case .prose: out += " " + text(v, indent: inner) + "\n"
                // Dates and words of a choice are written bare: YAML reads `2024-01` back as text.
                case .date, .timeSpan, .choice: out += " " + v + "\n"
                default: out += " " + scalar(v) + "\n"
                }
            case .list(let l): out += " " + flowList(l) + "\n"
            case .map(let m): out += " " + flowMap(m) + "\n"
            case .attributes(let a): out += "\n" + block(a, indent: inner)
            case .citations(let c): out += "\n" + c.map { record($0, Citation.fields, indent: inner) }.joined()
            }
        }
        return out
    }

    /// A map of attribute values as a block, one key per line.
    static func block(_ m: [String: AttributeValue], indent: String) -> String {
        var out = ""
        for k in m.keys.sorted() { out += indent + scalar(k) + ": " + value(m[k]!) + "\n" }
        return out
    }

    /// An attribute value in flow style, keeping its type.
    static func value(_ v: AttributeValue) -> String {
        switch v {
        case .string(let s): return scalar(s)
        case .int(let i): return String(i)
        case .double(let d):
            let s = String(d)
            return s.contains(".") || s.contains("e") ? s : s + ".0"
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(value).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.keys.sorted().map { scalar($0) + ": " + value(m[$0]!) }.joined(separator: ", ") + "}"
        }
    }

    static func flowList(_ items: [String]) -> String { "[" + items.map(scalar).joined(separator: ", ") + "]" }

    static func flowMap(_ m: [String: String]) -> String {
        "{" + m.keys.sorted().map { scalar($0) + ": " + scalar(m[$0]!) }.joined(separator: ", ") + "}"
    }

    /// Prose: short text as `scalar` does; long text double-quoted and wrapped at single spaces
    /// onto lines indented by `indent` (YAML folds each such line break back into one space).
    static func text(_ s: String, indent: String, width: Int = 96) -> String {
        guard s.count > width - indent.count - 12 else { return scalar(s) }
        let q = quoted(s)
        var lines: [String] = []
        var line = ""
        var previous: Character = " "
        var chars = Array(q)
        var i = 0
        var budget = width - indent.count - 12
        while i < chars.count {
            let ch = chars[i]
            // A lone space between two non-spaces (and not inside an escape) may become a break.
            if ch == " ", previous != " ", previous != "\\", i + 1 < chars.count, chars[i + 1] != " ",
               line.count >= budget {
                lines.append(line)
                line = ""
                budget = width - indent.count
                previous = ch
                i += 1
                continue
            }
            line.append(ch)
            previous = ch
            i += 1
        }
        lines.append(line)
        chars = []
        return lines.joined(separator: "\n" + indent)
    }

    /// A string as a YAML scalar that reads back as the same string.
    public static func scalar(_ s: String) -> String { isPlainSafe(s) ? s : quoted(s) }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0xFEFF
                    || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// True when `s` can stand unquoted: no indicator at the start, no `: ` or ` #`, no control
    /// characters, no surrounding space, and not a word YAML reads as null, a boolean or a number.
    static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" { return false }
        if s.contains(": ") || s.contains(" #") || s.contains("\t") { return false }
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
                                           || $0.value == 0xFEFF || $0.value == 0x2028 || $0.value == 0x2029 }) { return false }
        let lower = s.lowercased()
        let words: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf", "<<", "="]
        if words.contains(lower) { return false }
        // Anything that starts like a number or a date/time could be resolved as one.
        if let c = first.properties.numericType, c == .decimal { return false }
        if (first == "+" || first == ".") && s.unicodeScalars.dropFirst().first.map({ $0.properties.numericType != nil }) == true {
            return false
        }
        return true
    }
}
