import Foundation
import Testing
@testable import KGraph

/// How an edge's values become its relation (`RelationValues`): an edge whose only value for the
/// general path is its type takes a shorter way than one with more, and dates are read from the
/// bytes. Both ways must give what the fields say: the type from the best-ranked column, other
/// values as attributes, a date the field refuses kept as text, a precision beside a date dropped.
@Suite struct GraphMLEdgeValuesTests {
    static let doc = """
        <graphml>
        <key id="r" for="edge" attr.name="relation" attr.type="string"/>
        <key id="t" for="edge" attr.name="type" attr.type="string"/>
        <key id="d" for="edge" attr.name="date" attr.type="string"/>
        <key id="p" for="edge" attr.name="date_precision" attr.type="string"/>
        <key id="s" for="edge" attr.name="sources" attr.type="string"/>
        <key id="w" for="edge" attr.name="weight" attr.type="double"/>
        <graph edgedefault="directed">
          <node id="a"/><node id="b"/>
          <edge id="only-type" source="a" target="b"><data key="r">attacked</data></edge>
          <edge id="empty-type" source="a" target="b"><data key="r"></data><data key="d">2020</data></edge>
          <edge id="same-twice" source="a" target="b"><data key="r">fought</data><data key="t">fought</data></edge>
          <edge id="two-types" source="a" target="b"><data key="t">clashed</data><data key="r">fought</data></edge>
          <edge id="impossible-date" source="a" target="b"><data key="r">attacked</data><data key="d">2019-02-30</data></edge>
          <edge id="span" source="a" target="b"><data key="r">attacked</data><data key="d">2019-05..2022-03</data><data key="p">month</data></edge>
          <edge id="weighted" source="b" target="a"><data key="w">0.5</data><data key="r">member-of</data></edge>
          <edge id="cited" source="b" target="a"><data key="r">member-of</data><data key="d">2021-12-31</data>
            <data key="s">[{"document": "doc-1", "quote": "B joined A"}, {"document": "doc-2", "quote": "B joined A"}]</data></edge>
          <edge id="unparsed-date" source="b" target="a"><data key="r">member-of</data><data key="d">2021-1-5</data></edge>
        </graph></graphml>
        """

    /// Readers start each relation from the template made again (`Relation(blank:)`), not
    /// copied: that is the template only while it holds nothing but its type and facts.
    @Test func theReadersTemplateIsMadeAgainAlike() {
        #expect(InteropField.unratedRelation.isBlank)
        #expect(Relation(blank: InteropField.unratedBlank) == InteropField.unratedRelation)
        #expect(Relation(blank: InteropField.unratedBlank).confidence == nil)
        var cited = InteropField.unratedRelation
        cited.sources = [Citation(document: "d", quote: "q")]
        var located = InteropField.unratedRelation
        located.location = FileLocation(file: "f", line: 1, column: 1)
        var noted = InteropField.unratedRelation
        noted.note = "n"
        #expect(!cited.isBlank && !located.isBlank && !noted.isBlank)
    }

    @Test func typesDatesAndAttributesComeOutAsTheFieldsSay() throws {
        let (g, _, errors) = graphML(Self.doc)
        #expect(errors.isEmpty, "\(errors)")
        func relation(_ id: String) throws -> Relation { try #require(g.relations.first { $0.id == id }, "\(id)") }

        let onlyType = try relation("only-type")
        #expect(onlyType.type == "attacked" && onlyType.attributes.isEmpty && onlyType.time == nil && onlyType.sources.isEmpty)
        // An empty type column names no type: it stays, as given, an attribute.
        let emptyType = try relation("empty-type")
        #expect(emptyType.attributes == ["relation": .string("")] && emptyType.time == TimeSpan(PartialDate(year: 2020)!))
        // The same type under a second name says nothing new; another one is kept beside it.
        #expect(try relation("same-twice").type == "fought" && relation("same-twice").attributes.isEmpty)
        #expect(try relation("two-types").type == "fought" && relation("two-types").attributes == ["type": .string("clashed")])
        // A date the field refuses is kept as it was written, under its column.
        let impossible = try relation("impossible-date")
        #expect(impossible.time == nil && impossible.attributes == ["date": .string("2019-02-30")])
        // The precision beside a date the field took says nothing the date does not.
        let span = try relation("span")
        #expect(span.time == TimeSpan(start: PartialDate(year: 2019, month: 5), end: PartialDate(year: 2022, month: 3)))
        #expect(span.attributes.isEmpty && span.type == "attacked")
        let weighted = try relation("weighted")
        #expect(weighted.type == "member-of" && weighted.attributes == ["weight": .double(0.5)])
        // Every citation keeps its document and quote, a repeated quote as well.
        let cited = try relation("cited")
        #expect(cited.time == TimeSpan(PartialDate(year: 2021, month: 12, day: 31)!) && cited.attributes.isEmpty)
        #expect(cited.sources == [Citation(document: "doc-1", quote: "B joined A"), Citation(document: "doc-2", quote: "B joined A")])
        #expect(cited.time?.precision == .day && span.time?.precision == .month && emptyType.time?.precision == .year)
        // Not a plain shape: decided by the field's general parse, which refuses it too.
        let unparsed = try relation("unparsed-date")
        #expect(unparsed.time == nil && unparsed.attributes == ["date": .string("2021-1-5")])
    }
}
