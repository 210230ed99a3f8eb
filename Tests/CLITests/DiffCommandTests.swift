import Foundation
import Testing

/// `kgraph diff OLD NEW` end to end: text, JSON, exit codes, files, folders and other formats.
@Suite struct DiffCommandTests {
    let small = fixtures.appendingPathComponent("small.yaml").path
    let reports = fixtures.appendingPathComponent("reports.yaml").path

    @Test func listsAddedRemovedAndChangedFieldByField() throws {
        let r = try kgraph(["diff", small, reports])
        #expect(r.status == 1)
        #expect(r.stdout == """
            Entities: 1 added, 2 removed, 0 changed
              + border-facility  Border facility (site)
              - al-tanf  Al-Tanf (site)
              - kirby  John Kirby (person)

            Relations: 2 added, 2 removed, 2 changed
              + us-struck-border  United States --struck--> Border facility  2021-06-27  high confidence, reported  [reuters-2021 (Reuters, 2021-06-28)]
              + kh-uses-border  Kata'ib Hezbollah --uses--> Border facility  2021..2021-06  high confidence, reported  [reuters-2021 (Reuters, 2021-06-28)]
              - kh-attacked-tanf  Kata'ib Hezbollah --attacked--> Al-Tanf  2024-01  high confidence, reported  [mee (Middle East Eye, 2024-02-02)]
              - kirby-spoke-for-us  John Kirby --spoke-for--> United States  high confidence, reported  [mee (Middle East Eye, 2024-02-02)]
              ~ iran-backs-kh  Iran --backs--> Kata'ib Hezbollah  high confidence, reported  [mee (Middle East Eye, 2024-02-02), reuters-2021 (Reuters, 2021-06-28)]
                  sources[2].document: (none) -> "reuters-2021"
                  sources[2].quote: (none) -> "Iran-backed militia"
              ~ kh-attacked-t22  Kata'ib Hezbollah --attacked--> Tower 22  2024-01-28  medium confidence, attributed  [mee (Middle East Eye, 2024-02-02)]
                  attributes.killed: "3" -> (none)

            Documents: 2 added, 0 removed, 0 changed
              + reuters-2021  Reuters, 2021-06-28
              + notes  Background notes on the militias of Iraq and th…

            """)
    }

    @Test func jsonAndExitCodes() throws {
        let r = try kgraph(["diff", small, reports, "--format", "json"])
        #expect(r.status == 1)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["equal"] as? Bool == false)
        let entities = try #require(o["entities"] as? [String: Any])
        #expect(entities["added"] as? [String] == ["border-facility"])
        #expect(entities["removed"] as? [String] == ["al-tanf", "kirby"])
        let changed = try #require((o["relations"] as? [String: Any])?["changed"] as? [[String: Any]])
        #expect(changed.map { $0["id"] as! String } == ["iran-backs-kh", "kh-attacked-t22"])
        let killed = try #require((changed[1]["changes"] as? [[String: Any]])?.first)
        #expect(killed["field"] as? String == "attributes.killed" && killed["old"] as? String == "3" && killed["new"] == nil)

        let same = try kgraph(["diff", reports, reports, "--format", "json"])
        #expect(same.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(same.stdout.utf8)) as? [String: Any] != nil)
        #expect(same.stdout.contains("\"equal\" : true"))
        let text = try kgraph(["diff", reports, reports])
        #expect(text.status == 0 && text.stdout == "no differences: 5 entities, 5 relations, 3 documents\n")

        #expect(try kgraph(["diff", reports, "/nonexistent/graph.yaml"]).status == 2)
        let broken = try kgraph(["diff", reports, fixtures.appendingPathComponent("broken.yaml").path])
        #expect(broken.status == 2 && broken.stdout.isEmpty)
    }

    @Test func comparesAcrossFormatsAndFolders() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The same graph written as GraphML reads back equal.
        let graphml = dir.appendingPathComponent("reports.graphml").path
        #expect(try kgraph(["export", "graphml", "-o", graphml, "--graph", reports]).status == 0)
        #expect(try kgraph(["diff", reports, graphml]).status == 0)
        // A reviewed change to the shipped graph, as `git show HEAD~1:Graphs/...` would save the old one:
        // one date and one quote edited in a copy of the folder.
        let shipped = packageRoot.appendingPathComponent("Graphs")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: shipped.path).first { $0.hasSuffix(".yaml") })
        let text = try String(contentsOf: shipped.appendingPathComponent(name), encoding: .utf8)
        let edited = dir.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: edited, withIntermediateDirectories: true)
        let changed = text.replacingOccurrences(of: "date: 2024-01-28\n", with: "date: 2024-01-27\n")
        #expect(changed != text)
        try changed.write(to: edited.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let r = try kgraph(["diff", shipped.path, edited.path, "--format", "json"])
        #expect(r.status == 1)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let relations = try #require(o["relations"] as? [String: Any])
        #expect((relations["added"] as? [String])?.isEmpty == true && (relations["removed"] as? [String])?.isEmpty == true)
        let changes = try #require(relations["changed"] as? [[String: Any]])
        #expect(!changes.isEmpty)
        for c in changes {
            #expect((c["changes"] as? [[String: Any]])?.map { $0["field"] as! String } == ["date"])
            #expect((c["changes"] as? [[String: Any]])?.first?["new"] as? String == "2024-01-27")
        }
        #expect((o["entities"] as? [String: Any])?["changed"] as? [Any] != nil)
    }
}
