/// Collects one edge's values and turns them into a relation.
struct RelationValues {
    /// A named struct, not a tuple: its copies and destruction are specialised code instead of
    /// the runtime's generic tuple witnesses (a reader clears these once per edge).
    private struct Item {
        var role: EdgeRole
        var name: String
        var value: AttributeValue
    }
    /// A field's value a reader decoded straight from its bytes (no `AttributeValue`, no table).
    private struct Preset {
        var field: Int
        var data: FieldData
    }
    private var items: [Item] = []
    private var presets: [Preset] = []

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        presets.removeAll(keepingCapacity: true)
    }
    /// The value of the field of `Relation.fields` at `field`, decoded by the reader itself; it
    /// wins over values added for that field. When the field does not take it, it is kept as an
    /// attribute under the field's column.
    mutating func preset(_ field: Int, _ data: FieldData) { presets.append(Preset(field: field, data: data)) }
    mutating func add(_ role: EdgeRole, _ name: String, _ value: AttributeValue) { items.append(Item(role: role, name: name, value: value)) }

    /// Adds a text value given as UTF-8. Short texts repeat from edge to edge (relation types,
    /// date precisions): each is made into a value once and shared after.
    mutating func addText(_ role: EdgeRole, _ name: String, _ bytes: UnsafeBufferPointer<UInt8>) {
        let value: AttributeValue
        if bytes.count <= TextValues.longest {
            if texts == nil { texts = TextValues() }
            value = texts!.value(bytes)
        } else {
            value = .string(String(decoding: bytes, as: UTF8.self))
        }
        items.append(Item(role: role, name: name, value: value))
    }

    /// Text values made so far, by their bytes; at most `limit` (later new ones are not kept).
    private struct TextValues {
        static let longest = 32
        static let limit = 1024
        var table = ByteTable()
        var values: [AttributeValue] = []

        mutating func value(_ bytes: UnsafeBufferPointer<UInt8>) -> AttributeValue {
            if values.count < Self.limit {
                let (i, inserted) = table.insert(bytes)
                if inserted { values.append(.string(String(decoding: bytes, as: UTF8.self))) }
                return values[Int(i)]
            }
            if let i = table.find(bytes) { return values[Int(i)] }
            return .string(String(decoding: bytes, as: UTF8.self))
        }
    }
    /// Made when first needed: readers that never add text need no table.
    private var texts: TextValues?

    /// The relation these values describe.
    func relation(id: String, source: String, target: String, location: FileLocation?) -> Relation {
        var r = InteropField.unratedRelation
        r.id = id; r.source = source; r.target = target; r.location = location
        // The setters alone: taking a whole `Field` from the table retains every member of it.
        let setters = InteropField.relationSetters
        // One bit per field of `fields` given a value, for the precision columns.
        var set: UInt64 = 0
        var typeRank = Int.max
        for item in items {
            if case .type(let rank) = item.role, rank < typeRank, !item.value.text.isEmpty { typeRank = rank }
        }
        var attrs: [String: AttributeValue] = [:]
        for item in items {
            let value = item.value
            switch item.role {
            case .type(let rank):
                if rank == typeRank, !value.text.isEmpty { r.type = value.text; typeRank = -1; continue }
                // The same type under a second name (Cytoscape's interaction beside relation) says nothing new.
                if typeRank == -1 && value.text == r.type { continue }
                // Beside `relation`, `label` is the type's reading (kgraph's own layout): not an attribute.
                if rank == 3 && wonByRelation(value) { continue }
                attrs[item.name] = value
            case .typeLabel, .precision:
                break
            case .field(let i):
                if let d = InteropValues.fieldData(value, Relation.fields[i].value), setters[i](&r, d) { set |= 1 << i } else { attrs[item.name] = value }
            case .kgraphID:
                if !value.text.isEmpty { r.id = value.text }
            case .attribute:
                attrs[item.name] = value
            }
        }
        for p in presets {
            if setters[p.field](&r, p.data) { set |= 1 << p.field } else { attrs[Relation.fields[p.field].column!] = .string(InteropValues.text(p.data)) }
        }
        for item in items {
            if case .precision(let i) = item.role, set & (1 << i) == 0 { attrs[item.name] = item.value }
        }
        r.attributes = attrs
        return r
    }

    private func wonByRelation(_ label: AttributeValue) -> Bool {
        guard let winner = items.first(where: { $0.role == .type(0) })?.value.text else { return false }
        let l = label.text
        return l == winner || l == Vocabulary.standard.type(winner)?.label
    }
}
