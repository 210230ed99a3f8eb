import Testing
@testable import KGraph

@Suite struct VocabularyTests {
    @Test func defaultVocabularyHasTheCoreTypes() throws {
        let v = Vocabulary.standard
        for id in ["backs", "attacked", "struck", "spoke-for", "member-of"] {
            let t = try #require(v.type(id), "missing relation type \(id)")
            #expect(!t.inverse.isEmpty && !t.color.isEmpty)
        }
        for k in ["state", "militia", "umbrella-group", "person", "site", "place", "armed-force"] {
            #expect(v.kind(k) != nil, "missing kind \(k)")
        }
        // Every kind named in a domain or range exists.
        for t in v.types { for k in t.domain + t.range { #expect(v.kind(k) != nil, "\(t.id) names \(k)") } }
    }

    @Test func mergingReplacesByID() {
        var extra = Vocabulary()
        extra.define(RelationType(id: "backs", label: "sponsors", inverse: "sponsored by"))
        extra.define(EntityKind(id: "outlet"))
        let merged = Vocabulary.standard.merging(extra)
        #expect(merged.type("backs")?.label == "sponsors")
        #expect(merged.types.count == Vocabulary.standard.types.count)
        #expect(merged.kinds.count == Vocabulary.standard.kinds.count + 1)
    }

    /// `Vocabulary.standard` is read without resolving YAML tags from patterns (`Resolver.basic`):
    /// its text marks the booleans, and it reads the same as with Yams' default resolver.
    @Test func standardReadsAsWithTheDefaultResolver() throws {
        var diagnostics: [Diagnostic] = []
        let v = GraphFileParser.parseVocabulary(yaml: defaultVocabularyYAML, file: "<default vocabulary>",
                                                diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(Vocabulary.standard.kinds == v.kinds)
        #expect(Vocabulary.standard.types == v.types)
        #expect(try #require(Vocabulary.standard.type("allied-with")).symmetric)
        #expect(!(try #require(Vocabulary.standard.type("backs")).symmetric))
        #expect(Vocabulary.standard.types.filter(\.symmetric).count == 2)
    }
}
