/// Collects one edge's values and turns them into a relation.
struct RelationValues {
    /// A named struct, not a tuple: its copies and destruction are specialised code instead of
    /// the runtime's generic tuple witnesses (a reader clears these once per edge).
    private struct Item {
        var role: EdgeRole
        var name: String
        var value: AttributeValue
    }
    private var items: [Item] = []
    /// The relation that values a reader decoded straight from its bytes (`preset`) are set on at
    /// once, and which fields of `Relation.fields` they set (one bit each).
    private var decoded = InteropField.unratedRelation
    private var decodedFields: UInt64 = 0
    /// Decoded values their field did not take, kept as attributes under the field's column.
    private var refused: [Item] = []
    /// Each field's setters (`Relation.fields` order), held here: a reader sets several per edge.
    private let setters = InteropField.relationSetters, textSetters = InteropField.relationTextSetters
    /// Each field's setter of UTF-8 bytes (`Field.bytesSet`; refusing all for a field without one).
    private let bytesSetters = Relation.fields.map { $0.bytesSet ?? { _, _ in false } }

    mutating func removeAll() {
        // One by one from the end: `removeAll(keepingCapacity:)` goes through the generic
        // `replaceSubrange`, about 180 instructions for the one to eight values of an edge.
        while !items.isEmpty { items.removeLast() }
        if decodedFields != 0 || !refused.isEmpty { clearDecoded() }
    }

    private mutating func clearDecoded() {
        decoded = InteropField.unratedRelation
        decodedFields = 0
        refused.removeAll()
    }

    /// Sets the field of `Relation.fields` at `field` to a value the reader decoded itself; it
    /// wins over values added for that field. When the field does not take it, it is kept as an
    /// attribute under the field's column.
    mutating func preset(_ field: Int, _ data: FieldData) {
        if setters[field](&decoded, data) { decodedFields |= 1 << field } else { refuse(field, InteropValues.text(data)) }
    }

    /// `preset` for citations a reader made into the relation's list itself
    /// (`InteropValues.plainCitations(json:)`); the citations field takes any list.
    mutating func preset(_ field: Int, citations: CitationList) {
        decoded.citationList = citations
        decodedFields |= 1 << field
    }

    /// `preset` for a text value.
    mutating func preset(_ field: Int, text: String) {
        if textSetters[field](&decoded, text) { decodedFields |= 1 << field } else { refuse(field, text) }
    }

    /// `preset` for a date or a choice given as UTF-8 (`Field.bytesSet`); false, and nothing kept,
    /// when the field does not take it.
    mutating func preset(_ field: Int, utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytesSetters[field](&decoded, bytes) else { return false }
        decodedFields |= 1 << field
        return true
    }

    /// `preset(_:utf8:)` for the relation's date (`Relation.fields[field]` is `date`): a plain
    /// date or span is set on the relation straight, not through the field's setter (190
    /// instructions a date); anything else goes through it.
    mutating func presetDate(_ field: Int, utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard case .some(.some(let span)) = InteropValues.timeSpan(utf8: bytes) else { return preset(field, utf8: bytes) }
        decoded.time = span
        decodedFields |= 1 << field
        return true
    }

    /// Whether field `field` was set by `preset` for this edge.
    func isPreset(_ field: Int) -> Bool { decodedFields & (1 << field) != 0 }

    private mutating func refuse(_ field: Int, _ text: String) {
        let column = Relation.fields[field].column!
        refused.append(Item(role: .attribute, name: column, value: .string(text)))
    }
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

    /// The relation these values describe; the values are cleared.
    mutating func relation(id: String, source: String, target: String, location: FileLocation?) -> Relation {
        var r = Relation(blank: InteropField.unratedBlank)
        complete(&r, id: id, source: source, target: target, location: location)
        return r
    }

    /// Appends the relation these values describe to `list`, moved in: returning a relation
    /// copies it, retaining and releasing every string and list in it, once per edge of a file.
    /// Whether its id is still `id` (no value gave it another): known here, not read back from
    /// the list (that copied the relation).
    @discardableResult
    mutating func appendRelation(to list: inout [Relation], id: String, source: String, target: String, location: FileLocation?) -> Bool {
        var r = Relation(blank: InteropField.unratedBlank)
        let idKept = complete(&r, id: id, source: source, target: target, location: location)
        // Moved into the list: appending a relation made in the call itself was compiled as a copy.
        list.append(consume r)
        return idKept
    }

