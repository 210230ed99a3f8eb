import Testing
@testable import KGraph

@Suite struct NameTests {
    static let graph: Graph = {
        var g = Graph()
        let entities = [
            Entity(id: "united-states", name: "United States", kind: "state", aliases: ["US", "U.S.", "USA"]),
            Entity(id: "kataib-hezbollah", name: "Kata'ib Hezbollah", kind: "militia", aliases: ["KH", "Hizballah Brigades"]),
            Entity(id: "kataib-sayyid-al-shuhada", name: "Kata'ib Sayyid al-Shuhada", kind: "militia", aliases: ["KSS"]),
            Entity(id: "tower-22", name: "Tower 22", kind: "site", aliases: ["US base"]),
            Entity(id: "al-tanf", name: "Al-Tanf garrison", kind: "site", aliases: ["US base"]),
            Entity(id: "soleimani", name: "Qassem Soleimani", kind: "person", aliases: ["Qasem Soleimani", "Qāsem Soleimānī"]),
            Entity(id: "irgc", name: "Islamic Revolutionary Guard Corps", kind: "armed-force", aliases: ["IRGC"]),
        ]
        for e in entities { try! g.add(e) }
        return g
    }()

    @Test(arguments: [
        ("US", "united-states"), ("u.s.", "united-states"), ("U. S.", "united-states"), ("united-states", "united-states"),
        ("UNITED STATES", "united-states"), ("Kataib Hezbollah", "kataib-hezbollah"), ("Kata'ib Hezbollah", "kataib-hezbollah"),
        ("Kata’ib Hezbollah", "kataib-hezbollah"), ("kata‘ib hezbollah", "kataib-hezbollah"), ("KH", "kataib-hezbollah"),
        ("kataib-hezbollah", "kataib-hezbollah"), ("Kata’ib Sayyid al Shuhada", "kataib-sayyid-al-shuhada"),
        ("Qasem Soleimani", "soleimani"), ("Qāsem Soleimānī", "soleimani"), ("qassem soleimani", "soleimani"),
        ("Qāssem Soleimani", "soleimani"), ("irgc", "irgc"), ("I.R.G.C.", "irgc"), ("tower 22", "tower-22"),
    ])
    func resolves(spelling: String, id: String) throws {
        let names = NameIndex(Self.graph)
        let i = try names.entity(named: spelling, graph: Self.graph)
        #expect(Self.graph.entity(at: i).id == id)
    }

    @Test func sharedAliasIsAmbiguous() throws {
        let names = NameIndex(Self.graph)
        guard case .ambiguous(let all) = names.resolve("us base") else { Issue.record("expected ambiguous"); return }
        #expect(Set(all.map { Self.graph.entity(at: $0).id }) == ["tower-22", "al-tanf"])
        #expect(throws: NameError.ambiguous(name: "US base", candidates: ["Tower 22 [tower-22]", "Al-Tanf garrison [al-tanf]"])) {
            try names.entity(named: "US base", graph: Self.graph)
        }
        #expect(try names.entities(named: "US base", graph: Self.graph).count == 2)
    }

    @Test func unknownNameSuggestsUpToFive() throws {
        let names = NameIndex(Self.graph)
        #expect(throws: NameError.notFound(name: "Katib Hezbolla", suggestions: ["Kata'ib Hezbollah [kataib-hezbollah]"])) {
            try names.entity(named: "Katib Hezbolla", graph: Self.graph)
        }
        guard case .notFound(let s) = names.resolve("Kata") else { Issue.record("expected not found"); return }
        #expect(Set(s.map { Self.graph.entity(at: $0).id }) == ["kataib-hezbollah", "kataib-sayyid-al-shuhada"])
        guard case .notFound(let none) = names.resolve("zzzzzzzz") else { Issue.record("expected not found"); return }
        #expect(none.isEmpty)
    }

    @Test(arguments: [("Kata’ib", "kataib"), ("U.S.", "us"), ("al-Shuhada", "alshuhada"), ("Qāsem", "qasem"), ("ÉTAT", "etat")])
    func folding(raw: String, folded: String) {
        #expect(normalizedName(raw) == folded)
    }

    /// The first lookups scan the entities (`folds`), later ones use the table: both answer alike,
    /// in graph order, for names that fold plainly, with an article, a possessive or other scripts.
    @Test func scanAndTableAgree() {
        let queries = ["US", "u.s.", "Kata'ib Hezbollah", "kataib hezbollah", "Kata’ib Sayyid al Shuhada", "US base",
                       "Qāsem Soleimānī", "the IRGC", "IRGC's", "Tower 22", "tower", "zzz", "", "the", "Kata", "al-tanf"]
        for q in queries {
            let scanned = NameIndex(Self.graph)
            let tabled = NameIndex(Self.graph)
            _ = tabled.foldedKeys  // makes the table
            #expect(scanned.resolve(q) == tabled.resolve(q), "\(q)")
        }
        let names = NameIndex(Self.graph)
        for _ in 0..<(NameIndex.scansBeforeTable + 2) { #expect(names.resolve("us base") == .ambiguous([3, 4])) }
    }

    @Test(arguments: ["United States", "U.S.", "the Pentagon", "The  Pentagon", "Theresa May", "Iran's", "Iran’s", "Kata'ib",
                      "  the x", "the", "Qāsem", "ÉTAT", "al-Shuhada", "a's's", "tower 22", "TOWER-22"])
    func foldsAsNormalizedName(raw: String) {
        for other in ["United States", "pentagon", "thepentagon", "theresamay", "iran", "irans", "kataib", "x", "thex", "the",
                      "qasem", "etat", "alshuhada", "a", "as", "tower22", "tower2", ""] {
            let expected = normalizedName(raw) == other
            var key = other
            #expect(key.withUTF8 { folds(raw, to: $0) } == expected, "\(raw) vs \(other)")
        }
    }
}

