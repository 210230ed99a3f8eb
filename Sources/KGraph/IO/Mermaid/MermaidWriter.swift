/// Writes a graph as a Mermaid flowchart for Markdown (GitHub, GitLab, Obsidian render
/// fenced `mermaid` code blocks).
///
/// Entities are nodes `n0`, `n1`... (plain ids, so no name can clash with Mermaid's syntax or its
/// keywords such as `end`), drawn with a shape for their kind and a class per kind (`k_militia`)
/// filled with the vocabulary's colour; relations are edges `-->` (`-.->` for dashed types,
/// `==>` for bold ones) labelled with the type's reading and the date. The title goes into the
/// front matter.
///
/// Escaping, by Mermaid's rules: every label is quoted (`["..."]`, `|"..."|`) and inside it `"`
/// becomes `#quot;`, `#` `#35;`, `&` `#amp;`, `<` `#lt;`, `>` `#gt;`, `|` `#124;`, a backquote
/// `#96;` and `\` `#92;`, so no text is read as markup, an entity code, Markdown or a `\n` line
/// break; line ends become `<br/>`. The title, in YAML front matter, is YAML-escaped instead.
///
/// Not supported: attributes, citations and notes (a flowchart has only labels); Mermaid renderers
/// refuse very large charts (over 500 edges by default): select a part with the selection options.
public enum MermaidWriter {
    /// The Mermaid text for `g`.
    public static func mermaid(_ g: Graph) -> String {
        var out = ""
        if let t = g.title { out += "---\ntitle: \"" + yamlEscape(t) + "\"\n---\n" }
        out += "flowchart LR\n"
        var ids: [String: String] = [:]
        for (i, e) in g.entities.enumerated() {
            let id = "n\(i)"
            ids[e.id] = id
            let kind = g.vocabulary.kind(e.kind) ?? EntityKind(id: e.kind)
            let (open, close) = shape(kind)
            out += "  \(id)\(open)\"\(escape(e.name))\"\(close):::\(className(e.kind))\n"
        }
        for r in g.relations {
            let type = g.vocabulary.type(r.type) ?? RelationType(id: r.type)
            var label = type.label
            if let t = r.time { label += " " + t.description }
            let arrow = type.style == "dashed" || type.style == "dotted" ? "-.->" : type.style == "bold" ? "==>" : "-->"
            out += "  \(ids[r.source]!) \(arrow)|\"\(escape(label))\"| \(ids[r.target]!)\n"
        }
        var seen = Set<String>()
        for e in g.entities where seen.insert(e.kind).inserted {
            let kind = g.vocabulary.kind(e.kind) ?? EntityKind(id: e.kind)
            out += "  classDef \(className(e.kind)) fill:\(color(kind.fill)),stroke:#333333,color:#000000\n"
        }
        return out
    }

    /// Text for inside a quoted Mermaid label.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "|": out += "#124;"
            case "`": out += "#96;"
            // Mermaid reads the two characters `\n` in a label as a line break.
            case "\\": out += "#92;"
            case "\r": break
            case "\n": out += "<br/>"
            default:
                if ch.value < 0x20 { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// A class name for a kind: letters, digits and `_` only.
    static func className(_ kind: String) -> String {
        "k_" + String(String.UnicodeScalarView(kind.unicodeScalars.map { $0.value < 128 && ($0.properties.isAlphabetic || $0.properties.numericType != nil) ? $0 : "_" }))
    }

    /// A colour Mermaid's style syntax accepts (`#rrggbb`), else grey.
    static func color(_ c: String) -> String {
        let hex = c.hasPrefix("#") ? c.dropFirst() : ""
        return (hex.count == 6 || hex.count == 3) && hex.allSatisfy(\.isHexDigit) ? "#" + hex : "#eeeeee"
    }

    static func shape(_ k: EntityKind) -> (String, String) {
        if k.style.contains("rounded") { return ("(", ")") }
        switch k.shape {
        case "ellipse", "oval": return ("([", "])")
        case "circle": return ("((", "))")
        case "hexagon", "octagon": return ("{{", "}}")
        case "house", "trapezium": return ("[/", "\\]")
        case "note", "tab", "component", "folder": return ("[[", "]]")
        case "cylinder": return ("[(", ")]")
        case "diamond": return ("{", "}")
        default: return ("[", "]")
        }
    }

    /// A YAML double-quoted string's inside: the front matter is YAML, where Mermaid's entity
    /// codes are not decoded (`#quot;` would show as written).
    private static func yamlEscape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\r": break
            case "\n", "\t": out += " "
            default: if ch.value < 0x20 { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}
