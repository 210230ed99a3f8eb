/// What an edge attribute becomes.
enum EdgeRole: Hashable {
    /// The relation's type; lower rank wins when several are present.
    case type(Int)
    /// The type's reading, written for display; ignored when read back.
    case typeLabel
    /// A field of `Relation.fields` (by index) read by name (`InteropField.relationField`).
    case field(Int)
    /// The precision beside the date field of this index (`InteropField.precisionColumn`): passed
    /// over when that field is read, an attribute otherwise.
    case precision(Int)
    /// kgraph's own id, kept beside an id another format had to change.
    case kgraphID
    case attribute

    /// The role of a foreign attribute called `name`.
    static func foreign(_ name: String) -> EdgeRole {
        // Readers ask once per value of some formats: a short list compared in order, like a switch.
        for (n, role) in named where n == name { return role }
        return .attribute
    }

    /// The names readers know: the type's, ranked (`relation`, TinkerPop's `labelE`, `type`,
    /// `label`), then every column of `InteropField.relationColumns` but the type's, then each
    /// date field's precision.
    private static let named: [(String, EdgeRole)] = {
        var out: [(String, EdgeRole)] = [("relation", .type(0)), ("labelE", .type(1)), ("type", .type(2)), ("label", .type(3))]
        for (i, f) in Relation.fields.enumerated() {
            if let c = f.column, InteropField.relationField(c) == i { out.append((c, .field(i))) }
        }
        for (i, f) in Relation.fields.enumerated() {
            if let c = InteropField.precisionColumn(f) { out.append((c, .precision(i))) }
        }
        return out
    }()

    /// The role of one of kgraph's own columns (`relation`, `label`, a column of
    /// `InteropField.relationColumns`, a precision); nil for any other name.
    static func own(_ name: String) -> EdgeRole? {
        let role = foreign(name)
        switch role {
        case .type(0), .field, .precision: return role
        case .type(3): return .typeLabel
        default: return nil
        }
    }
}
