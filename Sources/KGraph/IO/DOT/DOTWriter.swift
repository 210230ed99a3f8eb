/// Writes a graph as Graphviz DOT text, styled from the vocabulary.
///
/// Every string goes out as a quoted DOT string with `"` and `\` escaped, so names and quotes are
/// literal text in the picture (Graphviz would otherwise read `\N`, `\n` and `\l` as codes).
public enum DOTWriter {
    /// The DOT text for the whole graph.
    public static func dot(_ g: Graph, title: String? = nil) -> String {
        var out = "digraph kgraph {\n"
        out += "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, overlap=false, splines=true"
        if let t = title ?? g.title { out += ", label=\(quote(t)), labelloc=t, fontsize=16" }
        out += "];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for e in g.entities {
            let k = g.vocabulary.kind(e.kind) ?? EntityKind(id: e.kind)
            out += "  \(quote(e.id)) [label=\(quote(e.name)), shape=\(quote(k.shape)), style=\(quote(k.style)), "
            out += "fillcolor=\(quote(k.fill)), tooltip=\(quote(e.name + " (" + k.label + ")"))];\n"
        }
        for r in g.relations {
            let t = g.vocabulary.type(r.type) ?? RelationType(id: r.type)
            var label = t.label
            if let time = r.time { label += "\n" + time.description }
            out += "  \(quote(r.source)) -> \(quote(r.target)) [id=\(quote(r.id)), label=\(quote(label)), "
            out += "color=\(quote(t.color)), fontcolor=\(quote(t.color)), style=\(quote(t.style))];\n"
        }
        return out + "}\n"
    }

    /// `s` as a DOT quoted string; backslashes are doubled so Graphviz prints them literally.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
