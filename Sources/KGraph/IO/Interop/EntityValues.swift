/// Collects one node's values and turns them into an entity.
struct EntityValues {
    private(set) var items: [(role: NodeRole, name: String, value: AttributeValue)] = []

    init() {}

    /// Room for `capacity` values at once: grown from empty, a node's two or three values took
    /// two allocations and a copy more.
    init(capacity: Int) { items.reserveCapacity(capacity) }

    mutating func add(_ role: NodeRole, _ name: String, _ value: AttributeValue) { items.append((role, name, value)) }
    /// True when an attribute of this name was given.
    func has(_ name: String) -> Bool { items.contains { $0.name == name } }

    /// The entity these values describe.
    func entity(id: String, location: FileLocation?) -> Entity {
        var e = Entity(id: id, name: id, kind: InteropField.defaultKind, location: location)
        complete(&e, id: id)
        return e
    }

    /// Appends the entity these values describe to `list`, made in place: returning an entity
    /// copied it, retaining and releasing every string and list in it, once per node of a file.
    func appendEntity(to list: inout [Entity], id: String, location: FileLocation?) {
        list.append(Entity(id: id, name: id, kind: InteropField.defaultKind, location: location))
        complete(&list[list.count - 1], id: id)
    }

    /// Sets these values on `e`, a new entity whose id in the file is `id`.
    private func complete(_ e: inout Entity, id: String) {
        var nameRank = Int.max, kindRank = Int.max
        var attrs: [String: AttributeValue] = [:]
        // Losing candidates for name and kind stay attributes.
        for (role, _, value) in items {
            switch role {
            case .name(let rank):
                if rank < nameRank, !value.text.isEmpty { nameRank = rank }
            case .kind(let rank):
                if rank < kindRank, kindText(value) != nil { kindRank = rank }
            default: break
            }
        }
        for (role, name, value) in items {
            switch role {
            case .name(let rank):
                if rank == nameRank, !value.text.isEmpty { e.name = value.text; nameRank = -1 }
                else if role != NodeRole.drawnLabel && !(nameRank == -1 && value.text == e.name) { attrs[name] = value }
            case .kind(let rank):
                if rank == kindRank, let k = kindText(value) { e.kind = k; kindRank = -1 } else { attrs[name] = value }
            case .field(let i):
                let field = Entity.fields[i]
                if let d = InteropValues.fieldData(value, field.value), field.set(&e, d) {} else { attrs[name] = value }
            case .kgraphID:
                if !value.text.isEmpty { e.id = value.text }
            case .attribute:
                attrs[name] = value
            }
        }
        if e.name == id, e.id != id { e.name = e.id }
        e.attributes = attrs
    }

    private func kindText(_ v: AttributeValue) -> String? {
        var s = InteropValues.trimmed(v.text)
        // Neo4j's labels column: ":Person:Actor" -> "Person".
        if s.hasPrefix(":") { s = String(s.dropFirst()).split(separator: ":").first.map(String.init) ?? "" }
        return s.isEmpty ? nil : s
    }
}
