import Foundation
@testable import KGraph

/// Real GraphML and GEXF files written by other tools (`Tests/Fixtures/corpus`, origins and
/// licences in its SOURCES.md).
let corpusFolder = packageRoot.appendingPathComponent("Tests/Fixtures/corpus")

/// The graph kgraph ships (`Graphs/`).
func shippedGraph() throws -> Graph {
    let result = try GraphLoader.load(paths: [packageRoot.appendingPathComponent("Graphs").path])
    precondition(!result.diagnostics.hasErrors, "the shipped graph has errors")
    return result.graph
}

/// A graph read from bytes by the reader for `ext`, with the diagnostics of reading and assembling.
func readGraph(_ data: Data, ext: String, file: String? = nil) -> (graph: Graph, diagnostics: [Diagnostic]) {
    var d: [Diagnostic] = []
    let name = file ?? "mem.\(ext)"
    let fragment = GraphFormats.reading(extension: ext)!.read(.bytes(data), file: name, diagnostics: &d)
    let g = GraphAssembler.assemble([fragment], diagnostics: &d)
    return (g, d)
}

/// Everything a graph says, without where it was read from, for comparing graphs.
struct GraphContent: Equatable {
    var title: String?
    var description: String?
    var documents: [Document]
    var entities: [Entity]
    var relations: [Relation]
    var kinds: [EntityKind]
    var types: [RelationType]

    init(_ g: Graph) {
        title = g.title
        description = g.description
        documents = g.documents.map { var d = $0; d.location = nil; return d }
        entities = g.entities.map { var e = $0; e.location = nil; return e }
        relations = g.relations.map { var r = $0; r.location = nil; return r }
        kinds = g.vocabulary.kinds.filter { Vocabulary.standard.kind($0.id) != $0 }.sorted { $0.id < $1.id }
        types = g.vocabulary.types.filter { Vocabulary.standard.type($0.id) != $0 }.sorted { $0.id < $1.id }
    }

    /// The first difference, for a readable failure.
    func difference(from o: GraphContent) -> String? {
        if title != o.title { return "title: \(String(describing: title)) vs \(String(describing: o.title))" }
        if description != o.description { return "description differs" }
        if documents != o.documents { return "documents: " + firstDiff(documents, o.documents) }
        if entities != o.entities { return "entities: " + firstDiff(entities, o.entities) }
        if relations != o.relations { return "relations: " + firstDiff(relations, o.relations) }
        if kinds != o.kinds { return "kinds: \(kinds) vs \(o.kinds)" }
        if types != o.types { return "types: \(types) vs \(o.types)" }
        return nil
    }

    private func firstDiff<T: Equatable>(_ a: [T], _ b: [T]) -> String {
        if a.count != b.count { return "\(a.count) vs \(b.count)" }
        for (x, y) in zip(a, b) where x != y { return "\(x)\n  vs\n\(y)" }
        return "?"
    }

}

/// A small graph with everything a writer must carry: every field, free attributes of every type
/// (one mixed), names that need escaping in every format, parallel relations, an interval, an open
/// end, and a kind and type of its own.
func trickyGraph() throws -> Graph {
    var v = Vocabulary.standard
    v.define(EntityKind(id: "media-outlet", label: "media outlet", shape: "note", fill: "#f2f2f2", codes: ["wikidata": "Q1193236"]))
    v.define(RelationType(id: "reported-on", label: "reported on", inverse: "reported by", domain: ["media-outlet"],
                          color: "#555555", style: "dashed"))
    var g = Graph(vocabulary: v)
    g.title = "Tricky <graph> & \"quotes\" 'n' #hash |pipe|"
    g.description = "Line one\nline two\twith tab; back\\slash"
    try g.add(Document(id: "doc-1", title: "A \"quoted\" <title> & more", outlet: "Outlet, Inc.",
                       published: PartialDate("2024-02"), url: "https://example.org/a?b=1&c=2", file: "001.txt",
                       note: "multi\nline"))
    try g.add(Document(id: "doc-2", title: "Second"))
    try g.add(Entity(id: "a", name: "Kata'ib \"Hezbollah\" <KH> & co", kind: "militia", aliases: ["KH", "Kata’ib", "Hizb; semi"],
                     country: "iraq", description: "desc with ]]> and --> inside", externalIDs: ["wikidata": "Q1", "acled": "x y"],
                     attributes: ["strength": .int(5000), "ratio": .double(0.25), "active": .bool(true), "motto": .string("#1 | best"),
                                  "tags": .list([.string("x"), .int(2)]), "meta": .map(["k": .string("v"), "n": .list([.bool(false)])]),
                                  "mixed": .int(3), "label": .string("an attribute called label")],
                     provenance: .added, note: "note: with colon"))
    try g.add(Entity(id: "iraq", name: "Iraq", kind: "state", attributes: ["mixed": .string("three")]))
    try g.add(Entity(id: "b.site-22", name: "Tower 22 — ☃ émoji 😀", kind: "site", aliases: ["US base"], sharedAliases: ["US base"]))
    try g.add(Entity(id: "news", name: "News Agency", kind: "media-outlet"))
    try g.add(Relation(id: "r1", source: "a", type: "attacked", target: "b.site-22", time: TimeSpan(PartialDate("2024-01-28")!),
                       confidence: .medium, assertion: .attributed,
                       sources: [Citation(document: "doc-1", quote: "the \"footprints\" of <KH> & friends"),
                                 Citation(document: "doc-2", quote: "second quote", speaker: "news", said: PartialDate("2024-01-30"))],
                       attributes: ["killed": .int(3), "injured": .string("more than 30"), "weapons": .list([.string("drone")])],
                       note: "the report says \"on Sunday\""))
    try g.add(Relation(id: "r2", source: "a", type: "attacked", target: "b.site-22", time: TimeSpan(start: PartialDate("2023-10"), end: nil),
                       sources: [Citation(document: "doc-1", quote: "since October")], attributes: ["killed": .int(0)]))
    try g.add(Relation(id: "r3", source: "a", type: "attacked", target: "b.site-22",
                       time: TimeSpan(start: PartialDate("2019"), end: PartialDate("2021-06-30")),
                       sources: [Citation(document: "doc-2", quote: "years")], provenance: .added))
    // Unrated: no confidence or assertion recorded, as in a foreign file.
    try g.add(Relation(id: "r4", source: "a", type: "attacked", target: "iraq", confidence: nil, assertion: nil,
                       sources: [Citation(document: "doc-2", quote: "in Iraq")]))
    try g.add(Relation(id: "r5", source: "news", type: "reported-on", target: "a", assertion: .claimed,
                       sources: [Citation(document: "doc-1", quote: "reported")], attributes: ["killed": .double(1.5)]))
    return g
}
