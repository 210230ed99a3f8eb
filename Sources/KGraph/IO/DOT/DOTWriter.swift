/// Writes a graph as Graphviz DOT text, styled from the vocabulary: kind by shape and fill,
/// relation type by colour and line style, a legend of what is present, tooltips with the
/// evidence and links to the cited documents.
///
///     let dot = DOTWriter.dot(graph, options: DOTOptions(title: "Who backs whom", edgeLabels: false))
///
/// Every piece of data is escaped for the place it goes (see `DOTEscaping`), so names, quotes and
/// vocabulary labels are literal text in the picture and no link other than http(s) is written.
public enum DOTWriter {
    /// The DOT text for the whole graph with default options.
    public static func dot(_ g: Graph, title: String? = nil) -> String {
        dot(g, options: DOTOptions(title: title))
    }

    /// The DOT text for `g` drawn with `options`.
    /// - Complexity: O(entities + relations + the text of their evidence).
    public static func dot(_ g: Graph, options: DOTOptions) -> String {
        var w = Writer(g: g, options: options)
        return w.write()
    }

    /// The DOT node name of an entity (the SVG's `<title>` for it): its id, unless the id holds a
    /// backslash or a control character, which a DOT name cannot carry exactly; then `node:INDEX`.
    public static func nodeName(_ entity: Int32, in g: Graph) -> String {
        let id = g.entity(at: entity).id
        if !id.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || DOTEscaping.isForbiddenInXML($0) }) {
            return id
        }
        var name = "node:\(entity)"
        while g.index(ofEntity: name) != nil { name += "'" }
        return name
    }

    /// A colour from the vocabulary if it is a plausible Graphviz colour (`#rrggbb`, a name,
    /// `h,s,v`, a `a:b` gradient), else `fallback`; it also goes into HTML-like attributes.
    static func safeColor(_ c: String, fallback: String) -> String {
        let allowed = Set("#0123456789abcdefABCDEFghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ/ .,:;".unicodeScalars)
        let t = c.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && t.count <= 64 && t.unicodeScalars.allSatisfy(allowed.contains) ? t : fallback
    }

    /// Graphviz's node shapes that draw a plain outline. Others are refused: `record`/`Mrecord`
    /// give `{}`/`|` in labels a meaning, `epsf`/`custom` read files.
    static let shapes: Set<String> = [
        "box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle", "plaintext", "plain", "diamond",
        "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon", "doublecircle",
        "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium", "invhouse", "Mdiamond", "Msquare", "Mcircle",
        "rect", "rectangle", "square", "star", "none", "underline", "cylinder", "note", "tab", "folder", "box3d",
        "component", "promoter", "cds", "terminator", "utr", "primersite", "restrictionsite", "fivepoverhang",
        "threepoverhang", "noverhang", "assembly", "signature", "insulator", "ribosite", "rnastab", "proteasesite",
        "proteinstab", "rpromoter", "rarrow", "larrow", "lpromoter",
    ]

    /// A kind's shape if Graphviz draws it as an outline, else `box`.
    static func safeShape(_ shape: String) -> String {
        let t = shape.trimmingCharacters(in: .whitespaces)
        return shapes.contains(t) ? t : "box"
    }

    /// A kind's node style reduced to the parts that only change how the outline is drawn, plus `filled`.
    static func safeNodeStyle(_ style: String) -> String {
        let allowed = ["rounded", "dashed", "dotted", "bold", "solid", "diagonals"]
        let parts = style.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { allowed.contains($0) }
        return (parts + ["filled"]).joined(separator: ",")
    }

    /// `name` broken at spaces into lines of about `width` characters (a longer word stays whole).
    static func wrap(_ name: String, width: Int) -> [String] {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

/// Palette for dimmed parts and chrome.
private enum Palette {
    static let dimFill = "#f5f5f5"
    static let dimLine = "#d6d6d6"
    static let dimText = "#b3b3b3"
    static let kindText = "#555555"
    static let subtitle = "#555555"
    static let cluster = "#9e9e9e"
    static let defaultEdge = "#555555"
}

private struct Writer {
    let g: Graph
    let options: DOTOptions
    var out = ""

    init(g: Graph, options: DOTOptions) {
        self.g = g
        self.options = options
        out.reserveCapacity(256 + g.entityCount * 400 + g.relationCount * 600)
    }

    var engine: String { options.engine.lowercased() }

    mutating func write() -> String {
        let groups = DOTWriter.edgeGroups(g, collapse: options.collapseParallel)
        out += "digraph kgraph {\n"
        graphAttributes(groups)
        out += "  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.12,0.06\", penwidth=1.2, color=\"#555555\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7, penwidth=1.2];\n"
        nodes()
        for (n, group) in groups.enumerated() { edge(group, number: n) }
        out += "}\n"
        return out
    }

    // MARK: Graph

    mutating func graphAttributes(_ groups: [DOTEdgeGroup]) {
        var a = ["fontname=\"Helvetica\"", "bgcolor=\"white\"", "pad=0.3", "outputorder=edgesfirst"]
        switch engine {
        case "dot":
            a += ["rankdir=" + (options.leftToRight ? "LR" : "TB"), "nodesep=0.22", "ranksep=0.55"]
        case "neato":
            a += ["overlap=false", "splines=true", "sep=\"+12\"", "esep=\"+6\""]
        case "fdp":
            a += ["overlap=false", "splines=true", "sep=\"+12\"", "esep=\"+6\""]
        case "sfdp":
            a += ["overlap=prism", "splines=false", "sep=\"+6\""]
        case "circo", "twopi":
            a += ["overlap=false", "splines=true", "sep=\"+10\""]
            if engine == "twopi", let root = options.focus.sorted().first(where: { g.index(ofEntity: $0) != nil }) {
                a.append("root=" + DOTEscaping.quote(DOTWriter.nodeName(g.index(ofEntity: root)!, in: g)))
            }
        default:
            a += ["overlap=false"]
        }
        if engine != "dot" { a.append("layout=" + DOTEscaping.quote(engine)) }
        if let label = header(groups) {
            a += ["labelloc=t", "labeljust=l", "label=<" + label + ">"]
        }
        out += "  graph [" + a.joined(separator: ", ") + "];\n"
    }

    /// The title, subtitle and legend as one HTML-like table above the picture; it works with
    /// every engine, never overlaps the drawing and needs no extra nodes.
    ///
    /// Graphviz stretches a nested table to its cell and shares a wide row's extra width evenly
    /// among the columns below it; empty filler columns next to the legend take most of that
    /// share, so a long title does not pull the legend apart.
    func header(_ groups: [DOTEdgeGroup]) -> String? {
        let fillers = 20
        let span = " COLSPAN=\"\(fillers + 1)\""
        var rows: [String] = []
        let title = options.title ?? g.title ?? ""
        if !title.isEmpty {
            rows.append("<TR><TD ALIGN=\"LEFT\"" + span + ">" + font(title, "POINT-SIZE=\"18\"", bold: true) + "</TD></TR>")
        }
        if let sub = options.subtitle, !sub.isEmpty {
            rows.append("<TR><TD ALIGN=\"LEFT\"" + span + ">" + font(sub, "POINT-SIZE=\"11\" COLOR=\"" + Palette.subtitle + "\"")
                        + "</TD></TR>")
        }
        if options.legend, let legend = legend(groups) {
            rows.append("<TR><TD ALIGN=\"LEFT\">" + legend + "</TD>"
                        + String(repeating: "<TD CELLPADDING=\"0\"></TD>", count: fillers) + "</TR>")
        }
        if rows.isEmpty { return nil }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">" + rows.joined() + "</TABLE>"
    }

    /// Kinds and relation types present, in vocabulary order (unknown ones after, by first use),
    /// as one grid: a heading column, then items of two columns each (a kind's chip spans both;
    /// a relation type has a line sample and its name), so everything lines up.
    func legend(_ groups: [DOTEdgeGroup]) -> String? {
        var kindIDs: [String] = [], seenKinds = Set<String>()
        for e in g.entities where seenKinds.insert(e.kind).inserted { kindIDs.append(e.kind) }
        var typeIDs: [String] = [], seenTypes = Set<String>()
        for r in g.relations where seenTypes.insert(r.type).inserted { typeIDs.append(r.type) }
        let kindOrder = Dictionary(uniqueKeysWithValues: g.vocabulary.kinds.enumerated().map { ($1.id, $0) })
        let typeOrder = Dictionary(uniqueKeysWithValues: g.vocabulary.types.enumerated().map { ($1.id, $0) })
        kindIDs = kindIDs.enumerated().sorted { (kindOrder[$0.1] ?? Int.max, $0.0) < (kindOrder[$1.1] ?? Int.max, $1.0) }.map(\.1)
        typeIDs = typeIDs.enumerated().sorted { (typeOrder[$0.1] ?? Int.max, $0.0) < (typeOrder[$1.1] ?? Int.max, $1.0) }.map(\.1)
        if kindIDs.isEmpty && typeIDs.isEmpty { return nil }

        // At most 8 items a row, spread evenly over the rows each list needs.
        func balanced(_ n: Int) -> Int { n == 0 ? 0 : (n + (n + 7) / 8 - 1) / ((n + 7) / 8) }
        let columns = max(balanced(kindIDs.count), balanced(typeIDs.count))
        var rows: [String] = []
        for (n, chunk) in chunks(kindIDs, columns).enumerated() {
            var cells = legendHeading(n == 0 ? "Entities" : "")
            for id in chunk {
                let k = kind(id)
                let dashed = k.style.contains("dashed") ? " STYLE=\"dashed\"" : ""
                cells += "<TD COLSPAN=\"2\" BGCOLOR=\"" + DOTWriter.safeColor(k.fill, fallback: "#ffffff")
                    + "\" BORDER=\"1\" COLOR=\"#777777\"" + dashed + " CELLPADDING=\"3\">" + font(k.label, "POINT-SIZE=\"10\"") + "</TD>"
            }
            if chunk.count < columns { cells += "<TD COLSPAN=\"\(2 * (columns - chunk.count))\"></TD>" }
            rows.append("<TR>" + cells + "</TR>")
        }
        for (n, chunk) in chunks(typeIDs, columns).enumerated() {
            var cells = legendHeading(n == 0 ? "Relations" : "")
            for id in chunk {
                let t = type(id)
                let color = DOTWriter.safeColor(t.color, fallback: Palette.defaultEdge)
                // The type's colour (and weight); the pattern belongs to the evidence (rows below).
                let border = t.style.contains("bold") ? "3" : "2"
                cells += "<TD SIDES=\"B\" BORDER=\"" + border + "\" COLOR=\"" + color + "\""
                    + " WIDTH=\"28\" FIXEDSIZE=\"TRUE\" HEIGHT=\"9\"></TD>"
                cells += "<TD ALIGN=\"LEFT\">" + font(t.label, "POINT-SIZE=\"10\" COLOR=\"" + color + "\"") + "</TD>"
            }
            if chunk.count < columns { cells += "<TD COLSPAN=\"\(2 * (columns - chunk.count))\"></TD>" }
            rows.append("<TR>" + cells + "</TR>")
        }
        let evidence = StrengthStyle.legend(for: g.relations)
        for (n, chunk) in chunks(evidence, max(columns, 4)).enumerated() where columns > 0 {
            var cells = legendHeading(n == 0 ? "Evidence" : "")
            for item in chunk {
                // A sample line in black (grey for denied): colour is the relation type's.
                let color = item.greyed ? StrengthStyle.grey : faded("#333333", item.opacity)
                let pattern = item.pattern == .solid ? "" : " STYLE=\"" + item.pattern.rawValue + "\""
                let border = max(1, Int((3 * item.widthFactor).rounded()))
                cells += "<TD SIDES=\"B\" BORDER=\"\(border)\" COLOR=\"" + color + "\"" + pattern
                    + " WIDTH=\"28\" FIXEDSIZE=\"TRUE\" HEIGHT=\"9\"></TD>"
                cells += "<TD ALIGN=\"LEFT\">" + font((item.glyph.map { $0 + " " } ?? "") + item.text, "POINT-SIZE=\"10\"") + "</TD>"
            }
            let width = max(columns, 4)
            if chunk.count < width { cells += "<TD COLSPAN=\"\(2 * (width - chunk.count))\"></TD>" }
            rows.append("<TR>" + cells + "</TR>")
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">" + rows.joined() + "</TABLE>"
    }

    /// The first cell of a legend row.
    func legendHeading(_ text: String) -> String {
        "<TD ALIGN=\"LEFT\" WIDTH=\"62\">" + font(text, "POINT-SIZE=\"10\" COLOR=\"" + Palette.subtitle + "\"") + "</TD>"
    }

    /// Escaped text in a `<FONT>` (and `<B>`); nothing for empty text, which Graphviz refuses
    /// (a refused HTML-like label silently becomes the node or graph name).
    func font(_ text: String, _ attributes: String, bold: Bool = false) -> String {
        let t = DOTEscaping.htmlText(text)
        if t.isEmpty { return "" }
        return "<FONT " + attributes + ">" + (bold ? "<B>" + t + "</B>" : t) + "</FONT>"
    }

    func chunks<T>(_ items: [T], _ size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }

    func kind(_ id: String) -> EntityKind { g.vocabulary.kind(id) ?? EntityKind(id: id) }
    func type(_ id: String) -> RelationType { g.vocabulary.type(id) ?? RelationType(id: id) }

    // MARK: Nodes

    mutating func nodes() {
        guard let key = options.clusterBy else {
            for i in 0..<Int32(g.entityCount) { node(i, indent: "  ") }
            return
        }
        var clusterOf: [String: [Int32]] = [:], order: [String] = [], loose: [Int32] = []
        for i in 0..<Int32(g.entityCount) {
            let e = g.entity(at: i)
            let k: String?
            switch key {
            case .country:
                k = e.country ?? (e.kind == "state" ? e.id : nil)
            case .kind:
                k = e.kind
            }
            guard let k else { loose.append(i); continue }
            if clusterOf[k] == nil { order.append(k) }
            clusterOf[k, default: []].append(i)
        }
        for (n, k) in order.enumerated() {
            let label: String
            switch key {
            case .country: label = g.entity(id: k)?.name ?? options.clusterLabels[k] ?? k
            case .kind: label = kind(k).label
            }
            out += "  subgraph cluster_\(n) {\n"
            out += "    label=<" + font(label, "POINT-SIZE=\"12\" COLOR=\"#616161\"", bold: true) + ">;\n"
            out += "    style=\"rounded,dashed\"; color=\"\(Palette.cluster)\"; labeljust=l; margin=10;\n"
            for i in clusterOf[k]! { node(i, indent: "    ") }
            out += "  }\n"
        }
        for i in loose { node(i, indent: "  ") }
    }

    func isDimmed(entity e: Entity) -> Bool {
        guard let h = options.highlight else { return false }
        return !h.entities.contains(e.id)
    }

    mutating func node(_ i: Int32, indent: String) {
        let e = g.entity(at: i)
        let k = kind(e.kind)
        let dim = isDimmed(entity: e)
        let strong = options.focus.contains(e.id) || (options.highlight?.entities.contains(e.id) ?? false)
        // Long names get wider lines so they stay at about three (shapes such as house grow with height).
        let width = max(options.wrapWidth, (e.name.count + 2) / 3)
        let name = DOTWriter.wrap(e.name, width: width).map(DOTEscaping.htmlText).joined(separator: "<BR/>")
        let kindColor = dim ? Palette.dimText : Palette.kindText
        let label = name + "<BR/>" + font(k.label, "POINT-SIZE=\"8\" COLOR=\"" + kindColor + "\"")
        var a = ["label=<" + label + ">", "shape=" + DOTEscaping.quote(DOTWriter.safeShape(k.shape))]
        a.append("style=" + DOTEscaping.quote(DOTWriter.safeNodeStyle(k.style)))
        if dim {
            a += ["fillcolor=\"\(Palette.dimFill)\"", "color=\"\(Palette.dimLine)\"", "fontcolor=\"\(Palette.dimText)\""]
        } else {
            a.append("fillcolor=" + DOTEscaping.quote(DOTWriter.safeColor(k.fill, fallback: "#ffffff")))
        }
        if strong { a += ["penwidth=3", "color=\"#222222\""] }
        if options.elementIDs { a.append("id=\"kg-n\(i)\"") }
        if options.tooltips { a.append("tooltip=" + DOTEscaping.tooltip(nodeTooltip(i))) }
        if options.tooltips, let q = e.externalIDs["wikidata"], q.first == "Q", q.count > 1, q.dropFirst().allSatisfy(\.isASCII),
           q.dropFirst().allSatisfy(\.isNumber), let url = DOTEscaping.url("https://www.wikidata.org/wiki/" + q) {
            a += ["URL=" + url, "target=\"_blank\""]
        }
        out += indent + DOTEscaping.quote(DOTWriter.nodeName(i, in: g)) + " [" + a.joined(separator: ", ") + "];\n"
    }

    func nodeTooltip(_ i: Int32) -> String {
        let e = g.entity(at: i)
        var lines = [e.name + " (" + kind(e.kind).label + ")"]
        if !e.aliases.isEmpty { lines.append("also: " + e.aliases.joined(separator: "; ")) }
        if let c = e.country { lines.append("country: " + (g.entity(id: c)?.name ?? c)) }
        if let d = e.description, !d.isEmpty { lines.append(clip(d, 400)) }
        if let q = e.externalIDs["wikidata"] { lines.append("wikidata: " + q) }
        lines.append("id: " + e.id + " · \(g.degree(i)) relation" + (g.degree(i) == 1 ? "" : "s"))
        return lines.joined(separator: "\n")
    }

    // MARK: Edges

    func isDimmed(group: DOTEdgeGroup) -> Bool {
        guard let h = options.highlight else { return false }
        return !group.relations.contains { h.relations.contains(g.relation(at: $0).id) }
    }

    mutating func edge(_ group: DOTEdgeGroup, number: Int) {
        let t = type(group.type)
        let dim = isDimmed(group: group)
        let strong = options.highlight != nil && !dim
        // Colour by type, pattern, width and head by the strength of the evidence (one table: StrengthStyle).
        let strength = StrengthStyle(g.relation(at: group.relations[0]))
        let typeColor = strength.greyed ? StrengthStyle.grey : DOTWriter.safeColor(t.color, fallback: Palette.defaultEdge)
        let color = dim ? Palette.dimLine : faded(typeColor, strength.opacity)
        var a: [String] = []
        if options.edgeLabels {
            var text = DOTEscaping.htmlText(t.label)
            if group.relations.count > 1 { text += " ×\(group.relations.count)" }
            let small = ([DOTWriter.shortDate(group.relations.map { g.relation(at: $0).time })].compactMap { $0 } + strength.marks)
                .joined(separator: " · ")
            if !small.isEmpty {
                text += "<BR/><FONT POINT-SIZE=\"8\">" + DOTEscaping.htmlText(small) + "</FONT>"
            }
            // A translucent white backing keeps the text readable where another edge crosses it.
            a.append("label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\" BGCOLOR=\"#ffffffd0\"><TR><TD>"
                     + text + "</TD></TR></TABLE>>")
        }
        var width = t.style.contains("bold") ? 2.2 : 1.6
        if group.relations.count > 1 { width += min(2.0, 0.5 * Double(group.relations.count - 1)) }
        width *= strength.widthFactor
        if strong { width = max(width, 2.5) + 1.0 }
        if strength.pattern != .solid { a.append("style=" + strength.pattern.rawValue) }
        a += ["color=" + DOTEscaping.quote(color), "fontcolor=" + DOTEscaping.quote(dim ? Palette.dimText : typeColor),
              "penwidth=" + formatWidth(width)]
        if t.symmetric { a.append("dir=none") } else if strength.head != .normal { a.append("arrowhead=" + strength.head.rawValue) }
        if dim { a.append("weight=1") } else if strong { a.append("weight=4") }
        if options.tooltips {
            let tip = DOTEscaping.tooltip(edgeTooltip(group))
            a += ["tooltip=" + tip, "labeltooltip=" + tip]
            if let url = firstDocumentURL(group) { a += ["URL=" + url, "target=\"_blank\""] }
        }
        let ids = group.relations.map { g.relation(at: $0).id }.joined(separator: " ")
        a.append("comment=" + DOTEscaping.quote(ids))
        if options.elementIDs { a.append("id=\"kg-e\(number)\"") }
        out += "  " + DOTEscaping.quote(DOTWriter.nodeName(group.source, in: g)) + " -> "
            + DOTEscaping.quote(DOTWriter.nodeName(group.target, in: g)) + " [" + a.joined(separator: ", ") + "];\n"
    }

    /// `color` at `opacity` (a `#rrggbb` colour gets an alpha byte; a named one stays as it is).
    func faded(_ color: String, _ opacity: Double) -> String {
        guard opacity < 1, color.count == 7, color.first == "#" else { return color }
        let alpha = Int((opacity * 255).rounded())
        return color + (alpha < 16 ? "0" : "") + String(alpha, radix: 16)
    }

    func formatWidth(_ w: Double) -> String {
        let r = (w * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    func firstDocumentURL(_ group: DOTEdgeGroup) -> String? {
        for r in group.relations {
            for c in g.relation(at: r).sources {
                if let u = g.document(id: c.document)?.url, let safe = DOTEscaping.url(u) { return safe }
            }
        }
        return nil
    }

    /// The evidence: for each relation its reading, date, confidence, assertion, figures, and every
    /// source with its quote and URL. Long texts are clipped so a tooltip stays readable.
    func edgeTooltip(_ group: DOTEdgeGroup) -> String {
        let t = type(group.type)
        var blocks: [String] = []
        let limit = 12
        for r in group.relations.prefix(limit) {
            let rel = g.relation(at: r)
            let s = g.entity(id: rel.source)?.name ?? rel.source, h = g.entity(id: rel.target)?.name ?? rel.target
            var lines = [s + " " + t.label + " " + h]
            lines.append((rel.time?.description ?? "undated") + " · " + rel.strengthText)
            for key in rel.attributes.keys.sorted() { lines.append(key + ": " + clip(rel.attributes[key]!.text, 200)) }
            for c in rel.sources {
                let doc = g.document(id: c.document)
                var cite = "[" + c.document + "]"
                if let doc {
                    let where_ = [doc.outlet, doc.published?.description].compactMap { $0 }.joined(separator: ", ")
                    cite += " " + (where_.isEmpty ? clip(doc.title, 80) : where_)
                }
                lines.append(cite + ": “" + clip(c.quote, 300) + "”")
                if let u = doc?.url, let safe = DOTEscaping.safeURL(u) { lines.append("  " + safe) }
            }
            if let n = rel.note, !n.isEmpty { lines.append("note: " + clip(n, 300)) }
            blocks.append(lines.joined(separator: "\n"))
        }
        if group.relations.count > limit { blocks.append("… and \(group.relations.count - limit) more") }
        return blocks.joined(separator: "\n\n")
    }

    func clip(_ s: String, _ n: Int) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= n ? flat : String(flat.prefix(n)) + "…"
    }
}

import Foundation
