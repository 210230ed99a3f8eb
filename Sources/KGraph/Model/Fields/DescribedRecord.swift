/// A record whose fields are described once, in `fields`: an entity, a relation, a citation, a
/// document. What holds for every field of a kind (an entity id is renamed on import and checked
/// for existence) is written once here, over the table, so a new field needs no edit elsewhere.
public protocol DescribedRecord {
    /// Every field of the record, in the order files give them.
    static var fields: [Field<Self>] { get }
}

extension Entity: DescribedRecord {}
extension Relation: DescribedRecord {}
extension Citation: DescribedRecord {}
extension Document: DescribedRecord {}

extension DescribedRecord {
    /// This record with every entity id and document id its fields name (its citations' too)
    /// replaced by what `entity` or `document` gives for it, where they give one: how `kgraph
    /// import` follows ids it made slugs of, and `--into` ids it matched.
    public func renamingIDs(entity: (String) -> String?, document: (String) -> String? = { _ in nil }) -> Self {
        var r = self
        for field in Self.fields {
            switch field.value {
            case .entityID:
                if let v = field.text(self), let to = entity(v) { _ = field.set(&r, text: to) }
            case .documentID:
                if let v = field.text(self), let to = document(v) { _ = field.set(&r, text: to) }
            case .citations:
                if case .citations(let list)? = field.get(self) {
                    _ = field.set(&r, .citations(list.map { $0.renamingIDs(entity: entity, document: document) }))
                }
            default:
                break
            }
        }
        return r
    }

    /// The indices in `fields` of the fields that name an entity (`FieldValue.entityID`) and are
    /// not required: a relation's ends aside (the assembler resolves those itself), the ones
    /// `kgraph check` looks up by id alone.
    public static var optionalEntityFields: [Int] {
        fields.indices.filter { fields[$0].value == .entityID && !fields[$0].required }
    }

    /// The indices in `fields` of the fields whose place in the file a reader keeps
    /// (`GraphFragment.Places`): the required ones (an id, a kind or type, a relation's ends:
    /// what the load checks) and those that name another record (an entity or a document, looked
    /// up by the load), so the load's errors point at the value.
    public static var placedFields: [Int] {
        fields.indices.filter { fields[$0].required || fields[$0].value == .entityID || fields[$0].value == .documentID }
    }

    /// The indices in `fields` of the list fields (`FieldValue.list`), whose items' places a
    /// reader keeps.
    public static var listFields: [Int] { fields.indices.filter { fields[$0].value == .list } }
}
