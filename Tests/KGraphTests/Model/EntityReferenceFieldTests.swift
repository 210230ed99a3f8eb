import Testing
@testable import KGraph

/// Every field declared to hold an entity id (`FieldValue.entityID`, not required) of an entity,
/// a relation or a citation: `kgraph check` reports a value that names no entity, `kgraph import`
/// renames it with the ids it makes slugs of, and `import --into` follows the entities it matched.
/// The tests go over the field tables, so a new such field is tested with no edit here.
@Suite struct EntityReferenceFieldTests {
    /// Where a field is set: on entity `b`, on relation `r1`, or on `r1`'s citation.
    enum Slot: CustomStringConvertible, Sendable {
        case entity(Field<Entity>), relation(Field<Relation>), citation(Field<Citation>)

        var description: String {
            switch self {
            case .entity(let f): "entity field \(f.key)"
            case .relation(let f): "relation field \(f.key)"
            case .citation(let f): "citation field \(f.key)"
            }
        }

        func set(_ v: String, entity: inout Entity, relation: inout Relation) {
            switch self {
            case .entity(let f): #expect(f.set(&entity, text: v))
            case .relation(let f): #expect(f.set(&relation, text: v))
            case .citation(let f): #expect(f.set(&relation.sources[0], text: v))
            }
        }

        func get(entity: Entity?, relation: Relation?) -> String? {
            switch self {
            case .entity(let f): entity.flatMap(f.text)
            case .relation(let f): relation.flatMap(f.text)
            case .citation(let f): relation?.sources.first.flatMap(f.text)
            }
        }
    }

    static let slots: [Slot] = Entity.optionalEntityFields.map { .entity(Entity.fields[$0]) }
        + Relation.optionalEntityFields.map { .relation(Relation.fields[$0]) }
        + Citation.optionalEntityFields.map { .citation(Citation.fields[$0]) }

    @Test func theTablesDeclareSomeEntityFields() {
        #expect(Self.slots.map(\.description).contains("citation field speaker"))
        #expect(Self.slots.map(\.description).contains("entity field country"))
    }

    /// Entities `a` (a state) and `b` (a militia), document `doc`, relation `r1`: a backs b,
    /// citing doc; `slot` set to `value` on b, on r1 or on its citation.
    func records(_ slot: Slot, _ value: String, a: String = "a", b: String = "b") -> ([Entity], Relation) {
        var e = Entity(id: b, name: "B group", kind: "militia")
        var r = Relation(id: "r1", source: a, type: "backs", target: b, sources: [Citation(document: "doc", quote: "q")])
        slot.set(value, entity: &e, relation: &r)
        return ([Entity(id: a, name: "A state", kind: "state"), e], r)
    }

    @Test(arguments: slots) func checkReportsAnUnknownEntity(_ slot: Slot) {
        for (value, errors) in [("nobody", 1), ("a", 0)] {
            let (entities, r) = records(slot, value)
            var f = GraphFragment(file: "t.yaml", strictVocabulary: true)
            f.documents = [Document(id: "doc", title: "A report")]
            f.entities = entities
            f.relations = [r]
            var d: [Diagnostic] = []
            let g = GraphAssembler.assemble([f], diagnostics: &d)
            let found = d.filter { $0.severity == .error }
            #expect(found.count == errors, "\(slot) = \(value): \(found)")
            #expect(found.allSatisfy { $0.message.contains("unknown") && $0.message.contains("'nobody'") }, "\(slot): \(found)")
            if errors == 0 { #expect(slot.get(entity: g.entity(id: "b"), relation: g.relations.first) == value) }
        }
    }

    @Test(arguments: slots) func importRenamesItWithTheEntity(_ slot: Slot) throws {
        let (entities, r) = records(slot, "A 1", a: "A 1")
        var g = Graph()
        try g.add(Document(id: "doc", title: "A report"))
        for e in entities { try g.add(e) }
        try g.add(r)
        let out = try GraphImport.convert(g, file: "f.graphml", format: "graphml", extendVocabulary: false).graph
        #expect(out.entity(id: "a-1") != nil)
        #expect(slot.get(entity: out.entity(id: "b"), relation: out.relations.first) == "a-1", "\(slot)")
    }

    @Test(arguments: slots) func mergeFollowsTheMatchedEntity(_ slot: Slot) throws {
        var existing = Graph()
        try existing.add(Document(id: "doc", title: "A report"))
        try existing.add(Entity(id: "iran", name: "A state", kind: "state"))
        // Incoming `a` is the existing `iran` by name; `b` is new and names `a` in the field.
        let (entities, r) = records(slot, "a")
        var incoming = Graph()
        try incoming.add(Document(id: "doc", title: "A report"))
        for e in entities { try incoming.add(e) }
        try incoming.add(r)
        let m = GraphMerge(incoming, into: existing)
        #expect(m.conflicts.isEmpty)
        #expect(m.matches.map { [$0.incoming, $0.existing] } == [["a", "iran"]])
        #expect(slot.get(entity: m.addedEntities.first { $0.id == "b" }, relation: m.addedRelations.first) == "iran", "\(slot)")
    }
}
