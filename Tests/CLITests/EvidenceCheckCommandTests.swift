import Foundation
import Testing

/// `kgraph check` beyond form: events after their sources, and sources that disagree, as warnings
/// that keep both claims (Fixtures/disagreements.yaml holds one of each).
@Suite struct EvidenceCheckCommandTests {
    let fixture = graph("disagreements.yaml")

    @Test func warnsOfEachDisagreementAtItsPlace() throws {
        let r = try kgraph(["check"] + fixture)
        #expect(r.status == 0)
        let warnings = r.stdout.split(separator: "\n").filter { $0.contains(": warning: ") }
            .map { String($0.split(separator: "/").last!) }
        #expect(warnings == [
            "disagreements.yaml:18:5: warning: 'Kata'ib Hezbollah attacked Tower 22' is dated 2024-01-28 in 'kh-attacked-t22-wire' (wire) and 2024-01-27 in 'kh-attacked-t22-paper' (paper): maybe one event dated differently; both kept",
            "disagreements.yaml:18:5: warning: different figures for killed of 'Kata'ib Hezbollah attacked Tower 22': 3 in 'kh-attacked-t22-wire' (wire) and 4 in 'kh-attacked-t22-paper' (paper); both kept",
            "disagreements.yaml:31:5: warning: contradiction: 'Kata'ib Hezbollah attacked Green Zone' is reported in 'kh-attacked-gz' (wire) and denied in 'kh-denied-gz' (paper); both kept",
            "disagreements.yaml:39:5: warning: 'future' is dated 2024-03-01 but every source citing it was published by 2024-01-20: a report cannot tell what had not happened",
            "disagreements.yaml:44:40: warning: words said on 2024-01-25 are quoted from 'early', published 2024-01-20",
        ])
        // Same figure text ("more than 40") is no disagreement; warnings fail only --strict.
        #expect(!r.stdout.contains("injured"))
        #expect(try kgraph(["check", "--strict"] + fixture).status == 2)
    }

    @Test func jsonListsThemWithBothRelations() throws {
        let r = try kgraph(["check", "--format", "json"] + fixture)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["warnings"] as? Int == 5)
        let found = (o["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "warning" }
        #expect(found.map { $0["relations"] as? [String] ?? [] } == [
            ["kh-attacked-t22-wire", "kh-attacked-t22-paper"], ["kh-attacked-t22-wire", "kh-attacked-t22-paper"],
            ["kh-attacked-gz", "kh-denied-gz"], ["future"], ["future"],
        ])
        #expect(found.map { $0["line"] as? Int } == [18, 18, 31, 39, 44])
    }

    /// Each rule needs what it says: move the denial to another year, the two datings more than a
    /// week apart, publish the early report after the event, and nothing is left.
    @Test func eachRuleNeedsItsCondition() throws {
        var text = try String(contentsOf: fixtures.appendingPathComponent("disagreements.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "date: 2024-01-15", with: "date: 2023-01-15")
            .replacingOccurrences(of: "date: 2024-01-27", with: "date: 2024-01-17")
            .replacingOccurrences(of: "published: 2024-01-20", with: "published: 2024-03-02")
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("g.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try kgraph(["check", "--graph", file.path])
        #expect(r.status == 0 && !r.stdout.contains("warning"), "\(r.stdout)")
    }

    /// The shipped graph yields none (README, Evidence).
    @Test func theShippedGraphHasNone() throws {
        let r = try kgraph(["check", "--strict", "--graph", packageRoot.appendingPathComponent("Graphs").path])
        #expect(r.status == 0 && !r.stdout.contains("warning"))
    }
}
