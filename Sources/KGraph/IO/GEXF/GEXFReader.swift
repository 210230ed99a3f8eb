import Foundation

/// Reads GEXF 1.1, 1.2 and 1.3 (Gephi's format) into a `GraphFragment`, through the same hardened
/// streaming tokenizer as GraphML (no DTD, no external entities, bounded nesting, located errors).
///
/// Nodes become entities (`label` is the name) and edges relations, with the field mapping of
/// `InteropField` over attribute titles; an edge's type is its `relation` attribute, else its
/// `kind`, else its `label`. Time: an edge's `start`/`end` (or `startopen`/`endopen`, or the
/// span of its `<spells>`) become the relation's date when the graph's `timeformat` is `date` or
/// `dateTime` (day precision); the spells themselves are kept as a `spells` attribute. Dynamic
/// attribute values (several `<attvalue>`s for one attribute, with `start`/`end`) are kept as a
/// list of `{value, start, end}`. List types (`liststring`, `listboolean`...) are read in the
/// spellings found in the wild: `[a, b]`, `a|b`, `a,b`, quoted items.
/// kgraph's own GEXF (`<creator>kgraph</creator>`) reads back to the same entities and relations.
///
/// Not supported: viz data (colour, size, position, shape: ignored); node time (`start`/`end`
/// and spells on nodes are kept as attributes, not applied); `timeformat` integer or double (edge
/// times are then kept as `start`/`end` attributes); hierarchy is flattened (nested nodes get a
/// `parent` attribute); `<parents>`; edge direction (`type`, `defaultedgetype`): every relation runs
/// from `source` to `target`; attribute `<options>`.
public enum GEXFReader {
    /// Reads a GEXF file or bytes. Problems are appended to `diagnostics`; a file that is not
    /// well-formed XML yields an empty fragment and one located error.
    public static func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        GEXFParser.read(source, file: file, diagnostics: &diagnostics)
    }
}

private struct GEXFAttribute {
    var id: String
    var title: String
    var type: String
    var defaultValue: AttributeValue?
}

private struct GEXFParser: XMLGraphParser, ~Copyable {
    var t: XMLTokenizer
    let file: String
    var fragment: GraphFragment
    var diagnostics: [Diagnostic] = []
    var ownFile = false
    var timeformat = "double"
    var nodeAttributes: [String: GEXFAttribute] = [:]
    var nodeAttributeOrder: [String] = []
    var edgeAttributes: [String: GEXFAttribute] = [:]
    var edgeAttributeOrder: [String] = []
    /// Keyed by scalars (`IDKey`), kgraph's rule for when two ids are the same.
    var declared: [IDKey: FileLocation] = [:]
    var referenced: [(String, FileLocation)] = []
    var unnamedEdges: [Int] = []
    var notes: [String: (count: Int, at: FileLocation?)] = [:]
    var noteOrder: [String] = []
    var graphSeen = false

    init(_ tokenizer: consuming XMLTokenizer, file: String) {
        t = tokenizer
        self.file = file
        fragment = GraphFragment(file: file, strictVocabulary: false)
    }

    mutating func note(_ key: String, at location: FileLocation?) {
        if let n = notes[key] { notes[key] = (n.count + 1, n.at) } else { notes[key] = (1, location); noteOrder.append(key) }
    }

    /// True when the current element is the GEXF element `local` (unprefixed).
    func isE(_ local: StaticString) -> Bool { t.equals(t.name, local) }

    func attr(_ name: StaticString) -> String? { t.attribute(name).map { t.string($0) } }

    /// Runs `body` for each child element of the current element; text is skipped.
    mutating func children(_ body: (inout GEXFParser) throws(XMLSyntaxError) -> Void) throws(XMLSyntaxError) {
        while true {
            switch try t.next() {
            case .startElement: try body(&self)
            case .text: continue
            case .endElement, .endOfDocument: return
            }
        }
    }

