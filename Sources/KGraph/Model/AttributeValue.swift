/// A free attribute value: scalars, lists and maps, as YAML and JSON have them.
public indirect enum AttributeValue: Hashable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([AttributeValue])
    case map([String: AttributeValue])

    /// The value as plain text: scalars as written, lists and maps as JSON.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .list, .map: return jsonText
        }
    }

    /// The value as compact JSON with sorted keys.
    public var jsonText: String {
        switch self {
        case .string(let s): return JSONText.quote(s)
        case .int, .double, .bool: return text
        case .list(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .map(let m):
            return "{" + m.keys.sorted().map { JSONText.quote($0) + ":" + m[$0]!.jsonText }.joined(separator: ",") + "}"
        }
    }
}
