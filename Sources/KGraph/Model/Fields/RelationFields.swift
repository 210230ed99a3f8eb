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
        }),
        // Left out, they are `high` and `reported` (what a report states, recorded by hand);
        // `unrated` says none was recorded (a relation imported from a file without them).
        Field("confidence", .choice(Confidence.allCases.map(\.rawValue) + [Unrated.word], default: Confidence.high.rawValue),
              text: { $0.confidence?.rawValue ?? Unrated.word }, set: { r, s in
                  guard let c = Unrated.parse(s, Confidence.self) else { return false }
                  r.confidence = c
                  return true
              }),
        Field("assertion", .choice(Assertion.allCases.map(\.rawValue) + [Unrated.word], default: Assertion.reported.rawValue),
              text: { $0.assertion?.rawValue ?? Unrated.word }, set: { r, s in
                  guard let a = Unrated.parse(s, Assertion.self) else { return false }
                  r.assertion = a
                  return true
              }),
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
        Field("provenance", .choice(Provenance.allCases.map(\.rawValue), default: Provenance.reported.rawValue),
              text: { $0.provenance.rawValue }, set: { r, s in
                  guard let p = Provenance.named(s) else { return false }
                  r.provenance = p
                  return true
              }),
        Field("note", .prose, text: { $0.note }, set: { $0.note = $1; return true }),
    ]

    /// A relation with every required field empty, for readers to fill from `fields`.
    static var empty: Relation { Relation(id: "", source: "", type: "", target: "") }
}
