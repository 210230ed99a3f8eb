/// The attribute names kgraph's exports give entity and relation fields, and how the attributes
/// of files from other tools map onto those fields when they are read. Every format's reader and
/// writer uses these, so a name means the same in GraphML, GEXF, JSON and CSV.
///
/// Reading a foreign file: a node's name is its `label` (else `name`, `Label`, `Name`, `title`, a
/// yEd label, else its id); its kind is `kind` (else TinkerPop's `labelV`, Neo4j's `labels`,
/// `type`, else `node`); an edge's relation type is `relation` (else `labelE`, `type`, `label`,
/// else `edge`). Every other column of `entityColumns` and `relationColumns` (`aliases`, `note`,
/// `date`, `confidence`, `sources`, ...) fills its field when its value fits; `country` does when
/// it names an entity of the same file. Everything else, and every value that does not fit, is
/// kept as an attribute under its own name.
public enum InteropField {
    public enum Entity {
        public static let name = "label"
        public static let country = "country"
    }

    public enum Relation {
        /// The type's reading ("spoke for"), for tools that show edge labels.
        public static let label = "label"
    }

    /// The entity fields every export carries as columns of their own (`kind`, `aliases`,
    /// `country`, ...), under `Field.column`, in `Entity.fields` order: all but the id (the node's
    /// own id), the name (each format's label: `label`, `name`) and the free attributes (columns
    /// of their own). Lists and maps go out as JSON text where a format has no list type.
    static let entityColumns: [Field<KGraph.Entity>] = KGraph.Entity.fields.filter { $0.column != nil }

    /// The relation fields every export carries as columns of their own (`relation`, `date`,
    /// `confidence`, `assertion`, `sources`, `provenance`, `note`, ...), under `Field.column`, in
    /// `Relation.fields` order: all but the id and the ends (the edge's own) and the free
    /// attributes. Citations go out as JSON text.
    static let relationColumns: [Field<KGraph.Relation>] = KGraph.Relation.fields.filter { $0.column != nil }

    /// A field's value as the exports write it (`Field.recorded`: an `unrated` choice is left out).
    static func exported<R>(_ field: Field<R>, _ r: R) -> FieldData? { field.recorded(r) }

    /// The relation interop readers start from: every choice field that can be `unrated` is,
    /// until the file says otherwise (a file that does not say how strong a fact is leaves it
    /// unrated, not "high, reported").
    static let unratedRelation: KGraph.Relation = {
        var r = KGraph.Relation(id: "", source: "", type: defaultType, target: "")
        for f in KGraph.Relation.fields {
            if case .choice(let words, _) = f.value, words.contains(Unrated.word) { _ = f.set(&r, .text(Unrated.word)) }
        }
        return r
    }()

    /// `unratedRelation`'s type and facts, from which readers make it again per edge (`Relation(blank:)`).
    static let unratedBlank = unratedRelation.blank

    /// Each field's setter, in `Relation.fields` order, for readers that set fields once per edge.
    static let relationSetters = KGraph.Relation.fields.map(\.set)
    /// Each field's setter of text (a text field's own, else through `FieldData.text`), in
    /// `Relation.fields` order.
    static let relationTextSetters = KGraph.Relation.fields.map { f in f.textSet ?? { f.set(&$0, .text($1)) } }

    /// The index in `Entity.fields` of a column that readers fill by name alone: every column but
    /// those of required fields (`kind`), whose fallbacks (`labelV`, `labels`, `type`) readers rank.
    static func entityField(_ column: String) -> Int? { field(column, KGraph.Entity.fields) }

    /// The index in `Relation.fields` of a column that readers fill by name alone: every column but
    /// those of required fields (`relation`, the type), whose fallbacks (`labelE`, `type`,
    /// `label`) readers rank.
    static func relationField(_ column: String) -> Int? { field(column, KGraph.Relation.fields) }

    private static func field<R>(_ column: String, _ fields: [Field<R>]) -> Int? {
        fields.firstIndex { $0.column == column && !$0.required }
    }

    /// The column beside a date field's that says its precision (`date_precision`: `day`,
    /// `month`, `year`, `interval`), for tools that filter by it. Readers pass it over when the
    /// date is read.
    static func precisionColumn<R>(_ field: Field<R>) -> String? {
        guard field.value == .timeSpan, let c = field.column else { return nil }
        return c + "_precision"
    }

    /// The precision of a date field's value (`day`, `month`, `year`, `interval`).
    static func precision(_ d: FieldData) -> String? { days(d)?.precision.rawValue }

    /// A date field's value as a time span.
    static func days(_ d: FieldData) -> TimeSpan? {
        guard case .text(let s) = d else { return nil }
        return InteropValues.timeSpan(s)
    }

    /// The names of the first and last day a date field may stand for, as Neo4j dates (CSV and
    /// Cypher): `start` and `end` for the relation's own `date`, `X_start` and `X_end` for another.
    static func dayColumns<R>(_ field: Field<R>) -> (start: String, end: String)? {
        guard field.value == .timeSpan, let c = field.column else { return nil }
        return c == "date" ? ("start", "end") : (c + "_start", c + "_end")
    }

    /// The name of the list of documents a citations field cites, for Neo4j (CSV and Cypher):
    /// `documents` for the relation's own `sources`, `X_documents` for another.
    static func documentsColumn<R>(_ field: Field<R>) -> String? {
        guard field.value == .citations, let c = field.column else { return nil }
        return c == "sources" ? "documents" : c + "_documents"
    }

    /// The kind given to entities whose file names none.
    public static let defaultKind = "node"
    /// The relation type given to relations whose file names none.
    public static let defaultType = "edge"
}
