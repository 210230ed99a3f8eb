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
    private var presetSources: [Citation]?
    private var presetTime: TimeSpan?
    private var presetConfidence: Confidence?
    private var presetAssertion: Assertion?
    private var presetProvenance: Provenance?

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        presetSources = nil; presetTime = nil; presetConfidence = nil; presetAssertion = nil; presetProvenance = nil
    }
    /// Values a reader decoded straight from its bytes.
    mutating func setSources(_ c: [Citation]) { presetSources = c }
    mutating func setTime(_ t: TimeSpan) { presetTime = t }
    mutating func setConfidence(_ c: Confidence) { presetConfidence = c }
    mutating func setAssertion(_ a: Assertion) { presetAssertion = a }
    mutating func setProvenance(_ p: Provenance) { presetProvenance = p }
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
        // Fields gathered in locals and the relation made once at the end (building it first and
        // assigning field by field copied it whole).
        var id = id
        var type = InteropField.defaultType
        var relationTime: TimeSpan?
        // A file that does not say how strong a fact is leaves it unrated (nil), not "high, reported".
        var confidence: Confidence?, assertion: Assertion?, provenance = Provenance.reported
        var sources: [Citation] = []
        var note: String?
        var typeRank = Int.max
        var time: TimeSpan?
        for item in items {
            if case .type(let rank) = item.role, rank < typeRank, !item.value.text.isEmpty { typeRank = rank }
            if item.role == .date, time == nil { time = InteropValues.timeSpan(item.value.text) }
        }
        if time == nil { time = presetTime }
        let dated = time != nil
        var attrs: [String: AttributeValue] = [:]
        for item in items {
            let value = item.value
            switch item.role {
            case .type(let rank):
                if rank == typeRank, !value.text.isEmpty { type = value.text; typeRank = -1; continue }
                // The same type under a second name (Cytoscape's interaction beside relation) says nothing new.
                if typeRank == -1 && value.text == type { continue }
                // Beside `relation`, `label` is the type's reading (kgraph's own layout): not an attribute.
                if rank == 3 && wonByRelation(value) { continue }
                attrs[item.name] = value
            case .typeLabel:
                break
            case .date:
                if let time, relationTime == nil { relationTime = time } else if InteropValues.timeSpan(value.text) == nil { attrs[item.name] = value }
            case .datePrecision:
                if !dated { attrs[item.name] = value }
            case .confidence:
                if let c = Unrated.parse(value.text, Confidence.self) { confidence = c } else { attrs[item.name] = value }
            case .assertion:
                if let a = Unrated.parse(value.text, Assertion.self) { assertion = a } else { attrs[item.name] = value }
            case .sources:
                if let c = InteropValues.citations(value) { sources = c } else { attrs[item.name] = value }
            case .provenance:
                if let p = Provenance(rawValue: value.text) { provenance = p } else { attrs[item.name] = value }
            case .note:
                note = value.text
            case .kgraphID:
                if !value.text.isEmpty { id = value.text }
            case .attribute:
                attrs[item.name] = value
            }
        }
        if let presetSources { sources = presetSources }
        if let presetTime, relationTime == nil { relationTime = presetTime }
        if let presetConfidence { confidence = presetConfidence }
        if let presetAssertion { assertion = presetAssertion }
        if let presetProvenance { provenance = presetProvenance }
        return Relation(id: id, source: source, type: type, target: target, time: relationTime, confidence: confidence,
                        assertion: assertion, sources: sources, attributes: attrs, provenance: provenance, note: note,
                        location: location)
    }

    private func wonByRelation(_ label: AttributeValue) -> Bool {
        guard let winner = items.first(where: { $0.role == .type(0) })?.value.text else { return false }
        let l = label.text
        return l == winner || l == Vocabulary.standard.type(winner)?.label
    }
}
