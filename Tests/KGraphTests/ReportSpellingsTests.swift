import Foundation
import Testing
@testable import KGraph

/// Every name or phrase a report uses for an actor or a site resolves to its entity, the way
/// `kgraph show` resolves it. The list is the reports' own wording, checked against their texts.
///
/// What counts as a spelling: the name as the report writes it, with its article and possessive
/// ("The Pentagon", "Iran’s Islamic Revolutionary Guard Corps"), straight or curly apostrophe as
/// printed. Titles before a person's name are left out except "President" ("White House
/// spokesperson John Kirby" is listed as "John Kirby"), and so are descriptive nouns after a
/// group's name ("the Kata’ib Hezbollah militia group" is "Kata’ib Hezbollah"). Pronoun-like
/// references ("the group", "militants", "the base") and the outlets that only published a report
/// (Business Insider) are not names.
@Suite struct ReportSpellingsTests {
    /// (report file, spelling as printed, entity id).
    static let spellings: [(String, String, String)] = [
        // 000: Syria, March 2023
        ("000", "the United States", "united-states"),
        ("000", "Iran-backed proxy groups", "iran-backed-militias"),
        ("000", "U.S. military installation", "al-omar-installation"),
        ("000", "Al-Omar oil field", "al-omar-oil-field"),
        ("000", "John Kirby", "john-kirby"),
        ("000", "the White House’s", "white-house"),
        ("000", "Reuters’s", "reuters"),
        ("000", "Iranian Islamic Revolutionary Guards Corps", "irgc"),
        ("000", "(IRGC)", "irgc"),
        ("000", "the IRGC", "irgc"),
        ("000", "weapons storage facility", "dez-weapons-storage"),
        ("000", "command center", "dez-command-center"),
        ("000", "information gathering facility", "dez-intelligence-facility"),
        ("000", "The New York Times", "new-york-times"),
        ("000", "the Times", "new-york-times"),
        ("000", "U.S. coalition installation", "hasakah-coalition-facility"),
        ("000", "CNN", "cnn"),
        ("000", "Kirby", "john-kirby"),
        ("000", "U.S.-led forces", "us-led-coalition"),
        ("000", "Iranian-backed groups", "iran-backed-militias"),
        ("000", "Iran", "iran"),
        ("000", "U.S. personnel", "us-forces"),
        ("000", "The Pentagon", "pentagon"),
        ("000", "American forces", "us-forces"),
        ("000", "Iranian-backed militias", "iran-backed-militias"),
        ("000", "Kurdish forces", "kurdish-forces"),
        ("000", "the Islamic State", "islamic-state"),
        ("000", "coalition forces", "us-led-coalition"),
        ("000", "American troops", "us-forces"),
        // 001: Tower 22 and the strikes of 2 February 2024
        ("001", "The United States", "united-states"),
        ("001", "Iran-backed groups", "iran-backed-militias"),
        ("001", "American outpost in Jordan", "tower-22"),
        ("001", "US Central Command", "centcom"),
        ("001", "Iran’s Islamic Revolutionary Guard Corps", "irgc"),
        ("001", "Iran’s Islamic Revolutionary Guard Corps (IRGC) Quds Force", "quds-force"),
        ("001", "affiliated armed groups", "iran-backed-militias"),
        ("001", "Centcom", "centcom"),
        ("001", "The US military", "us-forces"),
        ("001", "Syrian state media", "syrian-state-media"),
        ("001", "US President Joe Biden", "joe-biden"),
        ("001", "Washington", "united-states"),
        ("001", "IRGC", "irgc"),
        ("001", "Iranian media outlets", "iranian-media"),
        ("001", "Israel", "israel"),
        ("001", "southern district of Damascus", "damascus"),
        ("001", "Saeed Alidadi", "saeed-alidadi"),
        ("001", "the Biden administration", "white-house"),
        ("001", "Jordan", "jordan"),
        ("001", "White House", "white-house"),
        ("001", "Islamic Resistance in Iraq", "islamic-resistance-in-iraq"),
        ("001", "“Islamic Resistance in Iraq”", "islamic-resistance-in-iraq"),
        ("001", "Iran-backed paramilitaries", "iran-backed-militias"),
        ("001", "Israel’s", "israel"),
        ("001", "Gaza", "gaza"),
        ("001", "Kataib Hezbollah", "kataib-hezbollah"),
        ("001", "US forces", "us-forces"),
        ("001", "the occupation forces", "us-forces"),
        ("001", "the Iraqi government", "iraqi-government"),
        ("001", "Abu Hussein al-Hamidawi", "abu-hussein-al-hamidawi"),
        ("001", "Palestine", "palestine"),
        ("001", "the Middle East", "middle-east"),
        ("001", "Middle East Eye", "middle-east-eye"),
        ("001", "Iraq", "iraq"),
        ("001", "Syria", "syria"),
        // 002: the June 2021 strikes, machine-translated (garbles kept as aliases)
        ("002", "Iranian-backed militants", "iran-backed-militias"),
        ("002", "Pentagon Secretary of State", "john-kirby"),
        ("002", "President Biden", "joe-biden"),
        ("002", "Iranian-backed militant groups", "iran-backed-militias"),
        ("002", "the Iraq-Syria border", "iraq-syria-border"),
        ("002", "US military forces", "us-forces"),
        ("002", ".SS)", "kataib-sayyid-al-shuhada"),
        ("002", "Iran-backed militants", "iran-backed-militias"),
        ("002", "Jessica McNaldy", "jessica-mcnulty"),
        ("002", "McNaldy", "jessica-mcnulty"),
        ("002", "pro-Iranian militant groups", "iran-backed-militias"),
        ("002", "the Iranian government", "iran"),
        ("002", "The Syrian Observatory for Human Rights", "sohr"),
        ("002", "Iranian-backed Iraqi militants", "iran-backed-militias"),
        ("002", "AFP", "afp"),
        ("002", "Tehran", "iran"),
        ("002", "the Council", "us-house"),
        ("002", "2002 Unauthorized Use of Military Force in Iraq", "aumf-2002"),
        ("002", "(AUMF)", "aumf-2002"),
        ("002", "Senators", "us-senate"),
        ("002", "the White House", "white-house"),
        ("002", "Camp David", "camp-david"),
        // 003: the February 2021 strike
        ("003", "President Joe Biden", "joe-biden"),
        ("003", "Iran-aligned militia groups", "iran-backed-militias"),
        ("003", "Iran-supported armed group", "iran-backed-militias"),
        ("003", "Iran-supported armed group base", "border-control-point"),
        ("003", "eastern Syria", "eastern-syria"),
        ("003", "Pentagon", "pentagon"),
        ("003", "U.S. military forces", "us-forces"),
        ("003", "Coalition personnel", "us-led-coalition"),
        ("003", "Biden’s", "joe-biden"),
        ("003", "border control point", "border-control-point"),
        ("003", "Kata’ib Hezbollah", "kataib-hezbollah"),
        ("003", "(KH)", "kataib-hezbollah"),
        ("003", "(KSS)", "kataib-sayyid-al-shuhada"),
        ("003", "Kata’ib Sayyid al-Shuhada", "kataib-sayyid-al-shuhada"),
        ("003", "US official", "unnamed-us-official"),
        ("003", "Donald Trump", "donald-trump"),
        ("003", "Trump’s", "donald-trump"),
        ("003", "Qassem Soleimani", "qassem-soleimani"),
        ("003", "the US troops", "us-forces"),
        ("003", "Baghdad’s Green Zone", "green-zone"),
        ("003", "Baghdad’s", "baghdad"),
        ("003", "the US embassy", "us-embassy-baghdad"),
        ("003", "Iran-backed militia groups", "iran-backed-militias"),
        ("003", "Reuters", "reuters"),
        ("003", "2015 nuclear treaty", "jcpoa"),
        ("003", "2015 nuclear agreement", "jcpoa"),
        // 004: the June 2021 strikes
        ("004", "US", "united-states"),
        ("004", "Iraq-Syria border region", "iraq-syria-border"),
        ("004", "Kata’ib Hezbollah", "kataib-hezbollah"),
        ("004", "the Government of Iraq", "iraqi-government"),
        ("004", "the Iraqi Security Forces", "iraqi-security-forces"),
        ("004", "ISIS", "islamic-state"),
        ("004", "Iraqi airbase", "erbil-air-base"),
        ("004", "the US military", "us-forces"),
        ("004", "former President Donald Trump", "donald-trump"),
        ("004", "the 2015 nuclear deal", "jcpoa"),
    ]