    mutating func text() throws(XMLSyntaxError) -> String {
        var bytes: [UInt8] = []
        while true {
            switch try t.next() {
            case .text: t.appendText(to: &bytes)
            case .startElement: try t.skipElement()
            case .endElement, .endOfDocument: return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    mutating func document() throws(XMLSyntaxError) {
        guard try t.next() == .startElement else { return }
        guard t.equals(t.localName(t.name), "gexf") else {
            throw XMLSyntaxError(location: t.tokenLocation(),
                                 message: "not a GEXF file: the root element is <\(t.string(t.name, decoding: false))>, expected <gexf>")
        }
        try children { (p: inout GEXFParser) throws(XMLSyntaxError) in
            if p.isE("meta") { try p.meta() }
            else if p.isE("graph") && !p.graphSeen { p.graphSeen = true; try p.graph() }
            else { try p.t.skipElement() }
        }
        _ = try t.next()
    }

    mutating func meta() throws(XMLSyntaxError) {
        try children { (p: inout GEXFParser) throws(XMLSyntaxError) in
            let local = p.t.localName(p.t.name)
            if p.t.equals(local, "creator") || p.t.equals(local, "Creator") {
                p.ownFile = try p.text().trimmingCharacters(in: .whitespacesAndNewlines) == GEXFWriter.creator
            } else if p.t.equals(local, "description") {
                let d = try p.text().trimmingCharacters(in: .whitespacesAndNewlines)
                if !d.isEmpty { p.fragment.description = d }
            } else {
                try p.t.skipElement()
            }
        }
    }

    mutating func graph() throws(XMLSyntaxError) {
        timeformat = attr("timeformat") ?? (attr("timetype") ?? "double")
        try children { (p: inout GEXFParser) throws(XMLSyntaxError) in
            if p.isE("attributes") { try p.attributes() }
            else if p.isE("nodes") { try p.nodes(parent: nil) }
            else if p.isE("edges") { try p.edges() }
            else { try p.t.skipElement() }
        }
    }

    mutating func attributes() throws(XMLSyntaxError) {
        let isEdge = attr("class") == "edge"
        try children { (p: inout GEXFParser) throws(XMLSyntaxError) in
            guard p.isE("attribute"), let id = p.attr("id") else { try p.t.skipElement(); return }
            let title = p.attr("title") ?? id
            let type = p.attr("type") ?? "string"
            var a = GEXFAttribute(id: id, title: title, type: type, defaultValue: nil)
            var defaultText: String?
            try p.children { (q: inout GEXFParser) throws(XMLSyntaxError) in
                if q.isE("default") { defaultText = try q.text() } else { try q.t.skipElement() }
            }
            if let defaultText { a.defaultValue = GEXFParser.value(defaultText, type: type) }
            if isEdge {
                if p.edgeAttributes[id] == nil { p.edgeAttributeOrder.append(id) }
                p.edgeAttributes[id] = a
            } else {
                if p.nodeAttributes[id] == nil { p.nodeAttributeOrder.append(id) }
                p.nodeAttributes[id] = a
            }
        }
    }

    /// `<attvalues>` into (attribute id, value) pairs; several timed values of one attribute become a list.
    mutating func attvalues(edge: Bool) throws(XMLSyntaxError) -> [(String, AttributeValue)] {
        var out: [(String, AttributeValue)] = []
        var timed: [String: [AttributeValue]] = [:]
        try children { (p: inout GEXFParser) throws(XMLSyntaxError) in
            guard p.isE("attvalue") else { try p.t.skipElement(); return }
            guard let id = p.attr("for") ?? p.attr("id") else { try p.t.skipElement(); return }
            let raw = p.attr("value") ?? ""
            let def = edge ? p.edgeAttributes[id] : p.nodeAttributes[id]
            if def == nil { p.note("attvalue for undeclared attribute '\(id)'; kept as text", at: p.t.tokenLocation()) }
            var v = GEXFParser.value(raw, type: def?.type ?? "string")
            if let type = def?.type, case .string = v, GEXFParser.numericTypes.contains(type.lowercased()) {
                // An overflowing integer or unreadable number would otherwise turn into text unsaid.
                p.note("a value of attribute '\(id)' is not of its type \(type); kept as text", at: p.t.tokenLocation())
            }
            if p.ownFile && id.hasPrefix("attr_json_"), let j = JSONParser.parse(raw), let av = j.attributeValue { v = av }
            if p.ownFile && id.hasPrefix("attr_mixed_") { v = InteropValues.inferred(raw) }
            let start = p.attr("start") ?? p.attr("startopen"), end = p.attr("end") ?? p.attr("endopen")
            let stamp = p.attr("timestamp")
            if start != nil || end != nil || stamp != nil {
                var m: [String: AttributeValue] = ["value": v]
                if let start { m["start"] = .string(start) }
                if let end { m["end"] = .string(end) }
                if let stamp { m["timestamp"] = .string(stamp) }
                if timed[id] == nil { out.append((id, .list([]))) }
                timed[id, default: []].append(.map(m))
            } else {
                out.append((id, v))
            }
            try p.t.skipElement()
        }
        return out.map { id, v in timed[id].map { (id, .list($0)) } ?? (id, v) }
    }

    /// `<spells>` as a list of `{start, end}` maps, with the overall first start and last end.
    mutating func spells() throws(XMLSyntaxError) -> [AttributeValue] {
        var out: [AttributeValue] = []
        try children { (p: inout GEXFParser) throws(XMLSyntaxError) in
            guard p.isE("spell") else { try p.t.skipElement(); return }
            var m: [String: AttributeValue] = [:]
            if let s = p.attr("start") ?? p.attr("startopen") { m["start"] = .string(s) }
            if let e = p.attr("end") ?? p.attr("endopen") { m["end"] = .string(e) }
            if let ts = p.attr("timestamp") { m["start"] = .string(ts); m["end"] = .string(ts) }
            out.append(.map(m))
            try p.t.skipElement()
        }
        return out
    }

    mutating func nodes(parent: String?) throws(XMLSyntaxError) {
        try children { (p: inout GEXFParser) throws(XMLSyntaxError) in
            if p.isE("node") { try p.node(parent: parent) } else { try p.t.skipElement() }
        }
    }

    mutating func edges() throws(XMLSyntaxError) {
        try children { (p: inout GEXFParser) throws(XMLSyntaxError) in
            if p.isE("edge") { try p.edge() } else { try p.t.skipElement() }
        }
    }

    mutating func node(parent: String?) throws(XMLSyntaxError) {
        let at = t.tokenLocation()
        guard let id = attr("id") else {
            diagnostics.append(Diagnostic(.error, "<node> without an id", at: at))
            try t.skipElement()
            return
        }
        var values = EntityValues()
        if let label = attr("label") { values.add(.name(0), "label", .string(label)) }
        for name in ["start", "end", "startopen", "endopen", "pid"] as [StaticString] {
            if let v = attr(name) { values.add(.attribute, name.description == "pid" ? "parent" : name.description, .string(v)) }
        }
        var set = Set<String>()
        try children { (p: inout GEXFParser) throws(XMLSyntaxError) in
            if p.isE("attvalues") {
                for (aid, v) in try p.attvalues(edge: false) {
                    set.insert(aid)
                    let (role, name) = p.nodeRole(aid)
                    values.add(role, name, v)
                }
            } else if p.isE("spells") {
                values.add(.attribute, "spells", .list(try p.spells()))
            } else if p.isE("nodes") {
                try p.nodes(parent: id)
            } else if p.isE("edges") {
                try p.edges()
            } else {
                try p.t.skipElement()
            }
        }
        for aid in nodeAttributeOrder where !set.contains(aid) {
            if let d = nodeAttributes[aid]!.defaultValue { let (role, name) = nodeRole(aid); values.add(role, name, d) }
        }
        if let parent, !values.has("parent") { values.add(.attribute, "parent", .string(parent)) }
        if let first = declared[IDKey(id)] {
            diagnostics.append(Diagnostic(.error, "duplicate node id '\(id)' (first at \(first))", at: at))
            return
        }
        declared[IDKey(id)] = at
        fragment.entities.append(values.entity(id: id, location: at))
    }

    func nodeRole(_ attributeID: String) -> (NodeRole, String) {
        let title = nodeAttributes[attributeID]?.title ?? attributeID
        if ownFile {
            if attributeID.hasPrefix("attr_") { return (.attribute, AttributeColumns.unescapedName(title, reserved: GEXFWriter.nodeTitles)) }
            if let i = InteropField.entityField(attributeID) { return (.field(i), title) }
        }
        return (.foreign(title), title)
    }

    /// The relation field an edge's GEXF time (`start`, `end`, spells) fills: its date.
    static let dateField = Relation.fields.firstIndex { $0.value == .timeSpan }!

    func edgeRole(_ attributeID: String) -> (EdgeRole, String) {
        let title = edgeAttributes[attributeID]?.title ?? attributeID
        if ownFile && attributeID.hasPrefix("attr_") { return (.attribute, AttributeColumns.unescapedName(title, reserved: GEXFWriter.edgeTitles)) }
        return (.foreign(title), title)
    }

    mutating func edge() throws(XMLSyntaxError) {
        let at = t.tokenLocation()
        guard let source = attr("source"), let target = attr("target") else {
            diagnostics.append(Diagnostic(.error, "<edge> without \(attr("source") == nil ? "a source" : "a target")", at: at))
            try t.skipElement()
            return
        }
        let id = attr("id") ?? ""
        var values = RelationValues()
        var timeAttributes: [(String, String)] = []
        for name in ["start", "end", "startopen", "endopen", "timestamp"] as [StaticString] {
            if let v = attr(name) { timeAttributes.append((name.description, v)) }
        }
        if !ownFile {
            if let kind = attr("kind") { values.add(.type(1), "kind", .string(kind)) }
            if let label = attr("label") { values.add(.type(3), "label", .string(label)) }
        }
        if let w = attr("weight") {
            values.add(.attribute, "weight", Double(w).map { .double($0) } ?? .string(w))
        }
        var set = Set<String>()
        var spellList: [AttributeValue]?
        var hasDate = false
        try children { (p: inout GEXFParser) throws(XMLSyntaxError) in
            if p.isE("attvalues") {
                for (aid, v) in try p.attvalues(edge: true) {
                    set.insert(aid)
                    let (role, name) = p.edgeRole(aid)
                    if role == .field(Self.dateField) { hasDate = true }
                    values.add(role, name, v)
                }
            } else if p.isE("spells") {
                spellList = try p.spells()
            } else {
                try p.t.skipElement()
            }
        }
        for aid in edgeAttributeOrder where !set.contains(aid) {
            if let d = edgeAttributes[aid]!.defaultValue {
                let (role, name) = edgeRole(aid)
                if role == .field(Self.dateField) { hasDate = true }
                values.add(role, name, d)
            }
        }
        // Time from start/end, else the spells' span, when the file's times are dates.
        let isDate = timeformat == "date" || timeformat == "dateTime" || timeformat == "datetime"
        var start: String?, end: String?
        for (k, v) in timeAttributes {
            switch k {
            case "start", "startopen": start = v
            case "end", "endopen": end = v
            default: start = v; end = v
            }
        }
        if let spellList, !spellList.isEmpty {
            values.add(.attribute, "spells", .list(spellList))
            if start == nil && end == nil {
                let starts = spellList.compactMap { if case .map(let m) = $0, case .string(let s)? = m["start"] { return s }; return nil }
                let ends = spellList.compactMap { if case .map(let m) = $0, case .string(let s)? = m["end"] { return s }; return nil }
                start = starts.count == spellList.count ? starts.min() : nil
                end = ends.count == spellList.count ? ends.max() : nil
            }
        }
        if !hasDate && (start != nil || end != nil) {
            let s = start.flatMap { isDate ? GEXFParser.date($0) : nil }
            let e = end.flatMap { isDate ? GEXFParser.date($0) : nil }
            if (start == nil || s != nil) && (end == nil || e != nil), let span = TimeSpan(start: s, end: e) {
                values.add(.field(Self.dateField), "date", .string(span.description))
            } else {
                if let start { values.add(.attribute, "start", .string(start)) }
                if let end { values.add(.attribute, "end", .string(end)) }
            }
        }
        if id.isEmpty { unnamedEdges.append(fragment.relations.count) }
        referenced.append((source, at))
        referenced.append((target, at))
        fragment.relations.append(values.relation(id: id, source: source, target: target, location: at))
    }

    /// The date part of an xs:date or xs:dateTime (`2009-03-01`, `2009-03-01T10:00:00Z`).
    static func date(_ s: String) -> PartialDate? {
        PartialDate(s.prefix(while: { $0 != "T" && $0 != "+" && $0 != "Z" }).prefix(10))
    }

    /// The GEXF types whose values `value(_:type:)` converts from text.
    static let numericTypes: Set<String> = ["integer", "long", "short", "byte", "biginteger", "double", "float", "bigdecimal", "boolean"]

    /// Converts an attribute value by its GEXF type; text that does not fit stays text.
    static func value(_ raw: String, type: String) -> AttributeValue {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch type.lowercased() {
        case "integer", "long", "short", "byte", "biginteger":
            return Int(s).map(AttributeValue.int) ?? .string(raw)
        case "double", "float", "bigdecimal":
            if let d = Double(s), d.isFinite { return .double(d) }
            return .string(raw)
        case "boolean":
            switch s.lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return .string(raw)
            }
        case let t where t.hasPrefix("list"):
            let element = String(t.dropFirst(4))
            return .list(listItems(s).map { value($0, type: element) })
        default:
            return .string(raw)
        }
    }

    /// The items of a GEXF list value: JSON (`["a","b"]`), `[a, b]`, `a|b`, `a,b`, with quoted items.
    static func listItems(_ s: String) -> [String] {
        if s.hasPrefix("["), let j = JSONParser.parse(s), let a = j.array {
            return a.map { $0.attributeValue?.text ?? "" }
        }
        var body = Substring(s)
        if body.hasPrefix("[") && body.hasSuffix("]") { body = body.dropFirst().dropLast() }
        if body.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
        let separator: Character = body.contains("|") ? "|" : ","
        var items: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        for ch in body {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" && quote != nil { escaped = true; continue }
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
                continue
            }
            if (ch == "'" || ch == "\"") && current.trimmingCharacters(in: .whitespaces).isEmpty {
                current = ""
                quote = ch
                continue
            }
            if ch == separator { items.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(ch)
        }
        items.append(current.trimmingCharacters(in: .whitespaces))
        return items
    }

    mutating func finish() {
        var created = 0
        var firstAt: FileLocation?
        var seen = Set(declared.keys)
        for (id, at) in referenced where seen.insert(IDKey(id)).inserted {
            fragment.entities.append(Entity(id: id, name: id, kind: InteropField.defaultKind, location: at))
            if firstAt == nil { firstAt = at }
            created += 1
        }
        if created > 0 {
            diagnostics.append(Diagnostic(.warning, "\(created) node(s) are named by edges but never declared; they were created",
                                          at: firstAt))
        }
        if !unnamedEdges.isEmpty {
            var taken = Set(fragment.relations.map { IDKey($0.id) })
            for i in unnamedEdges {
                var new = "e" + String(i)
                var n = 2
                while taken.contains(IDKey(new)) { new = "e" + String(i) + "-" + String(n); n += 1 }
                taken.insert(IDKey(new))
                fragment.relations[i].id = new
            }
        }
        // Repeated edge ids: between the same two nodes an error; between others (multigraph
        // keys used as ids) made unique as SOURCE-TARGET-ID, as for GraphML.
        var firstUse: [IDKey: Int] = [:]
        var renamed = 0
        var renamedAt: FileLocation?
        var taken = Set(fragment.relations.map { IDKey($0.id) })
        var drop: [Int] = []
        for i in fragment.relations.indices {
            let r = fragment.relations[i]
            guard let f = firstUse[IDKey(r.id)] else { firstUse[IDKey(r.id)] = i; continue }
            let first = fragment.relations[f]
            if sameScalars(first.source, r.source) && sameScalars(first.target, r.target) {
                diagnostics.append(Diagnostic(.error, "duplicate edge id '\(r.id)' between the same two nodes (first at "
                                              + (first.location.map { "\($0)" } ?? "?") + ")", at: r.location))
                drop.append(i)
                continue
            }
            var new = r.source + "-" + r.target + "-" + r.id
            var n = 2
            while taken.contains(IDKey(new)) { new = r.source + "-" + r.target + "-" + r.id + "-" + String(n); n += 1 }
            taken.insert(IDKey(new))
            fragment.relations[i].id = new
            renamed += 1
            if renamedAt == nil { renamedAt = r.location }
        }
        for i in drop.reversed() { fragment.relations.remove(at: i) }
        if renamed > 0 {
            diagnostics.append(Diagnostic(.warning, "\(renamed) edge(s) reuse an earlier edge's id between other nodes; "
                                          + "they got ids SOURCE-TARGET-ID", at: renamedAt))
        }
        fragment.settleCountries()
        for key in noteOrder {
            let n = notes[key]!
            diagnostics.append(Diagnostic(.warning, n.count > 1 ? "\(key) (\(n.count) times)" : key, at: n.at))
        }
    }
}
