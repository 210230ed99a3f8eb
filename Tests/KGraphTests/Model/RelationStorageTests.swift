import Testing
@testable import KGraph

/// Relation keeps its dates, confidence, assertion and provenance packed in one word and its note
/// apart: every value must come back as set, and setting one must leave the others alone.
@Suite struct RelationStorageTests {
    static let spans: [TimeSpan?] = [
        nil,
        TimeSpan(PartialDate(year: 2024, month: 1, day: 28)!),
        TimeSpan(start: PartialDate(year: 1, month: 12, day: 31)!, end: PartialDate(year: 9999)!),
        TimeSpan(start: nil, end: PartialDate(year: 2023, month: 10)!),
        TimeSpan(start: PartialDate(year: 2020, month: 2, day: 29)!, end: nil),
    ]

    @Test func everyCombinationComesBackAsSet() {
        for time in Self.spans {
            for confidence in [nil] + Confidence.allCases.map(Optional.some) {
                for assertion in [nil] + Assertion.allCases.map(Optional.some) {
                    for provenance in Provenance.allCases {
                        let r = Relation(id: "r", source: "a", type: "t", target: "b", time: time, confidence: confidence,
                                         assertion: assertion, provenance: provenance)
                        #expect(r.time == time && r.confidence == confidence && r.assertion == assertion && r.provenance == provenance)
                    }
                }
            }
        }
    }

    @Test func settingOneFieldLeavesTheOthers() {
        var r = Relation(id: "r", source: "a", type: "t", target: "b", time: Self.spans[2], confidence: .low,
                         assertion: .denied, provenance: .added, note: "checked twice")
        r.confidence = nil
        #expect(r.time == Self.spans[2] && r.assertion == .denied && r.provenance == .added && r.note == "checked twice")
        r.time = Self.spans[3]
        #expect(r.confidence == nil && r.assertion == .denied && r.provenance == .added)
        r.assertion = .claimed
        r.provenance = .reported
        #expect(r.time == Self.spans[3] && r.confidence == nil && r.assertion == .claimed && r.provenance == .reported)
        r.note = nil
        #expect(r.note == nil && r.assertion == .claimed)
    }

    @Test func attributesAndNoteAreKeptApartAndStayUnshared() {
        var r = Relation(id: "r", source: "a", type: "t", target: "b", attributes: ["weight": .int(3)], note: "n")
        let before = r
        r.attributes["colour"] = .string("red")
        #expect(r.attributes == ["weight": .int(3), "colour": .string("red")] && r.note == "n")
        #expect(before.attributes == ["weight": .int(3)] && before.note == "n")
        r.note = nil
        #expect(r.attributes.count == 2 && r.note == nil)
        r.attributes = [:]
        #expect(r.attributes.isEmpty && r.note == nil)
        #expect(r == Relation(id: "r", source: "a", type: "t", target: "b"))
        r.note = "again"
        #expect(r.attributes.isEmpty && r.note == "again" && before.note == "n")
    }

    @Test func equalityAndHashingSeeEveryField() {
        let base = Relation(id: "r", source: "a", type: "t", target: "b", time: Self.spans[1], note: "n")
        var changed: [Relation] = []
        for change in [{ (r: inout Relation) in r.time = Self.spans[4] }, { $0.confidence = .medium }, { $0.assertion = nil },
                       { $0.provenance = .added }, { $0.note = "m" }, { $0.note = nil }, { $0.attributes["k"] = .bool(true) }] {
            var r = base
            change(&r)
            changed.append(r)
        }
        var copy = base
        copy.note = "n"
        #expect(copy == base && copy.hashValue == base.hashValue)
        for r in changed { #expect(r != base) }
        #expect(Set(changed + [base]).count == changed.count + 1)
    }

    /// A million relations of a big graph: a field added inline costs a megabyte per byte.
    @Test func aRelationStaysSmall() {
        #expect(MemoryLayout<Relation>.stride <= 112)
    }
}
