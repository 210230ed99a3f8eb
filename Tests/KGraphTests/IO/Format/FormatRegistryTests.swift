import Foundation
import Testing
@testable import KGraph

/// The format registry (`GraphFormats`), and every declared field through every format that
/// claims to carry it.
@Suite struct FormatRegistryTests {
    @Test func namesAndExtensionsAreClaimedOnce() {
        let names = GraphFormats.all.map(\.name)
        #expect(Set(names).count == names.count)
        let extensions = GraphFormats.all.flatMap(\.extensions)
        #expect(Set(extensions).count == extensions.count)
        #expect(extensions.allSatisfy { $0 == $0.lowercased() && !$0.hasPrefix(".") })
        #expect(GraphFormats.reading(extension: "GraphML")?.name == "graphml")
        #expect(GraphFormats.reading(extension: "yml")?.name == "yaml")
        #expect(GraphFormats.reading(extension: "svg") == nil)
    }

    @Test func readmeTableIsTheRegistrys() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(GraphFormats.markdownTable), "README.md's format table should be:\n\(GraphFormats.markdownTable)")
    }

    @Test func anUnknownExtensionNamesTheReadableOnes() {
        var d: [Diagnostic] = []
        _ = GraphLoader.readFragment(file: "/nonexistent/g.svg", diagnostics: &d)
        #expect(d.map(\.message) == ["unsupported graph file type '.svg'; supported: .csv, .cyjs, .gexf, .graphml, .json, .yaml, .yml"])
    }

    /// The test graph gives every declared citation and document field a value, so no field can
    /// go untested.
    @Test func theTestGraphSetsEveryDeclaredField() throws {
        let g = try trickyGraph()
        for field in Citation.fields {
            #expect(g.relations.contains { $0.sources.contains { field.get($0) != nil } }, "citation field \(field.key)")
        }
        for field in Document.fields {
            #expect(g.documents.contains { field.get($0) != nil }, "document field \(field.key)")
        }
        for field in Entity.fields {
            #expect(g.entities.contains { field.get($0) != nil }, "entity field \(field.key)")
        }
        for field in Relation.fields {
            #expect(g.relations.contains { field.get($0) != nil && !Self.isDefault(field, $0) }, "relation field \(field.key)")
        }
    }

    /// Each format that reads and writes: what it carries comes back equal, what it does not
    /// carry does not (so the registry cannot claim too little either).
    @Test(arguments: GraphFormats.all.filter { $0.reads && $0.writes }.map(\.name))
    func everyDeclaredFieldRoundTrips(_ name: String) throws {
        let format = try #require(GraphFormats.named(name))
        // ';' is Neo4j's array delimiter: the CSV export refuses such an alias.
        let g = name == "csv" ? try Graph.without(alias: "Hizb; semi", in: try trickyGraph()) : try trickyGraph()
        let back = try roundTrip(g, format)
        let a = GraphContent(g), b = GraphContent(back)
        let carries = format.carries

        func check<T: Equatable>(_ part: GraphParts, _ what: String, _ x: T, _ y: T) {
            if carries.contains(part) {
                #expect(x == y, "\(name) should carry \(what)")
            } else {
                #expect(x != y, "\(name) is said not to carry \(what), yet it came back")
            }
        }
        func untyped(_ m: [String: AttributeValue]) -> [String: String] { m.mapValues(\.text) }
        check(.entities, "entities", a.entities.map(Self.withoutAttributes), b.entities.map(Self.withoutAttributes))
        check(.relations, "relations", a.relations.map(Self.withoutAttributesOrSources), b.relations.map(Self.withoutAttributesOrSources))
        if carries.contains(.entities) {
            #expect(a.entities.map { untyped($0.attributes) } == b.entities.map { untyped($0.attributes) }, "\(name): attribute text")
        }
        check(.typedAttributes, "typed attributes", a.entities.map(\.attributes) + a.relations.map(\.attributes),
              b.entities.map(\.attributes) + b.relations.map(\.attributes))
        for field in Citation.fields {
            check(.citations, "citation field \(field.key)", a.relations.map { $0.sources.map(field.get) },
                  b.relations.map { $0.sources.map(field.get) })
        }
        for field in Document.fields {
            check(.documents, "document field \(field.key)", a.documents.map(field.get), b.documents.map(field.get))
        }
        check(.vocabulary, "the vocabulary", [a.kinds.map(\.id), a.types.map(\.id)], [b.kinds.map(\.id), b.types.map(\.id)])
        check(.title, "the title", [a.title, a.description], [b.title, b.description])
    }

    /// The parse cache carries every field of a YAML file's fragment.
    @Test func theParseCacheCarriesEveryField() throws {
        let data = try #require(YAMLFormat().export(try trickyGraph(), options: ExportOptions()).data.first)
        var d: [Diagnostic] = []
        let fragment = YAMLFormat().read(.bytes(data), file: "t.yaml", diagnostics: &d)
        #expect(!d.hasErrors, "\(d.prefix(3))")
        let bytes = FragmentCoding.encode(fragment, diagnostics: d)
        let (back, backDiagnostics) = try bytes.withUnsafeBytes { try FragmentCoding.decode($0) }
        #expect(back.documents == fragment.documents)
        #expect(back.entities == fragment.entities)
        #expect(back.relations == fragment.relations)
        #expect(back.relationPlaces.map(\.citations) == fragment.relationPlaces.map(\.citations))
        #expect(backDiagnostics == d)
    }

    /// `g` written by `format` and read back by it (a format of several files from a folder).
    func roundTrip(_ g: Graph, _ format: any GraphFormat) throws -> Graph {
        var d: [Diagnostic] = []
        let fragment: GraphFragment
        switch try format.export(g, options: ExportOptions()) {
        case .document(let write):
            var data = Data()
            write { data.append(contentsOf: $0) }
            fragment = format.read(.bytes(data), file: "t." + format.extensions[0], diagnostics: &d)
        case .files(let files):
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-formats-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            for f in files { try f.data.write(to: dir.appendingPathComponent(f.name)) }
            let path = dir.appendingPathComponent(files[0].name).path
            fragment = format.read(.file(path: path), file: path, diagnostics: &d)
        }
        let back = GraphAssembler.assemble([fragment], diagnostics: &d)
        #expect(!d.hasErrors, "\(format.name): \(d.filter { $0.severity == .error }.prefix(3))")
        return back
    }

    /// True when the field holds the value a file may leave out.
    static func isDefault<R>(_ field: Field<R>, _ r: R) -> Bool {
        if case .choice(_, let d) = field.value { return field.text(r) == d }
        return false
    }

    static func withoutAttributes(_ e: Entity) -> Entity { var x = e; x.attributes = [:]; return x }
    static func withoutAttributesOrSources(_ r: Relation) -> Relation { var x = r; x.attributes = [:]; x.sources = []; return x }
}
