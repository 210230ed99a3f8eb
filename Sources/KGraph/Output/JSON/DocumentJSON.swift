/// `kgraph documents` as JSON: one object per document, with how many relations cite it.
public struct DocumentJSON: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var outlet: String?
    public var published: String?
    public var url: String?
    public var file: String?
    /// How many relations cite it.
    public var relations: Int
    /// How many entities those relations touch.
    public var entities: Int
}

extension DocumentUse {
    /// This document and its use in the stable JSON shape.
    public func json(in g: Graph) -> DocumentJSON {
        let d = g.documents[document]
        return DocumentJSON(id: d.id, title: d.title, outlet: d.outlet, published: d.published?.description,
                            url: d.url, file: d.file, relations: relations.count, entities: entities.count)
    }
}
