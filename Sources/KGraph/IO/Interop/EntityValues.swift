/// Collects one node's values and turns them into an entity.
struct EntityValues {
    private(set) var items: [(role: NodeRole, name: String, value: AttributeValue)] = []

    init() {}

    /// Room for `capacity` values at once: grown from empty, a node's two or three values took
    /// two allocations and a copy more.
    mutating func reserveCapacity(_ capacity: Int) { items.reserveCapacity(capacity) }

    mutating func add(_ role: NodeRole, _ name: String, _ value: AttributeValue) { items.append((role, name, value)) }
    /// Forgets the values, keeping the room for the next record's.
    mutating func removeAll() {
        // One at a time: `removeAll(keepingCapacity:)` destroyed them through the runtime's
        // generic `swift_arrayDestroy`, about 800 instructions a node.
        while !items.isEmpty { items.removeLast() }
    }
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
        // The winning kind: which value, and its text made once (trimmed, a Neo4j label taken apart).
        var kind: (at: Int, text: String)?
        var attrs: [String: AttributeValue] = [:]
        // Losing candidates for name and kind stay attributes.
        for (at, (role, _, value)) in items.enumerated() {
            switch role {
            case .name(let rank):
                if rank < nameRank, !value.text.isEmpty { nameRank = rank }
            case .kind(let rank):
                if rank < kindRank, let k = kindText(value) { kindRank = rank; kind = (at, k) }
            default: break
            }
        }
        for (at, (role, name, value)) in items.enumerated() {
            switch role {
            case .name(let rank):
                if rank == nameRank, !value.text.isEmpty { e.name = value.text; nameRank = -1 }
                else if role != NodeRole.drawnLabel && !(nameRank == -1 && value.text == e.name) { attrs[name] = value }
            case .kind:
                if let kind, kind.at == at { e.kind = kind.text } else { attrs[name] = value }
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
        // Most nodes of other tools' files have none left, and setting the empty map over an empty
        // one cost 270 instructions. (An `attributes` field set above is replaced, as ever.)
        if !attrs.isEmpty || !e.attributes.isEmpty { e.attributes = attrs }
    }

    private func kindText(_ v: AttributeValue) -> String? {
        var s = InteropValues.trimmed(v.text)
        // Neo4j's labels column: ":Person:Actor" -> "Person".
        if s.hasPrefix(":") { s = String(s.dropFirst()).split(separator: ":").first.map(String.init) ?? "" }
        return s.isEmpty ? nil : s
    }
}
