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

    /// Each format that reads and writes: every record it carries comes back whole and equal
    /// (every field of `Entity.fields`, `Relation.fields`, `Citation.fields`, `Document.fields` at
    /// once); what it says it cannot carry is dropped as declared, so the registry cannot claim
    /// too little either.
    @Test(arguments: GraphFormats.all.filter { $0.reads && $0.writes }.map(\.name))
    func everyDeclaredFieldRoundTrips(_ name: String) throws {
        let format = try #require(GraphFormats.named(name))
        // ';' is Neo4j's array delimiter: the CSV export refuses such an alias.
        let g = name == "csv" ? try Graph.without(alias: "Hizb; semi", in: try trickyGraph()) : try trickyGraph()
        let back = try roundTrip(g, format)
        let carries = format.carries
        // What a format that carries a part must give back, and what one that does not gives back instead.
        var want = GraphContent(g)
        let got = GraphContent(back)
        func untyped(_ m: [String: AttributeValue]) -> [String: AttributeValue] { m.mapValues { .string($0.text) } }
        if !carries.contains(.typedAttributes) {
            // Attributes by name and text: the test compares their text only (and checks below that types were lost).
            for i in want.entities.indices { want.entities[i].attributes = untyped(want.entities[i].attributes) }
            for i in want.relations.indices { want.relations[i].attributes = untyped(want.relations[i].attributes) }
        }
        var gotCompared = got
        if !carries.contains(.typedAttributes) {
            for i in gotCompared.entities.indices { gotCompared.entities[i].attributes = untyped(gotCompared.entities[i].attributes) }
            for i in gotCompared.relations.indices { gotCompared.relations[i].attributes = untyped(gotCompared.relations[i].attributes) }
            #expect(GraphContent(g).entities.map(\.attributes) + GraphContent(g).relations.map(\.attributes)
                    != got.entities.map(\.attributes) + got.relations.map(\.attributes),
                    "\(name) is said not to carry typed attributes, yet they came back typed")
        }
        if !carries.contains(.citations) {
            #expect(got.relations.allSatisfy { $0.sources.isEmpty }, "\(name) is said not to carry citations, yet some came back")
            for i in want.relations.indices { want.relations[i].sources = [] }
        }
        #expect(carries.isSuperset(of: [.entities, .relations]), "\(name): every reading format carries entities and relations")
        #expect(gotCompared.entities == want.entities, "\(name): entities \(firstDifference(want.entities, gotCompared.entities))")
        #expect(gotCompared.relations == want.relations, "\(name): relations \(firstDifference(want.relations, gotCompared.relations))")
        if carries.contains(.documents) {
            #expect(got.documents == want.documents, "\(name): documents \(firstDifference(want.documents, got.documents))")
        } else {
            #expect(got.documents.isEmpty, "\(name) is said not to carry the document list, yet documents came back")
        }
        if carries.contains(.vocabulary) {
            #expect(got.kinds == want.kinds && got.types == want.types, "\(name) should carry the vocabulary")
        } else {
            #expect(got.kinds != want.kinds || got.types != want.types, "\(name) is said not to carry the vocabulary, yet it came back")
        }
        if carries.contains(.title) {
            #expect([got.title, got.description] == [want.title, want.description], "\(name) should carry the title")
        } else {
            #expect(got.title != want.title, "\(name) is said not to carry the title, yet it came back")
        }
    }

    /// A format that only writes (nothing reads it back here) writes every field of the parts it
    /// claims to carry: each field's name (its column; its key inside a citation's JSON; a
    /// document's key) is in what it writes for the test graph, which gives every field a value.
    @Test(arguments: GraphFormats.all.filter { !$0.reads && $0.writes && !$0.carries.isEmpty }.map(\.name))
    func aWriteOnlyFormatWritesEveryFieldItClaims(_ name: String) throws {
        let format = try #require(GraphFormats.named(name))
        let text = try format.export(try trickyGraph(), options: ExportOptions()).data
            .map { String(decoding: $0, as: UTF8.self) }.joined()
        var names: [String] = []
        if format.carries.contains(.entities) { names += Entity.fields.compactMap(\.column) }
        if format.carries.contains(.relations) { names += Relation.fields.compactMap(\.column) }
        if format.carries.contains(.citations) { names += Citation.fields.map { "\"\($0.key)\":" } }
        if format.carries.contains(.documents) { names += Document.fields.filter { $0.value != .id }.map(\.key) }
        #expect(!names.isEmpty)
        for n in names { #expect(text.contains(n), "\(name) claims to carry \(n) but does not write it") }
    }

    func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> String {
        if a.count != b.count { return "\(a.count) vs \(b.count)" }
        for (x, y) in zip(a, b) where x != y { return "\(x)\n  vs\n\(y)" }
        return "equal"
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
        // And every place the reader kept, by the tables (`DescribedRecord.placedFields`, `listFields`).
        #expect(back.entityPlaces == fragment.entityPlaces)
        #expect(back.relationPlaces == fragment.relationPlaces)
        #expect(fragment.entityPlaces.contains { !$0.items.isEmpty } && fragment.relationPlaces.contains { !$0.citations.isEmpty })
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

}
