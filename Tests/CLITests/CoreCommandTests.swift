import Foundation
import Testing

@Suite struct CoreCommandTests {
    @Test func checkCleanGraph() throws {
        let r = try kgraph(["check"] + graph())
        #expect(r.status == 0)
        // The fixture's document names no text, so its quotes cannot be verified: one note says so.
        #expect(r.stdout == "\(fixtures.appendingPathComponent("small.yaml").path):5:5: note: "
                + "5 quote(s) citing 'mee' are not verified: it names no text file ('file:')\n")
        #expect(r.stderr == "1 file(s), 6 entities, 5 relations, 1 documents: 0 error(s), 0 warning(s)\n")
    }

    @Test func checkReportsEveryErrorWithItsPlaceAndExits2() throws {
        let r = try kgraph(["check"] + graph("broken.yaml"))
        let file = fixtures.appendingPathComponent("broken.yaml").path
        #expect(r.status == 2)
        #expect(r.stdout == """
            \(file):2:5: warning: entity 'iran' is in no relation
            \(file):2:34: error: unknown entity kind 'stat' (did you mean 'state'?)
            \(file):4:49: error: unknown entity 'kh'
            \(file):4:74: error: unknown document 'd'

            """)
    }

    @Test func queriesRefuseABrokenGraph() throws {
        let r = try kgraph(["entities"] + graph("broken.yaml"))
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix("error: the graph has 3 error(s); run 'kgraph check' for the full list\n"))
    }

    @Test func showTextGroupsRelationsByType() throws {
        let r = try kgraph(["show", "kata’ib hezbollah"] + graph())
        #expect(r.status == 0)
        #expect(r.stdout == """
            Kata'ib Hezbollah [kataib-hezbollah]
              kind: militia
              aliases: KH, Kataib Hezbollah

            attacked (2)
              -> Tower 22  2024-01-28  medium confidence, attributed
                   mee (Middle East Eye, 2024-02-02): "footprints of Kataib Hezbollah"
                   attributes: killed 3
              -> Al-Tanf  2024-01  high confidence, reported
                   mee (Middle East Eye, 2024-02-02): "attacks against US targets"

            backed by (1)
              <- Iran  high confidence, reported
                   mee (Middle East Eye, 2024-02-02): "Iran-backed groups"

            struck by (1)
              <- United States  2024-02-02  high confidence, reported
                   mee (Middle East Eye, 2024-02-02): "struck more than 85 targets"

            """)
    }

    @Test func showJSON() throws {
        let r = try kgraph(["show", "KH", "--format", "json"] + graph())
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let entity = try #require(obj["entity"] as? [String: Any])
        #expect(entity["id"] as? String == "kataib-hezbollah")
        #expect(entity["aliases"] as? [String] == ["KH", "Kataib Hezbollah"])
        let relations = try #require(obj["relations"] as? [[String: Any]])
        #expect(relations.map { $0["id"] as? String } == ["kh-attacked-t22", "kh-attacked-tanf", "iran-backs-kh", "us-struck-kh"])
        let first = relations[0]
        #expect(first["source"] as? String == "kataib-hezbollah" && first["target"] as? String == "tower-22")
        #expect(first["relation"] as? String == "attacked" && first["date"] as? String == "2024-01-28")
        #expect((first["sources"] as? [[String: String]])?.first?["quote"] == "footprints of Kataib Hezbollah")
        #expect(relations[2]["date"] == nil)
    }

    @Test func unknownNameSuggestsAndExits2() throws {
        let r = try kgraph(["show", "Kataib Hezbolah"] + graph())
        #expect(r.status == 2)
        #expect(r.stderr == "error: no entity is called 'Kataib Hezbolah'; did you mean 'Kata'ib Hezbollah [kataib-hezbollah]'?\n")
    }

    @Test func ambiguousNameListsCandidatesAndExits2() throws {
        let r = try kgraph(["show", "US base"] + graph())
        #expect(r.status == 2)
        #expect(r.stderr == "error: 'US base' names several entities: Tower 22 [tower-22], Al-Tanf [al-tanf]; use an id to pick one\n")
    }

    @Test func entitiesByKind() throws {
        let r = try kgraph(["entities", "--kind", "site"] + graph())
        #expect(r.status == 0)
        #expect(r.stdout == "tower-22  Tower 22  (site)\nal-tanf   Al-Tanf  (site)\n")
        let j = try kgraph(["entities", "--kind", "state", "--format", "json"] + graph())
        let list = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["iran", "united-states"])
        #expect(Set(list[0].keys) == ["id", "name", "kind", "aliases"])
        let bad = try kgraph(["entities", "--kind", "militias"] + graph())
        #expect(bad.status == 2 && bad.stderr.hasPrefix("error: unknown kind 'militias'"))
    }

    @Test func relationsFilteredByTypeAndEntity() throws {
        let r = try kgraph(["relations", "--type", "attacked", "--involving", "Tower 22"] + graph())
        #expect(r.status == 0)
        #expect(r.stdout == "Kata'ib Hezbollah --attacked--> Tower 22  2024-01-28  medium confidence, attributed  [mee (Middle East Eye, 2024-02-02)]\n")
        let all = try kgraph(["relations", "--format", "json"] + graph())
        let list = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 5)
    }

    @Test func badOptionExits2() throws {
        let r = try kgraph(["show", "KH", "--format", "xml"] + graph())
        #expect(r.status == 2)
        #expect(r.stderr.contains("xml"))
    }

    @Test func graphFromEnvironmentOrGraphsFolder() throws {
        let env = try kgraph(["entities", "--kind", "person"], environment: ["KGRAPH_GRAPH": fixtures.appendingPathComponent("small.yaml").path])
        #expect(env.status == 0 && env.stdout == "kirby  John Kirby  (person)\n")
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Graphs/x"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("small.yaml"), to: dir.appendingPathComponent("Graphs/g.yaml"))
        let found = try kgraph(["entities", "--kind", "person"], in: dir.appendingPathComponent("Graphs/x"))
        #expect(found.status == 0 && found.stdout == "kirby  John Kirby  (person)\n")
        let none = try kgraph(["entities"], in: FileManager.default.temporaryDirectory)
        #expect(none.status == 2)
        #expect(none.stderr.contains("pass --graph PATH"))
    }

    @Test func renderWritesSVGAtomically() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("g.svg")
        let r = try kgraph(["render", "-o", out.path] + graph(), environment: ["PATH": "/nonexistent"])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: out, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("Kata&#39;ib Hezbollah") || svg.contains("Kata'ib Hezbollah"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["g.svg"])
        let dot = try kgraph(["render", "--format", "dot"] + graph())
        #expect(dot.stdout.hasPrefix("digraph kgraph {"))
    }

    @Test func exampleRuns() throws {
        let r = try runProduct("who-backs", ["KH"] + graph())
        #expect(r.status == 0)
        #expect(r.stdout == "Who backs Kata'ib Hezbollah:\n  Iran\n    mee: \u{201C}Iran-backed groups\u{201D}\n")
    }
}
