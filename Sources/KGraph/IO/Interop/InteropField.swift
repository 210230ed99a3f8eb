/// The attribute names kgraph's exports give entity and relation fields, and how the attributes
/// of files from other tools map onto those fields when they are read. Every format's reader and
/// writer uses these, so a name means the same in GraphML, GEXF, JSON and CSV.
///
/// Reading a foreign file: a node's name is its `label` (else `name`, `Label`, `Name`, `title`, a
/// yEd label, else its id); its kind is `kind` (else TinkerPop's `labelV`, Neo4j's `labels`,
/// `type`, else `node`); an edge's relation type is `relation` (else `labelE`, `type`, `label`,
/// else `edge`). `aliases`, `description`, `note`, `ids`, `provenance`, `date`, `confidence`,
/// `assertion` and `sources` fill their fields when their values fit; `country` does when it names
/// an entity of the same file. Everything else, and every value that does not fit, is kept as an
/// attribute under its own name.
public enum InteropField {
    public enum Entity {
        public static let name = "label"
        public static let kind = "kind"
        public static let aliases = "aliases"
        public static let country = "country"
        public static let description = "description"
        public static let ids = "ids"
        public static let provenance = "provenance"
        public static let note = "note"
    }

    public enum Relation {
        /// The type's reading ("spoke for"), for tools that show edge labels.
        public static let label = "label"
        /// The type id.
        public static let relation = "relation"
        public static let date = "date"
        public static let datePrecision = "date_precision"
        public static let confidence = "confidence"
        public static let assertion = "assertion"
        public static let sources = "sources"
        public static let provenance = "provenance"
        public static let note = "note"
    }

    /// The entity fields every export carries under their own key (`kind`, `aliases`, `country`,
    /// ...), in `Entity.fields` order: all but the id (the node's own id), the name (each format's
    /// label: `label`, `name`) and the free attributes (columns of their own). Lists and maps go
    /// out as JSON text where a format has no list type.
    static let entityColumns: [Field<KGraph.Entity>] = KGraph.Entity.fields.filter { $0.value != .id && $0.value != .attributes && $0.key != "name" }

    /// The index in `Entity.fields` of a column that readers fill by name alone: every column but
    /// `kind`, whose fallbacks (`labelV`, `labels`, `type`) readers rank.
    static func entityField(_ name: String) -> Int? {
        guard name != "kind", entityColumns.contains(where: { $0.key == name }) else { return nil }
        return KGraph.Entity.fields.firstIndex { $0.key == name }
    }

    /// The kind given to entities whose file names none.
    public static let defaultKind = "node"
    /// The relation type given to relations whose file names none.
    public static let defaultType = "edge"
}
