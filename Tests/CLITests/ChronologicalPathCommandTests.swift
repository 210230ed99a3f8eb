import Foundation
import Testing

/// `kgraph path --chronological` end to end on the reports fixture.
@Suite struct ChronologicalPathCommandTests {
    let reports = graph("reports.yaml")

    func paths(_ args: [String]) throws -> (status: Int32, paths: [[String]]) {
        let r = try kgraph(["path"] + args + ["--format", "json"] + reports)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let list = (o["paths"] as? [[String: Any]] ?? []).map { p in
            (p["hops"] as? [[String: Any]] ?? []).map { $0["relationId"] as! String }
        }
        return (r.status, list)
    }

    @Test func onlyPathsThatKeepTimeOrder() throws {
        // The US struck KH on 2024-02-02, after KH attacked Tower 22 (2024-01-28): in time order the
        // way runs through the June 2021 strike on the border facility KH used until June 2021.
        #expect(try paths(["United States", "Tower 22"]).paths == [["us-struck-kh", "kh-attacked-t22"]])
        #expect(try paths(["United States", "Tower 22", "--chronological"]).paths
                == [["us-struck-border", "kh-uses-border", "kh-attacked-t22"]])
        #expect(try paths(["United States", "Tower 22", "-k", "5", "--chronological"]).paths
                == [["us-struck-border", "kh-uses-border", "kh-attacked-t22"]])
        // Backwards in time there is none; the limits say why.
        let none = try kgraph(["path", "Tower 22", "Border facility", "--chronological"] + reports)
        #expect(none.status == 1 && none.stdout.isEmpty)
        #expect(none.stderr == "no path from Tower 22 [tower-22] to Border facility [border-facility] within the limits: "
                + "at most 6 hops; in time order, dated relations only\n")
        #expect(try paths(["Border facility", "Tower 22", "--chronological"]).paths == [["kh-uses-border", "kh-attacked-t22"]])
    }

    @Test func undatedHopsOnlyWithIncludeUndated() throws {
        #expect(try paths(["Iran", "Tower 22", "--chronological"]).status == 1)
        #expect(try paths(["Iran", "Tower 22", "--chronological", "--include-undated"]).paths
                == [["iran-backs-kh", "kh-attacked-t22"]])
    }
}
