import Foundation
import Testing

/// `kgraph path`, `neighbors`, `timeline`, `stats` end to end: the built binary, whole outputs and exit codes.
@Suite struct QueryCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: path

    @Test func pathPrintsEveryHopWithItsEvidence() throws {
        let r = try kgraph(["path", "Iran", "United States"] + graph())
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == """
            From Iran [iran] to United States [united-states]

            Path 1 of 1, 2 hops: Iran [iran] to United States [united-states]
              1. Iran --backs--> Kata'ib Hezbollah
                   undated, high confidence, reported
                   mee (Middle East Eye, 2024-02-02): "Iran-backed groups"
              2. Kata'ib Hezbollah <--struck-- United States
                   2024-02-02 (day), high confidence, reported
                   mee (Middle East Eye, 2024-02-02): "struck more than 85 targets"

            """)
    }

    @Test func aSharedNameSearchesAllItsEntitiesAndSaysWhichWasReached() throws {
        let r = try kgraph(["path", "Iran", "US base", "-k", "5"] + graph())
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("From Iran [iran] to \"US base\" (2 entities: Tower 22, Al-Tanf)\n"))
        #expect(r.stdout.contains("Path 1 of 2, 2 hops: Iran [iran] to Tower 22 [tower-22]\n"))
        #expect(r.stdout.contains("Path 2 of 2, 2 hops: Iran [iran] to Al-Tanf [al-tanf]\n"))
        #expect(r.stdout.contains("  2. Kata'ib Hezbollah --attacked--> Tower 22\n       2024-01-28 (day), medium confidence, attributed\n"))
        #expect(r.stdout.hasSuffix("Only 2 loopless paths within the limits (5 asked): at most 6 hops\n"))
        let k = try kgraph(["path", "kind:state", "kind:site", "-k", "9", "--format", "json"] + graph())
        #expect(k.status == 0)
        let o = try json(k.stdout)
        #expect((o["from"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["iran", "united-states"])
        #expect((o["to"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["tower-22", "al-tanf"])
        let paths = try #require(o["paths"] as? [[String: Any]])
        let ends = paths.map { p in ((p["hops"] as? [[String: Any]])?.first?["from"] as? String ?? "") + ">"
            + ((p["hops"] as? [[String: Any]])?.last?["to"] as? String ?? "") }
        #expect(Set(ends) == ["iran>tower-22", "iran>al-tanf", "united-states>tower-22", "united-states>al-tanf"])
        #expect(paths.allSatisfy { $0["length"] as? Int == 2 })
    }

    @Test func pathJSONHasTheDocumentedShape() throws {
        let r = try kgraph(["path", "Kirby", "KH", "--format", "json"] + graph())
        #expect(r.status == 0)
        let o = try json(r.stdout)
        #expect(Set(o.keys) == ["from", "to", "paths"])
        let from = try #require((o["from"] as? [[String: Any]])?.first)
        #expect(from["id"] as? String == "kirby" && from["name"] as? String == "John Kirby" && from["kind"] as? String == "person")
        #expect(from["aliases"] as? [String] == ["Kirby"])
        let path = try #require((o["paths"] as? [[String: Any]])?.first)
        #expect(path["length"] as? Int == 2)
        let hops = try #require(path["hops"] as? [[String: Any]])
        #expect(hops.count == 2)
        #expect(Set(hops[1].keys) == ["from", "to", "relation", "direction", "relationId", "date", "confidence", "assertion", "provenance", "sources"])
        #expect(Set(hops[0].keys) == ["from", "to", "relation", "direction", "relationId", "confidence", "assertion", "provenance", "sources"])
        #expect(hops[0]["from"] as? String == "kirby" && hops[0]["to"] as? String == "united-states")
        #expect(hops[0]["direction"] as? String == "forward" && hops[0]["relation"] as? String == "spoke-for")
        #expect(hops[1]["from"] as? String == "united-states" && hops[1]["to"] as? String == "kataib-hezbollah")
        #expect(hops[1]["direction"] as? String == "forward" && hops[1]["relationId"] as? String == "us-struck-kh")
        #expect(hops[1]["date"] as? String == "2024-02-02" && hops[1]["confidence"] as? String == "high")
        #expect(hops[1]["assertion"] as? String == "reported")
        #expect(hops[1]["sources"] as? [[String: String]] == [["document": "mee", "quote": "struck more than 85 targets"]])
    }

    @Test func directionIsFollowedOnlyForwardWhenDirected() throws {
        let back = try kgraph(["path", "KH", "Iran", "--format", "json"] + graph())
        #expect(back.status == 0)
        let hop = try #require(((try json(back.stdout)["paths"] as? [[String: Any]])?.first?["hops"] as? [[String: Any]])?.first)
        #expect(hop["direction"] as? String == "backward" && hop["from"] as? String == "kataib-hezbollah")
        let r = try kgraph(["path", "KH", "Iran", "--directed"] + graph())
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "no path from Kata'ib Hezbollah [kataib-hezbollah] to Iran [iran] within the limits: "
                + "at most 6 hops; relations followed forward only (--directed)\n")
        #expect(try kgraph(["path", "Iran", "Tower 22", "--directed"] + graph()).status == 0)
    }

    @Test func noPathSaysWhichLimitsAndExits1() throws {
        let r = try kgraph(["path", "Kirby", "Tower 22", "--max-hops", "2", "--via", "spoke-for,struck,attacked", "--exclude", "backs",
                            "--avoid", "Iran", "--since", "2024-01", "--until", "2024-12", "--dated-only",
                            "--min-confidence", "medium"] + graph())
        #expect(r.status == 1)
        #expect(r.stderr == "no path from John Kirby [kirby] to Tower 22 [tower-22] within the limits: at most 2 hops; "
                + "only via attacked, spoke-for, struck; excluding backs; avoiding Iran; 2024-01 to 2024-12, "
                + "dated relations only; confidence medium or higher\n")
        let hops = try kgraph(["path", "Kirby", "Tower 22", "--max-hops", "2"] + graph())
        #expect(hops.status == 1)
        #expect(hops.stderr.hasSuffix("at most 2 hops; the shortest path without the hop limit has 3 hops\n"))
        let json = try kgraph(["path", "Kirby", "Tower 22", "--max-hops", "2", "--format", "json"] + graph())
        #expect(json.status == 1)
        #expect(try self.json(json.stdout)["paths"] as? [Any] != nil)
        #expect((try self.json(json.stdout)["paths"] as? [Any])?.isEmpty == true)
    }

    @Test func filtersChangeTheAnswer() throws {
        // Kirby to Tower 22: spoke-for, struck, attacked (3 hops). Avoiding KH or dropping medium
        // confidence (the Tower 22 attack) leaves none.
        #expect(try kgraph(["path", "Kirby", "Tower 22"] + graph()).status == 0)
        #expect(try kgraph(["path", "Kirby", "Tower 22", "--avoid", "KH"] + graph()).status == 1)
        #expect(try kgraph(["path", "Kirby", "Tower 22", "--min-confidence", "high"] + graph()).status == 1)
        #expect(try kgraph(["path", "Kirby", "Tower 22", "--exclude", "struck"] + graph()).status == 1)
        #expect(try kgraph(["path", "Kirby", "Tower 22", "--via", "spoke-for,struck"] + graph()).status == 1)
        // Undated spoke-for counts in a window only with --include-undated.
        #expect(try kgraph(["path", "Kirby", "Tower 22", "--since", "2024-01-28", "--include-undated"] + graph()).status == 0)
        #expect(try kgraph(["path", "Kirby", "Tower 22", "--since", "2024-01-28"] + graph()).status == 1)
        #expect(try kgraph(["path", "Kirby", "Tower 22", "--dated-only"] + graph()).status == 1)
        #expect(try kgraph(["path", "Kirby", "Tower 22", "--until", "2024-01"] + graph()).status == 1)
        // Al-Tanf (2024-01, month precision) overlaps a window that starts mid-month.
        #expect(try kgraph(["path", "KH", "Al-Tanf", "--since", "2024-01-20"] + graph()).status == 0)
        #expect(try kgraph(["path", "KH", "Al-Tanf", "--since", "2024-02"] + graph()).status == 1)
    }

    @Test func badInputsExit2() throws {
        let cases: [([String], String)] = [
            (["path", "Kataib Hezbolah", "Iran"], "error: no entity is called 'Kataib Hezbolah'; did you mean 'Kata'ib Hezbollah [kataib-hezbollah]'?\n"),
            (["path", "Iran", "kind:base"], "error: unknown kind 'base' in 'kind:base'; kinds: "),
            (["path", "Iran", "Iran"], "error: FROM and TO both stand for Iran; a path needs two different ends\n"),
            (["path", "Iran", "KH", "--avoid", "KH"], "error: 'KH' stands only for avoided entities\n"),
            (["path", "Iran", "KH", "-k", "0"], "error: -k must be at least 1 (got 0)\n"),
            (["path", "Iran", "KH", "--max-hops", "0"], "error: --max-hops must be at least 1 (got 0)\n"),
            (["path", "Iran", "KH", "--since", "2024-13"], "error: --since: '2024-13' is not a possible date (expected YYYY, YYYY-MM or YYYY-MM-DD)\n"),
            (["path", "Iran", "KH", "--since", "2024", "--until", "2023-06"], "error: --until 2023-06 is before --since 2024\n"),
            (["path", "Iran", "KH", "--min-confidence", "sure"], "error: --min-confidence: 'sure' is not a confidence level; use low, medium or high\n"),
            (["path", "Iran", "KH", "--via", "bombed"], "error: --via: unknown relation type 'bombed'; types: "),
            (["path", "Iran", "KH", "--avoid", "Nobody"], "error: --avoid: no entity is called 'Nobody'"),
            (["neighbors", "US base"], "error: 'US base' names several entities: "),
            (["neighbors", "KH", "--depth", "0"], "error: --depth must be at least 1 (got 0)\n"),
            (["neighbors", "KH", "--kind", "fortress"], "error: --kind: unknown entity kind 'fortress'; kinds: "),
            (["timeline", "Nobody"], "error: no entity is called 'Nobody'"),
            (["timeline", "--type", "bombed"], "error: --type: unknown relation type 'bombed'; types: "),
            (["stats", "--top=-1"], "error: --top must be 0 or more (got -1)\n"),
        ]
        for (args, message) in cases {
            let r = try kgraph(args + graph())
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.hasPrefix(message), "\(args): \(r.stderr)")
            #expect(r.stdout == "", "\(args)")
        }
        // A usage error (unknown option) is an input error too.
        #expect(try kgraph(["path", "Iran", "KH", "--hops", "2"] + graph()).status == 2)
    }

    // MARK: neighbors

    @Test func neighborsByDistanceWithTheirRelations() throws {
        let r = try kgraph(["neighbors", "Kirby", "--depth", "2"] + graph())
        #expect(r.status == 0)
        #expect(r.stdout == """
            John Kirby [kirby] (person): 2 entities within 2 hops

            1 hop away (1)
              United States [united-states] (state)
                John Kirby --spoke-for--> United States
                  undated, high confidence, reported
                  mee (Middle East Eye, 2024-02-02): "White House spokesperson John Kirby"

            2 hops away (1)
              Kata'ib Hezbollah [kataib-hezbollah] (militia)
                United States --struck--> Kata'ib Hezbollah
                  2024-02-02 (day), high confidence, reported
                  mee (Middle East Eye, 2024-02-02): "struck more than 85 targets"

            """)
    }

    @Test func neighborsFilters() throws {
        func ids(_ args: [String]) throws -> [String] {
            let r = try kgraph(["neighbors"] + args + ["--format", "json"] + graph())
            let o = try json(r.stdout)
            return (o["entities"] as? [[String: Any]])?.compactMap { ($0["entity"] as? [String: Any])?["id"] as? String } ?? []
        }
        #expect(try ids(["KH"]) == ["tower-22", "al-tanf", "iran", "united-states"])
        #expect(try ids(["KH", "--direction", "out"]) == ["tower-22", "al-tanf"])
        #expect(try ids(["KH", "--direction", "in"]) == ["iran", "united-states"])
        #expect(try ids(["KH", "--type", "attacked,backs"]) == ["tower-22", "al-tanf", "iran"])
        #expect(try ids(["KH", "--kind", "site"]) == ["tower-22", "al-tanf"])
        #expect(try ids(["KH", "--since", "2024-02", "--include-undated"]) == ["iran", "united-states"])
        #expect(try ids(["KH", "--since", "2024-02"]) == ["united-states"])
        #expect(try ids(["KH", "--dated-only"]) == ["tower-22", "al-tanf", "united-states"])
        #expect(try ids(["Kirby", "--depth", "3", "--kind", "state,militia"]) == ["united-states", "kataib-hezbollah", "iran"])
        let j = try json(try kgraph(["neighbors", "Kirby", "--format", "json"] + graph()).stdout)
        #expect((j["center"] as? [String: Any])?["id"] as? String == "kirby")
        #expect((j["entities"] as? [[String: Any]])?.first?["distance"] as? Int == 1)
        #expect((j["relations"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["kirby-spoke-for-us"])
    }

    @Test func noNeighboursExits1() throws {
        let r = try kgraph(["neighbors", "Kirby", "--direction", "in"] + graph())
        #expect(r.status == 1)
        #expect(r.stdout == "John Kirby [kirby] (person): 0 entities within 1 hop\n")
        #expect(r.stderr == "no neighbours of John Kirby [kirby] within the limits: at most 1 hop; relations followed backward only\n")
    }

    // MARK: timeline

    @Test func timelineInOrderWithUndatedLast() throws {
        let r = try kgraph(["timeline"] + graph())
        #expect(r.status == 0)
        #expect(r.stdout == """
            2024-01     Kata'ib Hezbollah --attacked--> Al-Tanf  (high confidence, reported)
                          mee (Middle East Eye, 2024-02-02): "attacks against US targets"
            2024-01-28  Kata'ib Hezbollah --attacked--> Tower 22  (medium confidence, attributed)
                          mee (Middle East Eye, 2024-02-02): "footprints of Kataib Hezbollah"
            2024-02-02  United States --struck--> Kata'ib Hezbollah  (high confidence, reported)
                          mee (Middle East Eye, 2024-02-02): "struck more than 85 targets"
            undated     Iran --backs--> Kata'ib Hezbollah  (high confidence, reported)
                          mee (Middle East Eye, 2024-02-02): "Iran-backed groups"
            undated     John Kirby --spoke-for--> United States  (high confidence, reported)
                          mee (Middle East Eye, 2024-02-02): "White House spokesperson John Kirby"

            """)
    }

    @Test func timelineFilters() throws {
        func ids(_ args: [String]) throws -> [String] {
            let r = try kgraph(["timeline"] + args + ["--format", "json"] + graph())
            let a = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            return a.compactMap { $0["id"] as? String }
        }
        #expect(try ids(["--dated-only"]) == ["kh-attacked-tanf", "kh-attacked-t22", "us-struck-kh"])
        #expect(try ids(["US", "--dated-only"]) == ["us-struck-kh"])
        #expect(try ids(["US base"]) == ["kh-attacked-tanf", "kh-attacked-t22"])
        #expect(try ids(["kind:person", "Iran"]) == ["iran-backs-kh", "kirby-spoke-for-us"])
        // In a window, what began in it comes first, then what may have begun before it (2024-01).
        #expect(try ids(["--type", "attacked", "--since", "2024-01-15"]) == ["kh-attacked-t22", "kh-attacked-tanf"])
        #expect(try ids(["--since", "2024-01"]) == ["kh-attacked-tanf", "kh-attacked-t22", "us-struck-kh"])
        #expect(try ids(["--since", "2024-01", "--include-undated"])
                == ["kh-attacked-tanf", "kh-attacked-t22", "us-struck-kh", "iran-backs-kh", "kirby-spoke-for-us"])
        #expect(try ids(["--until", "2024-01-27", "--dated-only"]) == ["kh-attacked-tanf"])
        let none = try kgraph(["timeline", "--since", "2030", "--dated-only"] + graph())
        #expect(none.status == 1 && none.stdout == "" && none.stderr == "no relations match\n")
    }

    // MARK: stats

    @Test func statsTextAndJSON() throws {
        // PageRank and betweenness as NetworkX 3.6.1 gives them for this graph (see CentralityTests).
        let r = try kgraph(["stats", "--top", "2"] + graph())
        #expect(r.status == 0)
        #expect(r.stdout == """
            Test graph
            6 entities, 5 relations, 1 documents

            Entities by kind
              site     2
              state    2
              militia  1
              person   1

            Relations by type
              attacked   2
              backs      1
              spoke-for  1
              struck     1

            Connected components: 1 (entities: 6)

            Top 2 by degree (relations touching the entity)
               1. 4  Kata'ib Hezbollah [kataib-hezbollah]
               2. 2  United States [united-states]

            Top 2 by betweenness (Brandes; undirected, normalised)
               1. 0.9000  Kata'ib Hezbollah [kataib-hezbollah]
               2. 0.4000  United States [united-states]

            Top 2 by PageRank (relations followed forward, damping 0.85)
               1. 0.2810  Kata'ib Hezbollah [kataib-hezbollah]
               2. 0.2015  Al-Tanf [al-tanf]

            """)
        let j = try json(try kgraph(["stats", "--format", "json", "--top", "1"] + graph()).stdout)
        #expect(j["entities"] as? Int == 6 && j["relations"] as? Int == 5 && j["documents"] as? Int == 1)
        #expect(j["kinds"] as? [String: Int] == ["site": 2, "state": 2, "militia": 1, "person": 1])
        #expect(j["relationTypes"] as? [String: Int] == ["attacked": 2, "backs": 1, "spoke-for": 1, "struck": 1])
        #expect((j["components"] as? [String: Any])?["sizes"] as? [Int] == [6])
        let top = try #require((j["betweenness"] as? [[String: Any]])?.first)
        #expect((top["entity"] as? [String: Any])?["id"] as? String == "kataib-hezbollah")
        #expect(abs((top["score"] as? Double ?? 0) - 0.9) < 1e-12)
        #expect(j["betweennessSamples"] == nil)
        #expect((j["degree"] as? [Any])?.count == 1 && (j["pageRank"] as? [Any])?.count == 1)
    }

    // MARK: the shipped graph

    @Test func shippedGraphLinksTheIRGCToAUSBaseWithEveryHopSourced() throws {
        guard FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("Graphs").path) else {
            Issue.record("Graphs/ is missing from the package")
            return
        }
        let text = try kgraph(["path", "IRGC", "US base"], in: packageRoot)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Path 1 of "))
        let r = try kgraph(["path", "IRGC", "US base", "-k", "3", "--format", "json"], in: packageRoot)
        #expect(r.status == 0)
        let o = try json(r.stdout)
        #expect((o["from"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["irgc"])
        #expect(((o["to"] as? [Any])?.count ?? 0) >= 2, "\"US base\" should stand for several sites")
        let paths = try #require(o["paths"] as? [[String: Any]])
        #expect(!paths.isEmpty)
        for p in paths {
            let hops = try #require(p["hops"] as? [[String: Any]])
            #expect(hops.count == p["length"] as? Int)
            #expect(hops.first?["from"] as? String == "irgc")
            for h in hops {
                let sources = h["sources"] as? [[String: String]] ?? []
                #expect(!sources.isEmpty, "hop \(h["relationId"] ?? "?") has no source")
                #expect(sources.allSatisfy { !($0["document"] ?? "").isEmpty && !($0["quote"] ?? "").isEmpty })
            }
        }
    }
}
