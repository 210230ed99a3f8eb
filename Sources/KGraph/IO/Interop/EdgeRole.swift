/// What an edge attribute becomes.
enum EdgeRole: Hashable {
    case type(Int)
    /// The type's reading, written for display; ignored when read back.
    case typeLabel
    case date, datePrecision, confidence, assertion, sources, provenance, note
    case kgraphID
    case attribute

    /// The role of a foreign attribute called `name`.
    static func foreign(_ name: String) -> EdgeRole {
        switch name {
        case "relation": return .type(0)
        case "labelE": return .type(1)
        case "type": return .type(2)
        case "label": return .type(3)
        case "date": return .date
        case "date_precision": return .datePrecision
        case "confidence": return .confidence
        case "assertion": return .assertion
        case "sources": return .sources
        case "provenance": return .provenance
        case "note": return .note
        default: return .attribute
        }
    }
}
