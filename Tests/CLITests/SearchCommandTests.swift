import Foundation
import Testing

/// `kgraph search TEXT` end to end on the reports fixture.
@Suite struct SearchCommandTests {
    let reports = graph("reports.yaml")

    @Test func findsEntitiesAndRelationsWithTheWordsInContext() throws {
        let r = try kgraph(["search", "kataib"] + reports)
        #expect(r.status == 0)
        #expect(r.stdout == """
            Entities (1)
              Kata'ib Hezbollah [kataib-hezbollah] (militia)
                  name: [Kata'ib] Hezbollah

            Relations (1)
              Kata'ib Hezbollah --attacked--> Tower 22  2024-01-28  medium confidence, attributed  [mee (Middle East Eye, 2024-02-02)]
                  quote, mee (Middle East Eye, 2024-02-02): footprints of [Kataib] Hezbollah

            """)
    }

    @Test func foldsAsNamesDoAndMatchesWordBeginnings() throws {
        func hits(_ words: [String]) throws -> (entities: [String], relations: [String]) {
            let r = try kgraph(["search"] + words + ["--format", "json"] + reports)
            let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let e = (o["entities"] as? [[String: Any]] ?? []).map { ($0["entity"] as! [String: Any])["id"] as! String }
            let rel = (o["relations"] as? [[String: Any]] ?? []).map { ($0["relation"] as! [String: Any])["id"] as! String }
            return (e, rel)
        }
        // Case, apostrophes and diacritics fold; words of three letters or more match word beginnings.
        #expect(try hits(["KATA’IB"]).entities == ["kataib-hezbollah"])
        #expect(try hits(["Katá", "hez"]).entities == ["kataib-hezbollah"])
        // Every word must match within one field: notes and quotes of relations.
        #expect(try hits(["drone", "attacks"]).relations == ["us-struck-border"])
        #expect(try hits(["iran-backed", "militia"]).relations == ["iran-backs-kh", "us-struck-border"])
        #expect(try hits(["drone", "footprints"]).relations == [])
        // A short word matches only whole words: "US" is the alias, not "used".
        #expect(try hits(["US"]).entities == ["united-states", "tower-22"])
        #expect(try hits(["US"]).relations == [])
        // A whole name or alias ranks first.
        #expect(try hits(["us", "base"]).entities == ["tower-22"])
    }

    @Test func jsonCarriesScoresAndContexts() throws {
        let r = try kgraph(["search", "Iran-backed", "militia", "--format", "json"] + reports)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["query"] as? String == "Iran-backed militia")
        let relations = try #require(o["relations"] as? [[String: Any]])
        let first = try #require(relations.first)
        let matches = try #require(first["matches"] as? [[String: Any]])
        #expect(matches.first?["document"] as? String == "reuters-2021")
        #expect(matches.first?["context"] as? String == "[Iran]-[backed] [militia]")
        let scores = relations.map { $0["score"] as! Int }
        #expect(scores == scores.sorted(by: >))
    }

    @Test func nothingFoundIsExit1AndNoWordsIsExit2() throws {
        let none = try kgraph(["search", "zzzz"] + reports)
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr == "nothing matches 'zzzz'\n")
        let json = try kgraph(["search", "zzzz", "--format", "json"] + reports)
        #expect(json.status == 1 && json.stdout.contains("\"entities\" : [\n\n  ]"))
        #expect(try kgraph(["search", "... !"] + reports).status == 2)
        #expect(try kgraph(["search", "iran", "--limit", "0"] + reports).status == 2)
        let limited = try kgraph(["search", "US", "--limit", "1"] + reports)
        #expect(limited.status == 0 && limited.stdout.contains("... 1 more (--limit)"))
    }
}
