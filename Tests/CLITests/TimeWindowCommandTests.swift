import Foundation
import Testing

/// The time window (`--since`, `--until`, `--dated-only`, `--include-undated`) means the same in
/// every command that selects: the built binary, on the reports fixture.
@Suite struct TimeWindowCommandTests {
    let reports = graph("reports.yaml")

    /// Relation ids a selecting command keeps with `window`, read from its JSON.
    func kept(_ command: [String], _ window: [String]) throws -> (status: Int32, ids: Set<String>) {
        let r = try kgraph(command + window + ["--format", "json"] + reports)
        guard r.status == 0 else { return (r.status, []) }
        let any = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        var ids = Set<String>()
        switch command[0] {
        case "path":
            let paths = (any as? [String: Any])?["paths"] as? [[String: Any]] ?? []
            for p in paths { for h in p["hops"] as? [[String: Any]] ?? [] { ids.insert(h["relationId"] as! String) } }
        case "neighbors":
            for rel in (any as? [String: Any])?["relations"] as? [[String: Any]] ?? [] { ids.insert(rel["id"] as! String) }
        default:
            for rel in any as? [[String: Any]] ?? [] { ids.insert(rel["id"] as! String) }
        }
        return (r.status, ids)
    }

    /// Relation ids `export json` (node-link) keeps with `window`.
    func exported(_ window: [String]) throws -> (status: Int32, ids: Set<String>) {
        let r = try kgraph(["export", "json"] + window + reports)
        guard r.status == 0 else { return (r.status, []) }
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (r.status, Set((o["edges"] as? [[String: Any]] ?? []).map { $0["key"] as! String }))
    }

    @Test func everySelectingCommandKeepsTheSameRelations() throws {
        let windows: [([String], Set<String>)] = [
            // June 2021: the strike (2021-06-27) and the use of the facility (2021..2021-06); the undated backs is left out.
            (["--since", "2021-06", "--until", "2021-06"], ["us-struck-border", "kh-uses-border"]),
            (["--since", "2021-06", "--until", "2021-06", "--include-undated"], ["us-struck-border", "kh-uses-border", "iran-backs-kh"]),
            (["--since", "2024"], ["kh-attacked-t22", "us-struck-kh"]),
            (["--dated-only"], ["us-struck-border", "kh-uses-border", "kh-attacked-t22", "us-struck-kh"]),
            (["--until", "2021-12"], ["us-struck-border", "kh-uses-border"]),
        ]
        for (window, expected) in windows {
            #expect(try kept(["relations"], window).ids == expected, "relations \(window)")
            #expect(try kept(["timeline"], window).ids == expected, "timeline \(window)")
            #expect(try exported(window).ids == expected, "export \(window)")
            let dot = try kgraph(["render", "--format", "dot", "--all-relations"] + window + reports)
            #expect(dot.status == 0)
            for id in ["iran-backs-kh", "kh-attacked-t22", "us-struck-border", "kh-uses-border", "us-struck-kh"] {
                #expect(dot.stdout.contains("\"\(id)\"") == expected.contains(id), "render \(window): \(id)")
            }
            // Around Kata'ib Hezbollah: the kept relations touching it, and those among its neighbours.
            let around = try kept(["neighbors", "KH"], window)
            let touching = expected.filter { ["iran-backs-kh", "kh-attacked-t22", "kh-uses-border", "us-struck-kh"].contains($0) }
            #expect(around.ids.isSuperset(of: touching) && around.ids.isSubset(of: expected), "neighbors \(window)")
        }
    }

    @Test func aWindowThatKeepsNothingIsExit1Everywhere() throws {
        let window = ["--since", "2030"]
        for command in [["relations"], ["timeline"], ["neighbors", "KH"], ["path", "Iran", "Tower 22"],
                        ["render", "-o", "/dev/null"], ["render", "--format", "dot"], ["export", "json"], ["export", "graphml"]] {
            let r = try kgraph(command + window + reports)
            #expect(r.status == 1, "\(command): \(r.stderr)")
            #expect(!r.stderr.isEmpty, "\(command)")
        }
        let export = try kgraph(["export", "json"] + window + reports)
        #expect(export.stdout.isEmpty)
        #expect(export.stderr == "no relation falls in the time window (since 2030, dated relations only)\n")
    }

    @Test func contradictoryOrBadWindowsAreExit2() throws {
        for command in [["relations"], ["timeline"], ["neighbors", "KH"], ["path", "Iran", "KH"], ["render"], ["export", "json"]] {
            for window in [["--dated-only", "--include-undated"], ["--since", "2024-13"], ["--since", "2024", "--until", "2023"]] {
                let r = try kgraph(command + window + reports)
                #expect(r.status == 2, "\(command) \(window): \(r.stderr)")
                #expect(r.stdout.isEmpty)
            }
        }
    }

    @Test func timelineOpensWithWhatHappenedInTheWindow() throws {
        let r = try kgraph(["timeline", "--since", "2021-06", "--until", "2021-06"] + reports)
        #expect(r.status == 0)
        #expect(r.stdout == """
            2021-06-27     United States --struck--> Border facility  (high confidence, reported)
                             reuters-2021 (Reuters, 2021-06-28): "precision strikes on facilities used by Iran-backed militias near the border"

            May have begun before 2021-06 (an earlier or coarser start, or none given) and may hold in the window:
            2021..2021-06  Kata'ib Hezbollah --uses--> Border facility  (high confidence, reported)
                             reuters-2021 (Reuters, 2021-06-28): "operational and weapons storage facilities"

            """)
    }
}
