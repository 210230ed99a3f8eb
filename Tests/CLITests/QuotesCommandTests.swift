import Foundation
import Testing

/// `kgraph quotes NAME` and the statements of `kgraph show`, end to end.
@Suite struct QuotesCommandTests {
    let statements = graph("statements.yaml")
    static let shipped = ["--graph", packageRoot.appendingPathComponent("Graphs").path]

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func listsWhatAPersonSaidWhenAndWhatItSupports() throws {
        let r = try kgraph(["quotes", "KIRBY"] + statements)
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout == """
            John Kirby [kirby]: 2 statements in 2 documents

            2024-02-01 (said)  wire (Wire, 2024-02-03)
              "the footprints of KH"
              supports: Kata'ib Hezbollah --attacked--> Tower 22  2024-01-28  medium confidence, attributed  [wire (Wire, 2024-02-03)]
              supports: John Kirby --spoke-for--> Pentagon  2024-02-01  high confidence, reported  [wire (Wire, 2024-02-03)]

            undated  notes (Background notes)
              "more strikes may follow"
              supports: United States --struck--> Kata'ib Hezbollah  2024-02-02..2024-02-03  high confidence, reported  [wire (Wire, 2024-02-03), notes (Background notes)]

            """)
    }

    @Test func nobodySaidNothingIsExit1PartsSpeakForTheWhole() throws {
        let none = try kgraph(["quotes", "United States"] + statements)
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr == "no citation names United States as its speaker\n")
        let parts = try kgraph(["quotes", "United States", "--include-parts"] + statements)
        #expect(parts.status == 0)
        #expect(parts.stdout.contains("2024-02-02 (said)  Pentagon  wire (Wire, 2024-02-03)\n  \"we struck 85 targets\"\n"))
        let unknown = try kgraph(["quotes", "Nobody"] + statements)
        #expect(unknown.status == 2 && unknown.stderr.contains("Nobody"))
    }

    @Test func jsonGivesEachStatementWithItsDocumentAndRelations() throws {
        let r = try kgraph(["quotes", "kirby", "--format", "json"] + statements)
        #expect(r.status == 0)
        let o = try json(r.stdout)
        #expect((o["speakers"] as? [[String: Any]])?.map { $0["id"] as? String } == ["kirby"])
        let s = try #require(o["statements"] as? [[String: Any]])
        #expect(s.map { $0["quote"] as? String } == ["the footprints of KH", "more strikes may follow"])
        #expect(s.map { $0["date"] as? String } == ["2024-02-01", nil])
        #expect(s.map { $0["said"] as? String } == ["2024-02-01", nil])
        #expect((s[0]["document"] as? [String: Any])?["outlet"] as? String == "Wire")
        let supported = (s[0]["relations"] as? [[String: Any]] ?? []).map { $0["id"] as? String }
        #expect(supported == ["kh-attacked-t22", "kirby-spoke-for-pentagon"])
        let none = try kgraph(["quotes", "Tower 22", "--format", "json"] + statements)
        #expect(none.status == 1)
        #expect(try json(none.stdout)["statements"] as? [Any] != nil)
    }

    @Test func showListsTheStatements() throws {
        let r = try kgraph(["show", "Kirby"] + statements)
        #expect(r.stdout.hasSuffix("""

            statements (2; kgraph quotes lists what each supports)
              2024-02-01 (said)  "the footprints of KH"  [wire (Wire, 2024-02-03)]
              undated  "more strikes may follow"  [notes (Background notes)]

            """))
        let j = try json(try kgraph(["show", "Kirby", "--format", "json"] + statements).stdout)
        #expect((j["statements"] as? [[String: Any]])?.count == 2)
        let tower = try json(try kgraph(["show", "Tower 22", "--format", "json"] + statements).stdout)
        #expect(tower["statements"] == nil)
    }

    /// "What did John Kirby say, and when?" from the shipped graph: every citation naming him as its
    /// speaker is one of his statements (grouped by words and day), each in order, each dated.
    @Test func kirbyAnswersFromTheShippedGraph() throws {
        let r = try kgraph(["quotes", "Kirby", "--format", "json"] + Self.shipped)
        #expect(r.status == 0)
        let s = try #require(try json(r.stdout)["statements"] as? [[String: Any]])
        let relations = try #require(try JSONSerialization.jsonObject(
            with: Data(try kgraph(["relations", "--format", "json"] + Self.shipped).stdout.utf8)) as? [[String: Any]])
        var cited = Set<String>(), listed = Set<String>()
        for rel in relations {
            for c in rel["sources"] as? [[String: String]] ?? [] where c["speaker"] == "john-kirby" {
                cited.insert("\(rel["id"]!) \(c["document"]!) \(c["quote"]!)")
            }
        }
        for st in s {
            #expect(st["speaker"] as? String == "john-kirby")
            #expect(st["date"] as? String != nil, "undated: \(st["quote"]!)")
            for rel in st["relations"] as? [[String: Any]] ?? [] {
                listed.insert("\(rel["id"]!) \((st["document"] as! [String: Any])["id"]!) \(st["quote"]!)")
            }
        }
        #expect(listed == cited && cited.count > 50)
        let days = s.compactMap { $0["date"] as? String }
        #expect(days == days.sorted())
        // His statement of Sunday 27 June 2021 supports the strikes of Monday 28 June (local date).
        let text = try kgraph(["quotes", "Kirby"] + Self.shipped).stdout
        let block = try #require(text.components(separatedBy: "\n\n").first { $0.contains("\"attacking operational and weapons storage") })
        #expect(block.hasPrefix("2021-06-27 (said)  r002-border-2021 ("))
        #expect(block.contains("\n  supports: United States --struck--> Operational and weapons storage facilities in Syria near the Iraq border  2021-06-28  "))
    }
}
