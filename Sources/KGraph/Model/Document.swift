/// A report that facts are cited to.
public struct Document: Hashable, Sendable {
    public var id: String
    public var title: String
    public var outlet: String?
    public var published: PartialDate?
    public var url: String?
    /// The file name of the report's text, where it is kept.
    public var file: String?
    public var note: String?
    public var location: FileLocation?

    public init(id: String, title: String, outlet: String? = nil, published: PartialDate? = nil,
                url: String? = nil, file: String? = nil, note: String? = nil, location: FileLocation? = nil) {
        self.id = id
        self.title = title
        self.outlet = outlet
        self.published = published
        self.url = url
        self.file = file
        self.note = note
        self.location = location
    }
}
