import Foundation
import Testing
@testable import KGraph

/// The entity card and `--format json` give every field a record has, from its table: a new field
/// shows up in both with no edit to the output code. The test graph gives every field a value.
@Suite struct RecordOutputTests {
    @Test func theCardShowsEveryFieldOfTheEntityAndItsRelations() throws {
        let g = try trickyGraph()
        for i in 0..<Int32(g.entityCount) {
            let e = g.entity(at: i), card = TextReport.card(i, in: g)
            for field in Entity.fields where !field.required && TextReport.value(field, of: e, in: g) != nil {
                #expect(card.contains("\n  \(field.key): "), "\(e.id): \(field.key)")
            }
            for r in g.outgoing(i).map(g.relation(at:)) {
                for field in Relation.fields where !field.required && !TextReport.shownOnTheRow(field) && field.get(r) != nil {
                    #expect(card.contains("\n       \(field.key): "), "\(r.id): \(field.key)")
                }
                for c in r.sources {
                    for field in Citation.fields where !field.required {
                        guard let v = TextReport.value(field, of: c, in: g) else { continue }
                        #expect(card.contains("  \(field.key): \(v)"), "\(r.id): citation \(field.key)")
                    }
                }
            }
        }
        // By value type: an entity by its name, a choice only away from its default.
        let a = try #require(g.index(ofEntity: "a"))
        #expect(TextReport.card(a, in: g).contains("\n  country: Iraq\n"))
        #expect(TextReport.card(a, in: g).contains("\n  provenance: added\n"))
        #expect(!TextReport.card(try #require(g.index(ofEntity: "iraq")), in: g).contains("provenance"))
        #expect(TextReport.card(a, in: g).contains("  speaker: News Agency  said: 2024-01-30"))
    }

    @Test func jsonGivesEveryFieldOfEveryRecord() throws {
        let g = try trickyGraph()
        func names(_ json: some Encodable) throws -> Set<String> {
            let object = try JSONSerialization.jsonObject(with: Data(try StableJSON.text(json).utf8)) as? [String: Any]
            return Set(try #require(object).keys)
        }
        for e in g.entities {
            let want = Set(Entity.fields.filter { $0.recorded(e) != nil }.map { $0.column ?? $0.key })
            #expect(try names(e.record) == want, "\(e.id)")
            #expect(try JSONDecoder().decode(EntityRecordJSON.self, from: Data(try StableJSON.text(e.record).utf8)) == e.record)
        }
        for r in g.relations {
            #expect(try names(r.json) == Set(Relation.fields.filter { $0.recorded(r) != nil || $0.value == .citations }.map { $0.column ?? $0.key }))
        }
        for (k, d) in g.documents.enumerated() {
            let use = DocumentUse(document: k, relations: [], entities: [])
            #expect(try names(use.json(in: g)) == Set(Document.fields.filter { $0.get(d) != nil }.map(\.key) + ["relations", "entities"]))
        }
    }
}
