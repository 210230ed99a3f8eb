extension Relation {
    /// Every field of a relation, in the order files give them. The YAML reader and writer, the
    /// parse cache, every export's writer and reader (`InteropField.relationColumns`) and the
    /// output go through this table.
    public static let fields: [Field<Relation>] = [
        Field("id", .id, required: true, text: { $0.id }, set: { $0.id = $1; return true }),
        Field("source", .entityID, required: true, column: .structure, text: { $0.source }, set: { $0.source = $1; return true }),
        Field("type", .text, required: true, column: .named("relation"), text: { $0.type }, set: { $0.type = $1; return true }),
        Field("target", .entityID, required: true, column: .structure, text: { $0.target }, set: { $0.target = $1; return true }),
        Field("date", .timeSpan, text: { $0.time?.description }, set: { r, s in
            // The plain shapes without Foundation: readers set this once per edge.
            guard let t = InteropValues.timeSpan(s) else { return false }
            r.time = t
            return true
        }, bytes: { r, b in
            // The plain shapes straight from the bytes; any other text as above.
            guard let t = InteropValues.timeSpan(utf8: b) ?? InteropValues.timeSpan(String(decoding: b, as: UTF8.self)) else { return false }
            r.time = t
            return true
        }),
        // Left out, they are `high` and `reported` (what a report states, recorded by hand);
        // `unrated` says none was recorded (a relation imported from a file without them).
        Field("confidence", choice: Confidence.self, unrated: true, default: .high, get: { $0.confidence }, set: { $0.confidence = $1 }),
        Field("assertion", choice: Assertion.self, unrated: true, default: .reported, get: { $0.assertion }, set: { $0.assertion = $1 }),
        Field("sources", .citations, get: { $0.sources.isEmpty ? nil : .citations($0.sources) }, set: { r, d in
            guard case .citations(let c) = d else { return false }
            r.sources = c
            return true
        }),
        Field("attributes", .attributes, get: { $0.attributes.isEmpty ? nil : .attributes($0.attributes) }, set: { r, d in
            guard case .attributes(let a) = d else { return false }
            r.attributes = a
            return true
        }),
        Field("provenance", choice: Provenance.self, unrated: false, default: .reported, get: { $0.provenance },
              set: { if let p = $1 { $0.provenance = p } }),
        Field("note", .prose, text: { $0.note }, set: { $0.note = $1; return true }),
    ]

    /// A relation with every required field empty, for readers to fill from `fields`.
    static var empty: Relation { Relation(id: "", source: "", type: "", target: "") }
}
