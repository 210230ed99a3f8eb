/// The graph-level data every export carries besides entities and relations: the documents that
/// relations cite and the kinds and types the graph adds to the built-in vocabulary, as JSON.
enum InteropGraphData {
    /// Documents as a compact JSON list of objects (keys sorted, absent fields left out).
    static func documentsJSON(_ docs: [Document]) -> String {
        "[" + docs.map(documentJSON).joined(separator: ",") + "]"
    }

    static func documentJSON(_ d: Document) -> String { InteropValues.object(d, Document.fields) }

    /// Documents from a JSON list (or JSON text of one); nil when it is not a list of documents.
    static func documents(_ value: JSONValue) -> [Document]? {
        guard let items = value.array else { return nil }
        var out: [Document] = []
        for item in items {
            guard let d = InteropValues.record(item, start: Document.empty, Document.fields) else { return nil }
            out.append(d)
        }
        return out
    }

    /// The kinds and types of `v` that the built-in vocabulary lacks or defines differently, as
    /// compact JSON `{"kinds":[...],"types":[...]}`; nil when there are none.
    static func vocabularyJSON(_ v: Vocabulary) -> String? {
        let kinds = v.kinds.filter { Vocabulary.standard.kind($0.id) != $0 }
        let types = v.types.filter { Vocabulary.standard.type($0.id) != $0 }
        guard !kinds.isEmpty || !types.isEmpty else { return nil }
        let k = kinds.map { k in
            object([("id", JSONText.quote(k.id)), ("label", JSONText.quote(k.label)), ("shape", JSONText.quote(k.shape)),
                    ("style", JSONText.quote(k.style)), ("fill", JSONText.quote(k.fill)), ("codes", InteropValues.mapJSON(k.codes))])
        }
        let t = types.map { t in
            object([("id", JSONText.quote(t.id)), ("label", JSONText.quote(t.label)), ("inverse", JSONText.quote(t.inverse)),
                    ("domain", InteropValues.stringsJSON(t.domain)), ("range", InteropValues.stringsJSON(t.range)),
                    ("symmetric", t.symmetric ? "true" : "false"), ("color", JSONText.quote(t.color)),
                    ("style", JSONText.quote(t.style)), ("codes", InteropValues.mapJSON(t.codes))])
        }
        return "{\"kinds\":[" + k.joined(separator: ",") + "],\"types\":[" + t.joined(separator: ",") + "]}"
    }

    /// A vocabulary from the JSON `vocabularyJSON` writes; nil when malformed.
    static func vocabulary(_ value: JSONValue) -> Vocabulary? {
        guard value.members != nil else { return nil }
        var v = Vocabulary()
        func strings(_ j: JSONValue?) -> [String] { j?.array?.compactMap(\.string) ?? [] }
        func codes(_ j: JSONValue?) -> [String: String] {
            var out: [String: String] = [:]
            for (k, x) in j?.members ?? [] { if let s = x.string { out[k] = s } }
            return out
        }
        for k in value["kinds"]?.array ?? [] {
            guard let id = k["id"]?.string else { return nil }
            var kind = EntityKind(id: id, label: k["label"]?.string)
            if let s = k["shape"]?.string { kind.shape = s }
            if let s = k["style"]?.string { kind.style = s }
            if let s = k["fill"]?.string { kind.fill = s }
            kind.codes = codes(k["codes"])
            v.define(kind)
        }
        for t in value["types"]?.array ?? [] {
            guard let id = t["id"]?.string else { return nil }
            var type = RelationType(id: id, label: t["label"]?.string, inverse: t["inverse"]?.string,
                                    domain: strings(t["domain"]), range: strings(t["range"]))
            if case .bool(let b)? = t["symmetric"] { type.symmetric = b }
            if let s = t["color"]?.string { type.color = s }
            if let s = t["style"]?.string { type.style = s }
            type.codes = codes(t["codes"])
            v.define(type)
        }
        return v
    }

    private static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { JSONText.quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
