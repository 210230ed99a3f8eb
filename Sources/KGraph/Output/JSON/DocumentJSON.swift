/// `kgraph documents` as JSON: one object per document, every field it has (`Document.fields`, as
/// `DocumentRecordJSON` gives them), with how many relations cite it and how many entities they touch.
public struct DocumentJSON: Codable, Hashable, Sendable {
    /// The document's fields.
    public var document: DocumentRecordJSON
    /// How many relations cite it.
    public var relations: Int
    /// How many entities those relations touch.
    public var entities: Int

    private enum Counts: String, CodingKey { case relations, entities }

    public init(document: DocumentRecordJSON, relations: Int, entities: Int) {
        self.document = document; self.relations = relations; self.entities = entities
    }

    // One object: the document's fields and the two counts side by side.
    public init(from decoder: Decoder) throws {
        document = try DocumentRecordJSON(from: decoder)
        let c = try decoder.container(keyedBy: Counts.self)
        relations = try c.decode(Int.self, forKey: .relations)
        entities = try c.decode(Int.self, forKey: .entities)
    }

    public func encode(to encoder: Encoder) throws {
        try document.encode(to: encoder)
        var c = encoder.container(keyedBy: Counts.self)
        try c.encode(relations, forKey: .relations)
        try c.encode(entities, forKey: .entities)
    }
}

extension DocumentUse {
    /// This document and its use in the stable JSON shape.
    public func json(in g: Graph) -> DocumentJSON {
        DocumentJSON(document: DocumentRecordJSON(g.documents[document]), relations: relations.count, entities: entities.count)
    }
}