    static let graph: Result<Graph, GraphLocationError> = Result { () throws(GraphLocationError) in
        try GraphLoader.load(paths: [ShippedGraphTests.graphsPath]).graph
    }

    /// The report texts the graph ships (`Graphs/documents/`), by their number ("000"), whitespace
    /// runs folded to one space.
    static func reports() throws -> [String: String] {
        let folder = URL(fileURLWithPath: ShippedGraphTests.graphsPath).appendingPathComponent("documents")
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".txt") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            texts[String(file.prefix(3))] = ShippedGraphTests.folded(text)
        }
        return texts
    }

    @Test func everySpellingResolvesToItsOneEntity() throws {
        let g = try Self.graph.get()
        let names = NameIndex(g)
        for (report, spelling, id) in Self.spellings {
            switch names.resolve(spelling) {
            case .unique(let i): #expect(g.entity(at: i).id == id, "\(report): '\(spelling)' resolves to \(g.entity(at: i).id), not \(id)")
            case .ambiguous(let all): Issue.record("\(report): '\(spelling)' names several entities: \(all.map { g.entity(at: $0).id })")
            case .notFound: Issue.record("\(report): '\(spelling)' does not resolve (expected \(id))")
            }
        }
    }

    @Test func everySpellingIsTheReportsOwnWording() throws {
        let texts = try Self.reports()
        #expect(texts.count == 5)
        for (report, spelling, _) in Self.spellings {
            let text = try #require(texts[report], "no report \(report)")
            #expect(text.contains(spelling), "\(report) does not contain '\(spelling)'")
        }
    }

    /// Each of the five reports has its spellings listed.
    @Test func theListCoversEveryReport() {
        let byReport = Dictionary(grouping: Self.spellings, by: { $0.0 })
        #expect(Set(byReport.keys) == ["000", "001", "002", "003", "004"])
        for (report, list) in byReport { #expect(list.count >= 10, "\(report): only \(list.count) spellings") }
    }
}
