import Foundation
import Testing

/// `--include-parts` on show, timeline and path, run on the shipped graph: the United States with
/// its parts (US armed forces, US Central Command...) answers for CENTCOM's round of strikes.
@Suite struct PartsOptionTests {
    @Test func showWithPartsListsThePartsAndTheirRelations() throws {
        let plain = try kgraph(["show", "United States"] + shippedGraph)
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("  US Central Command -> "))
        let r = try kgraph(["show", "The United States", "--include-parts"] + shippedGraph)
        #expect(r.status == 0)
        #expect(r.stdout.contains("\n  parts: US armed forces, US House of Representatives, US Senate, US Central Command\n"))
        #expect(r.stdout.contains("\n  US Central Command -> IRGC Quds Force  2024-02-02..2024-02-03  high confidence, reported\n"
                                  + "       r001-mee-2024 (Middle East Eye, 2024-02-02): \""))
        // The entity's own rows keep their form.
        #expect(r.stdout.contains("\n  -> Border control point in eastern Syria  2021-02-26  high confidence, reported\n"
                                  + "       r003-reuters-2021 (Reuters (credited as source; republished by an unnamed site), 2021-02): \""))
    }

    @Test func showJSONWithPartsAddsThemAndTheirRelationsOnce() throws {
        func card(_ extra: [String]) throws -> [String: Any] {
            let r = try kgraph(["show", "US", "--format", "json"] + extra + shippedGraph)
            #expect(r.status == 0)
            return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        }
        let plain = try card([])
        #expect(plain["parts"] == nil)
        let whole = try card(["--include-parts"])
        let parts = try #require(whole["parts"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(parts == ["us-forces", "us-house", "us-senate", "centcom"])
        let ids = try #require(whole["relations"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.contains("centcom-struck-quds-force-2024-02-02"))
        #expect(Set(ids).count == ids.count)
        let plainIDs = try #require(plain["relations"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(Array(ids.prefix(plainIDs.count)) == plainIDs)
    }

    @Test func timelineWithPartsHasTheRoundStruckByCENTCOM() throws {
        let args = ["timeline", "United States", "--type", "struck", "--since", "2024-02", "--format", "json"]
        func sources(_ extra: [String]) throws -> [String] {
            let r = try kgraph(args + extra + shippedGraph)
            #expect(r.status == 0)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            return list.compactMap { $0["source"] as? String }
        }
        #expect(try sources([]) == ["united-states"])
        // CENTCOM's round began in the window; the US strikes since 2023-10-07 began before it, so come after.
        #expect(try sources(["--include-parts"]) == ["centcom", "centcom", "centcom", "centcom", "united-states"])
    }

    @Test func pathWithPartsStartsFromAPart() throws {
        let args = ["path", "United States", "Quds Force", "--via", "struck", "--directed"]
        let plain = try kgraph(args + shippedGraph)
        #expect(plain.status == 1)
        let r = try kgraph(args + ["--include-parts"] + shippedGraph)
        #expect(r.status == 0)
        #expect(r.stdout.contains("1. US Central Command --struck--> IRGC Quds Force"))
    }

    /// A report's "The Pentagon" and "Iran’s Islamic Revolutionary Guard Corps" name entities.
    @Test func showResolvesALeadingArticleAndAPossessive() throws {
        for (name, header) in [("The Pentagon", "Pentagon [pentagon]"),
                               ("Iran’s Islamic Revolutionary Guard Corps", "Islamic Revolutionary Guard Corps [irgc]"),
                               ("Baghdad's Green Zone", "Green Zone [green-zone]")] {
            let r = try kgraph(["show", name] + shippedGraph)
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.hasPrefix(header + "\n"), "\(name)")
        }
    }
}
