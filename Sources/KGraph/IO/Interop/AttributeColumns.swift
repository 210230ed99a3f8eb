/// The free attributes a set of entities (or relations) carry, one typed column per attribute
/// name, for formats whose attributes are declared with a type (GraphML keys, GEXF attributes,
/// CSV headers).
///
/// A column is `bool`, `int`, `double` or `string` when every value has that type; `mixed` when
/// its values are scalars of several types written as plain text that reads back unambiguously
/// (`8` and `at least five`: no text value looks like a number or a boolean); otherwise (lists,
/// maps, ambiguous mixes) it is `json`: each value is written as JSON text, so reading it back
/// restores the exact value.
struct AttributeColumns {
    enum ColumnType: Equatable { case bool, int, double, string, mixed, json }

    struct Column {
        var name: String
        var type: ColumnType
    }

    /// Columns sorted by name.
    private(set) var columns: [Column] = []

    init<S: Sequence>(_ maps: S) where S.Element == [String: AttributeValue] {
        var types: [String: ColumnType] = [:]
        var ambiguous = Set<String>(), structured = Set<String>()
        for m in maps {
            for (k, v) in m {
                let t: ColumnType
                switch v {
                case .bool: t = .bool
                case .int: t = .int
                case .double: t = .double
                case .string: t = .string
                case .list, .map: t = .json
                }
                if let old = types[k] { if old != t { types[k] = .json } } else { types[k] = t }
                if case .string(let s) = v, InteropValues.inferred(s) != v { ambiguous.insert(k) }
                if case .list = v { structured.insert(k) } else if case .map = v { structured.insert(k) }
            }
        }
        for (k, t) in types where t == .json && !structured.contains(k) && !ambiguous.contains(k) { types[k] = .mixed }
        columns = types.keys.sorted().map { Column(name: $0, type: types[$0]!) }
    }

    /// A value as its column writes it.
    static func text(_ v: AttributeValue, as type: ColumnType) -> String {
        if type == .json { return v.jsonText }
        if case .double(let d) = v { return doubleText(d) }
        return v.text
    }

    /// The name a free attribute is written under where a format's readers put fields and
    /// attributes in one namespace (GraphML's `attr.name`, GEXF's `title`): `attribute_NAME` when
    /// NAME is `reserved` (a field's name, or one a reader takes for structure, such as
    /// NetworkX's GEXF `key`), so no reader sees two columns of one name; names that would read
    /// back as escaped get the prefix too, so `unescapedName` undoes exactly this.
    static func escapedName(_ name: String, reserved: Set<String>) -> String {
        needsPrefix(Substring(name), reserved) ? "attribute_" + name : name
    }

    /// The attribute name `escapedName` wrote as `written`.
    static func unescapedName(_ written: String, reserved: Set<String>) -> String {
        let rest = written.dropFirst(prefix.count)
        return written.hasPrefix(prefix) && needsPrefix(rest, reserved) ? String(rest) : written
    }

    private static let prefix = "attribute_"

    private static func needsPrefix(_ name: Substring, _ reserved: Set<String>) -> Bool {
        if reserved.contains(String(name)) { return true }
        return name.hasPrefix(prefix) && needsPrefix(name.dropFirst(prefix.count), reserved)
    }

    /// A double as text that reads back as the same double (`3.0`, not `3`).
    static func doubleText(_ d: Double) -> String { String(d) }
}
