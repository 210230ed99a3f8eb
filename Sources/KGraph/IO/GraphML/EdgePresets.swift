/// How the GraphML parser decodes each field of `Relation.fields` from an edge's bytes without
/// the general path (`AttributeValue`, the table of texts): citations from their JSON, dates and
/// choices through the field's own setter of UTF-8 bytes (`Field.bytesSet`).
struct EdgePresets {
    enum Kind { case citations, date, choice, other }

    let kinds: [Kind] = Relation.fields.map { f in
        switch f.value {
        case .citations: return .citations
        // The relation's one date (`RelationValues.presetDate` sets `time`).
        case .timeSpan where f.bytesSet != nil && f.key == "date": return .date
        case .choice where f.bytesSet != nil: return .choice
        default: return .other
        }
    }
}
