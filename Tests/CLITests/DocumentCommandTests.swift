import Foundation
import Testing

/// `kgraph documents`, `relations --document`, `timeline --document` end to end.
@Suite struct DocumentCommandTests {
    let reports = graph("reports.yaml")

    @Test func documentsListsEachWithWhatItSupports() throws {
        let r = try kgraph(["documents"] + reports)
        #expect(r.status == 0)
        #expect(r.stdout == """
            reuters-2021  2021-06-28  3 relations, 4 entities
                          Reuters: U.S. strikes Iran-backed militia facilities on Iraq-Syria border
            mee           2024-02-02  3 relations, 4 entities
                          Middle East Eye: US launches retaliatory strikes in Iraq, Syria
            notes         undated     0 relations, 0 entities
                          Background notes on the militias of Iraq and the many groups that back them

            """)
        let json = try kgraph(["documents", "--format", "json"] + reports)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["id"] as! String } == ["reuters-2021", "mee", "notes"])
        #expect(list.map { $0["relations"] as! Int } == [3, 3, 0])
        #expect(list[0]["outlet"] as? String == "Reuters" && list[0]["published"] as? String == "2021-06-28")
        #expect(list[2]["published"] == nil)
        let uncited = try kgraph(["documents", "--uncited"] + reports)
        #expect(uncited.status == 0 && uncited.stdout.hasPrefix("notes  undated     0 relations"))
        let none = try kgraph(["documents", "--uncited"] + graph())
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr == "every document is cited\n")
    }

    @Test func relationsAndTimelineByDocument() throws {
        func ids(_ args: [String]) throws -> [String] {
            let r = try kgraph(args + ["--format", "json"] + reports)
            let a = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            return a.compactMap { $0["id"] as? String }
        }
        #expect(try ids(["relations", "--document", "reuters-2021"]) == ["iran-backs-kh", "us-struck-border", "kh-uses-border"])
        // By outlet or title, folded as names are.
        #expect(try ids(["relations", "--document", "reuters"]) == ["iran-backs-kh", "us-struck-border", "kh-uses-border"])
        #expect(try ids(["relations", "--document", "Middle East Eye", "--type", "struck"]) == ["us-struck-kh"])
        #expect(try ids(["relations", "--document", "mee", "--involving", "Tower 22"]) == ["kh-attacked-t22"])
        #expect(try ids(["timeline", "--document", "reuters-2021"]) == ["kh-uses-border", "us-struck-border", "iran-backs-kh"])
        #expect(try ids(["timeline", "--document", "mee", "--dated-only"]) == ["kh-attacked-t22", "us-struck-kh"])
        let none = try kgraph(["relations", "--document", "notes"] + reports)
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr == "no relations match\n")
        let unknown = try kgraph(["relations", "--document", "reuter-2021"] + reports)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: --document: no document is called 'reuter-2021'; did you mean 'reuters-2021'?\n")
        #expect(try kgraph(["timeline", "--document", "nowhere"] + reports).status == 2)
    }
}
