/// What a node attribute becomes.
enum NodeRole: Hashable {
    /// The entity's name; lower priority wins when several are present.
    case name(Int)
    case kind(Int)
    /// A field of `Entity.fields` (by index) read by name (`InteropField.entityField`).
    case field(Int)
    /// kgraph's own id, kept beside an id another format had to change.
    case kgraphID
    case attribute

    /// The role of a foreign attribute called `name`.
    static func foreign(_ name: String) -> NodeRole {
        switch name {
        case "label": return .name(0)
        case "name": return .name(1)
        case "Label": return .name(2)
        case "Name": return .name(3)
        case "title": return .name(4)
        case "kind": return .kind(0)
        case "labelV": return .kind(1)
        case "labels": return .kind(2)
        case "type": return .kind(3)
        default: return InteropField.entityField(name).map(NodeRole.field) ?? .attribute
        }
    }

    /// Priority of a label drawn by yEd (below every named attribute).
    static let drawnLabel = NodeRole.name(9)
}