    /// Makes `r`, a blank relation (`Relation(blank:)`), the relation these values describe; the
    /// values are cleared. Whether its id is still `id`.
    @discardableResult
    private mutating func complete(_ r: inout Relation, id: String, source: String, target: String, location: FileLocation?) -> Bool {
        // Swapped with `decoded`, which starts afresh: one blank per relation.
        swap(&r, &decoded)
        let preset = decodedFields, refused = refused
        decodedFields = 0
        if !refused.isEmpty { self.refused.removeAll() }
        r.setIdentity(id: id, source: source, target: target, location: location)
        // Compared here, not read back from `r`: reading a relation's field where it stands in a
        // list copied the whole relation.
        return setItems(on: &r, preset: preset, refused: refused).map { $0 == id } ?? true
    }

    /// Sets the added values on `r`, whose fields of `preset` (one bit each) the reader decoded
    /// itself; the others, and `refused`, become its attributes. The id a value gave it, if any.
    private func setItems(on r: inout Relation, preset: UInt64, refused: [Item]) -> String? {
        // Most edges of a file carry their type and only values the reader decoded itself: the
        // type is the relation's, and nothing is left for the attributes (what the loops below
        // give for that case, without them: 330 instructions per relation).
        if items.count == 1, refused.isEmpty, case .type = items[0].role, case .string(let text) = items[0].value, !text.isEmpty {
            r.type = text
            if !r.attributes.isEmpty { r.attributes = [:] }
            return nil
        }
        // The items are read where they are (`items[k]`), not copied out one by one: each copy
        // retained and released its role, name and value, once or twice per edge of a file.
        // One bit per field of `fields` given a value, for the precision columns.
        var set = preset
        var typeRank = Int.max
        for k in items.indices {
            if case .type(let rank) = items[k].role, rank < typeRank, !items[k].value.text.isEmpty { typeRank = rank }
        }
        var attrs: [String: AttributeValue] = [:]
        var givenID: String?
        for k in items.indices {
            switch items[k].role {
            case .type(let rank):
                if rank == typeRank, case let text = items[k].value.text, !text.isEmpty { r.type = text; typeRank = -1; continue }
                let value = items[k].value
                // The same type under a second name (Cytoscape's interaction beside relation) says nothing new.
                if typeRank == -1 && value.text == r.type { continue }
                // Beside `relation`, `label` is the type's reading (kgraph's own layout): not an attribute.
                if rank == 3 && wonByRelation(value) { continue }
                attrs[items[k].name] = value
            case .typeLabel, .precision:
                break
            case .field(let i):
                let value = items[k].value
                guard let d = InteropValues.fieldData(value, Relation.fields[i].value) else { attrs[items[k].name] = value; continue }
                if preset & (1 << i) == 0 {
                    if setters[i](&r, d) { set |= 1 << i } else { attrs[items[k].name] = value }
                } else {
                    // The value the reader decoded itself wins; this one is kept only when the field refuses it.
                    var scratch = r
                    if !setters[i](&scratch, d) { attrs[items[k].name] = value }
                }
            case .kgraphID:
                if case let text = items[k].value.text, !text.isEmpty { r.id = text; givenID = text }
            case .attribute:
                attrs[items[k].name] = items[k].value
            }
        }
        for item in refused { attrs[item.name] = item.value }
        for k in items.indices {
            if case .precision(let i) = items[k].role, set & (1 << i) == 0 { attrs[items[k].name] = items[k].value }
        }
        // Left as it is when both are empty (as for most edges of a file without free attributes).
        if !attrs.isEmpty || !r.attributes.isEmpty { r.attributes = attrs }
        return givenID
    }

    private func wonByRelation(_ label: AttributeValue) -> Bool {
        guard let winner = items.first(where: { $0.role == .type(0) })?.value.text else { return false }
        let l = label.text
        return l == winner || l == Vocabulary.standard.type(winner)?.label
    }
}
