/// A cited document in a statement's JSON: `{"id","title","outlet"?,"published"?}`.
public struct CitedDocumentJSON: Codable, Hashable, Sendable {
    public var id: String
    public var title: String?
    public var outlet: String?
    public var published: String?
}

/// One statement in JSON: `{"speaker","date"?,"said"?,"quote","document":D,"relations":[R...]}`.
/// `date` is when the words were said (`said` when the citation gives that day apart from the
/// relation's date, else the relation's date); `relations` are the relations the words support.
public struct StatementJSON: Codable, Hashable, Sendable {
    public var speaker: String
    public var date: String?
    public var said: String?
    public var quote: String
    public var document: CitedDocumentJSON
    public var relations: [RelationJSON]
}

/// `kgraph quotes` as JSON: `{"speakers":[E...],"statements":[S...]}`, in the order said.
public struct QuotesJSON: Codable, Hashable, Sendable {
    public var speakers: [EntityJSON]
    public var statements: [StatementJSON]

    public init(speakers: [Int32], statements: [Statement], in g: Graph) {
        self.speakers = speakers.map { g.entity(at: $0).json }
        self.statements = statements.map { $0.json(in: g) }
    }
}

extension Statement {
    /// This statement in the stable JSON shape.
    public func json(in g: Graph) -> StatementJSON {
        let d = g.document(id: document)
        return StatementJSON(speaker: speaker, date: when?.description, said: said?.description, quote: quote,
                             document: CitedDocumentJSON(id: document, title: d?.title, outlet: d?.outlet,
                                                         published: d?.published?.description),
                             relations: supports.map { g.relation(at: $0).json })
    }
}
