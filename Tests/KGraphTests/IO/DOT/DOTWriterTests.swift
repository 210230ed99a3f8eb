import Foundation
import Testing
@testable import KGraph

/// Names, quotes and vocabulary text that try to break out of DOT strings, HTML-like labels, SVG
/// and links. Rendered through the real library in KGraphRenderTests/SVGRenderTests.swift too.
enum Hostile {
    static let name = #"Kata'ib "H" <b>bold</b> & Co \N \G \\ {x|y} <TABLE> ]]>"#
    static let script = "--><script>alert(1)</script><!--"
    static let entityRef = "AT&amp;T &lt;x&gt; &#92;"
    static let quote = "he said \"<script>alert('x')</script>\" & left \\n \\l\nsecond line"
    static let goodURL = "https://example.org/a b?x=1&y=\"2\"<z>'"
    static let badURL = "javascript:alert(document.cookie)"

    static func graph() throws -> Graph {
        var g = Graph()
        var v = g.vocabulary
        v.define(EntityKind(id: "cell", label: "<i>cell</i> & \"k\"", shape: "box", fill: "red\"; URL=\"javascript:x"))
        g.vocabulary = v
        try g.add(Document(id: "good", title: "A <good> report", outlet: "Outlet & Co", published: PartialDate("2024-02-02"), url: goodURL))
        try g.add(Document(id: "bad", title: "A bad report", url: badURL))
        try g.add(Entity(id: "a\"b\\c", name: name, kind: "militia", aliases: [script]))
        try g.add(Entity(id: "x-->y", name: script, kind: "cell"))
        try g.add(Entity(id: "amp", name: entityRef, kind: "state", description: quote))
        try g.add(Entity(id: "two", name: "two\nlines", kind: "person"))
        try g.add(Relation(id: "r1", source: "a\"b\\c", type: "attacked", target: "x-->y", time: try TimeSpan.parse("2024-01-28").get(),
                           sources: [Citation(document: "good", quote: quote)]))
        try g.add(Relation(id: "r2--><script>", source: "amp", type: "backs", target: "a\"b\\c",
                           sources: [Citation(document: "bad", quote: script)], note: name))
        try g.add(Relation(id: "r3", source: "two", type: "spoke-for", target: "amp", sources: [Citation(document: "bad", quote: "q")]))
        return g
    }
}

/// Three strikes on one target, one on another, a symmetric pair and an undated relation.
func strikesGraph() throws -> Graph {
    var g = Graph()
    for (id, name, kind) in [("us", "United States", "state"), ("kh", "Kata'ib Hezbollah", "militia"),
                             ("iran", "Iran", "state"), ("kss", "Kata'ib Sayyid al-Shuhada", "militia")] {
        try g.add(Entity(id: id, name: name, kind: kind))
    }
    func t(_ s: String) throws -> TimeSpan { try TimeSpan.parse(s).get() }
    try g.add(Relation(id: "s1", source: "us", type: "struck", target: "kh", time: t("2021-02-25")))
    try g.add(Relation(id: "s2", source: "us", type: "struck", target: "kh", time: t("2024-02")))
    try g.add(Relation(id: "s3", source: "us", type: "struck", target: "kh", time: t("2021-06-27")))
    try g.add(Relation(id: "s4", source: "us", type: "struck", target: "kss", time: t("2021-06-27")))
    try g.add(Relation(id: "t1", source: "us", type: "negotiated-with", target: "iran", time: t("2021-04")))
    try g.add(Relation(id: "t2", source: "iran", type: "negotiated-with", target: "us", time: t("2021-06")))
    try g.add(Relation(id: "b1", source: "iran", type: "backs", target: "kh"))
    return g
}

@Suite struct DOTWriterTests {
    /// The DOT lines that draw an edge (`"a" -> "b" [...]`).
    func edgeLines(_ dot: String) -> [Substring] { dot.split(separator: "\n").filter { $0.contains("\" -> \"") } }

    /// The line declaring node `id`.
    func nodeLine(_ dot: String, _ id: String) -> Substring? {
        dot.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(DOTEscaping.quote(id) + " [") }
    }

    @Test func stylesComeFromTheVocabulary() throws {
        var g = try strikesGraph()
        let dot = DOTWriter.dot(g, options: DOTOptions())
        let kh = try #require(nodeLine(dot, "kh"))
        #expect(kh.contains(##"shape="octagon""##) && kh.contains(##"fillcolor="#f9cb9c""##))
        #expect(kh.contains(##"<FONT POINT-SIZE="8" COLOR="#555555">militia</FONT>"##))
        let us = try #require(nodeLine(dot, "us"))
        #expect(us.contains(#"style="rounded,filled""#))
        let struck = try #require(edgeLines(dot).first { $0.contains(#""us" -> "kh""#) })
        #expect(struck.contains(##"color="#1a3a8f""##) && struck.contains("penwidth="))
        let backs = try #require(edgeLines(dot).first { $0.contains(#""iran" -> "kh""#) })
        // The type gives the colour; the pattern is the evidence's (reported: solid), whatever the type's style.
        #expect(!backs.contains("style=") && backs.contains(##"color="#2e7d32""##))
        // A user restyles a kind and a type in data.
        var v = g.vocabulary
        v.define(EntityKind(id: "militia", label: "armed militia", shape: "doublecircle", fill: "#123456"))
        v.define(RelationType(id: "backs", label: "sponsors", color: "#abcdef", style: "dotted"))
        g.vocabulary = v
        let restyled = DOTWriter.dot(g, options: DOTOptions())
        #expect(try #require(nodeLine(restyled, "kh")).contains(#"shape="doublecircle""#))
        #expect(restyled.contains(##"fillcolor="#123456""##) && restyled.contains("armed militia"))
        let sponsors = try #require(edgeLines(restyled).first { $0.contains(#""iran" -> "kh""#) })
        #expect(!sponsors.contains("style=") && sponsors.contains(##"color="#abcdef""##) && sponsors.contains("><TR><TD>sponsors</TD></TR></TABLE>>"))
    }

    /// The line of a relation shows the strength of its evidence (StrengthStyle), parallel relations
    /// of different strength stay apart, and the legend explains exactly the strengths drawn.
    @Test func linesShowTheStrengthOfTheEvidence() throws {
        var g = Graph()
        try g.add(Document(id: "d", title: "D"))
        try g.add(Entity(id: "kh", name: "KH", kind: "militia"))
        try g.add(Entity(id: "gz", name: "Green Zone", kind: "site"))
        func add(_ id: String, _ c: Confidence?, _ a: Assertion?, _ p: Provenance = .reported) throws {
            try g.add(Relation(id: id, source: "kh", type: "attacked", target: "gz", confidence: c, assertion: a,
                               sources: [Citation(document: "d", quote: "q")], provenance: p))
        }
        try add("reported", .high, .reported)
        try add("reported-2", .high, .reported)
        try add("attributed", .medium, .attributed)
        try add("alleged", .high, .alleged)
        try add("denied", .low, .denied)
        try add("added", .high, .reported, .added)
        try add("unrated", nil, nil)
        let dot = DOTWriter.dot(g, options: DOTOptions())
        func line(_ id: String) throws -> Substring { try #require(edgeLines(dot).first { $0.contains("comment=\"\(id)") }) }
        #expect(edgeLines(dot).count == 6)
        let reported = try line("reported reported-2")
        #expect(!reported.contains("style=") && !reported.contains("arrowhead") && reported.contains(##"color="#c62828""##))
        let attributedLine = try line("attributed")
        #expect(attributedLine.contains("style=dashed") && attributedLine.contains(">attributed</FONT>"))
        let allegedLine = try line("alleged")
        #expect(allegedLine.contains("style=dotted") && allegedLine.contains(##"color="#c628288c""##))
        let deniedLine = try line("denied")
        #expect(deniedLine.contains(##"color="#9e9e9e""##) && deniedLine.contains("arrowhead=tee"))
        let added = try line("added"), unrated = try line("unrated")
        #expect(added.contains("arrowhead=empty") && added.contains("added</FONT>"))
        #expect(unrated.contains("arrowhead=odot") && unrated.contains("unrated</FONT>"))
        // Thinner for lower confidence.
        func width(_ l: Substring) -> Double { Double(l.split(separator: "penwidth=")[1].prefix { $0 != "," })! }
        let (denied, attributed, alleged) = (width(try line("denied")), width(try line("attributed")), width(try line("alleged")))
        #expect(denied < attributed && attributed < alleged)
        for text in ["reported", "attributed", "alleged", "⊣ denied", "medium confidence", "low confidence",
                     "▷ added from general knowledge", "○ unrated"] {
            #expect(dot.contains(">\(text)</FONT>"), "legend: \(text)")
        }
        // Only what is drawn: a picture of reported, high-confidence facts has no evidence legend.
        let plain = try strikesGraph()
        let quiet = DOTWriter.dot(plain, options: DOTOptions())
        #expect(!quiet.contains("Evidence") && quiet.contains("Relations"))
        var two = Graph()
        try two.add(Document(id: "d", title: "D"))
        try two.add(Entity(id: "kh", name: "KH", kind: "militia"))
        try two.add(Entity(id: "gz", name: "Green Zone", kind: "site"))
        for r in g.relations where ["reported", "denied"].contains(r.id) { try two.add(r) }
        let some = DOTWriter.dot(two, options: DOTOptions())
        #expect(some.contains(">⊣ denied</FONT>") && some.contains(">low confidence</FONT>") && !some.contains("alleged</FONT>"))
    }

    @Test func parallelRelationsCollapseWithCountAndDateRange() throws {
        let g = try strikesGraph()
        let dot = DOTWriter.dot(g, options: DOTOptions())
        let lines = edgeLines(dot)
        #expect(lines.count == 4)   // us->kh ×3, us->kss, us-iran talks ×2, iran->kh
        let kh = try #require(lines.first { $0.contains(#""us" -> "kh""#) })
        #expect(kh.contains(#"<TD>struck ×3<BR/><FONT POINT-SIZE="8">2021-02..2024-02</FONT></TD>"#))
        #expect(kh.contains(#"comment="s1 s2 s3""#))
        // Symmetric relations collapse whichever way they were written, and draw without arrows.
        let talks = try #require(lines.first { $0.contains("negotiated") || $0.contains("in talks with") })
        #expect(talks.contains("in talks with ×2") && talks.contains("2021-04..2021-06") && talks.contains("dir=none"))
        // The tooltip carries every relation of the group.
        #expect(kh.contains("2021-02-25") && kh.contains("2024-02 · high confidence, reported") && kh.contains("2021-06-27"))

        let all = edgeLines(DOTWriter.dot(g, options: DOTOptions(collapseParallel: false)))
        #expect(all.count == 7)
        #expect(all.filter { $0.contains(#""us" -> "kh""#) }.allSatisfy { !$0.contains("×") })
    }

    @Test func shortDates() throws {
        func s(_ t: String) throws -> TimeSpan? { try TimeSpan.parse(t).get() }
        #expect(DOTWriter.shortDate([try s("2024-01-28")]) == "2024-01-28")
        #expect(DOTWriter.shortDate([try s("2019-12..2024-02")]) == "2019-12..2024-02")
        #expect(DOTWriter.shortDate([try s("2024-01-28"), try s("2024-01")]) == "2024-01")
        #expect(DOTWriter.shortDate([try s("2021-02-25"), nil, try s("2024-02-02")]) == "2021-02..2024-02")
        #expect(DOTWriter.shortDate([try s("2023-10.."), try s("2024")]) == "2023-10..2024")
        #expect(DOTWriter.shortDate([try s("2024-02-02"), try s("2024-02-02")]) == "2024-02-02")
        #expect(DOTWriter.shortDate([nil, nil]) == nil)
    }

    @Test func edgeLabelsCanBeLeftOff() throws {
        let dot = DOTWriter.dot(try strikesGraph(), options: DOTOptions(edgeLabels: false))
        #expect(edgeLines(dot).allSatisfy { !$0.contains("label=") && $0.contains("tooltip=") })
    }

    @Test func legendListsOnlyWhatIsPresent() throws {
        let dot = DOTWriter.dot(try strikesGraph(), options: DOTOptions())
        let header = try #require(dot.split(separator: "\n").first { $0.hasPrefix("  graph [") })
        for present in [">state<", ">militia<", ">struck<", ">backs<", ">in talks with<", ">Entities<", ">Relations<"] {
            #expect(header.contains(present), "\(present)")
        }
        for absent in [">person<", ">site<", ">attacked<", ">spoke for<"] {
            #expect(!header.contains(absent), "\(absent)")
        }
        // The line sample takes the type's colour and weight; the pattern is the evidence's.
        #expect(header.contains(##"<TD SIDES="B" BORDER="2" COLOR="#2e7d32" WIDTH"##))
        #expect(header.contains(##"<TD SIDES="B" BORDER="3" COLOR="#1a3a8f""##))
        let none = DOTWriter.dot(try strikesGraph(), options: DOTOptions(title: "", legend: false))
        let graphLine = try #require(none.split(separator: "\n").first { $0.hasPrefix("  graph [") })
        #expect(!none.contains("Relations") && !graphLine.contains("label="))
    }

    @Test func titleAndSubtitle() throws {
        var g = try strikesGraph()
        g.title = "From the data"
        #expect(DOTWriter.dot(g, options: DOTOptions()).contains("<B>From the data</B>"))
        let dot = DOTWriter.dot(g, options: DOTOptions(title: "Given <here>", subtitle: "3 & more"))
        #expect(dot.contains("<B>Given &lt;here&gt;</B>") && !dot.contains("From the data") && dot.contains(">3 &amp; more<"))
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let g = try Hostile.graph()
        let dot = DOTWriter.dot(g, options: DOTOptions(title: Hostile.script, wrapWidth: 500))
        // HTML-like labels: markup as entities, backslashes doubled, no raw tag from the data.
        #expect(dot.contains(#"Kata&#39;ib &quot;H&quot; &lt;b&gt;bold&lt;/b&gt; &amp; Co \\N \\G \\\\ {x|y} &lt;TABLE&gt; ]]&gt;"#))
        #expect(dot.contains("AT&amp;amp;T &amp;lt;x&amp;gt; &amp;#92;"))
        // (The relation ids in `comment` are quoted DOT strings; SVGRenderTests checks what Graphviz makes of them.)
        let labels = dot.split(separator: "\n").filter { $0.contains("label=<") }
            .map { $0.components(separatedBy: ", comment=")[0] }
        #expect(labels.allSatisfy { !$0.contains("<script") && !$0.contains("<b>") && !$0.contains("<i>") })
        #expect(dot.contains("label=<two lines<BR/>"))
        // Quoted strings: the ids keep their quotes and backslashes escaped.
        #expect(dot.contains(#""node:0" -> "x-->y""#))
        #expect(DOTWriter.nodeName(0, in: g) == "node:0" && DOTWriter.nodeName(1, in: g) == "x-->y")
        // Tooltips: entities for markup, four backslashes for one.
        #expect(dot.contains(#"&quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; &amp; left \\\\n \\\\l second line"#))
        // A colour that tries to break out falls back.
        #expect(!dot.contains("javascript"))
        #expect(dot.contains(##"fillcolor="#ffffff""##))
        // Only the http(s) URL is a link, percent-encoded where needed and with & as &amp;.
        #expect(dot.contains(#"URL="https://example.org/a%20b?x=1&amp;y=%222%22%3Cz%3E%27""#))
        #expect(dot.components(separatedBy: "URL=").count == 2)
    }

    @Test func shapesAndStylesFromDataAreChecked() throws {
        var g = Graph()
        var v = g.vocabulary
        v.define(EntityKind(id: "rec", shape: "record", style: "filled,setlinewidth(99),invis"))
        v.define(EntityKind(id: "file", shape: "epsf", style: "rounded,dashed"))
        v.define(EntityKind(id: "odd", shape: "box\"; URL=\"x", style: ""))
        g.vocabulary = v
        try g.add(Entity(id: "a", name: "{a|b}", kind: "rec"))
        try g.add(Entity(id: "b", name: "b", kind: "file"))
        try g.add(Entity(id: "c", name: "c", kind: "odd"))
        let dot = DOTWriter.dot(g, options: DOTOptions())
        #expect(try #require(nodeLine(dot, "a")).contains(#"shape="box", style="filled""#))
        #expect(try #require(nodeLine(dot, "b")).contains(#"shape="box", style="rounded,dashed,filled""#))
        #expect(try #require(nodeLine(dot, "c")).contains(#"shape="box", style="filled""#))
        #expect(!dot.contains("record") && !dot.contains("epsf") && !dot.contains("setlinewidth") && !dot.contains("invis"))
        #expect(try #require(nodeLine(dot, "a")).contains("label=<{a|b}<BR/>"))
    }

    @Test func urlsOnlyHTTP() {
        #expect(DOTEscaping.safeURL("https://a.org/x?y=1&z=2#f") == "https://a.org/x?y=1&z=2#f")
        #expect(DOTEscaping.safeURL("  HTTP://a.org/\\N ") == "http://a.org/%5CN")
        #expect(DOTEscaping.safeURL("https://a.org/é") == "https://a.org/%C3%A9")
        for bad in ["javascript:alert(1)", "JavaScript://a.org/%0aalert(1)", "data:text/html,<script>", "vbscript:x",
                    "file:///etc/passwd", "//a.org/x", "/relative", "https:///nohost", "https://", "ftp://a.org", "https:a.org"] {
            #expect(DOTEscaping.safeURL(bad) == nil, "\(bad)")
        }
    }

    @Test func namesWrap() {
        #expect(DOTWriter.wrap("Kata'ib Sayyid al-Shuhada", width: 18) == ["Kata'ib Sayyid", "al-Shuhada"])
        #expect(DOTWriter.wrap("Iran", width: 18) == ["Iran"])
        #expect(DOTWriter.wrap("Supercalifragilisticexpialidocious x", width: 10) == ["Supercalifragilisticexpialidocious", "x"])
        #expect(DOTWriter.wrap("", width: 10) == [""])
    }

    @Test func clustersByCountry() throws {
        var g = Graph()
        try g.add(Entity(id: "iraq", name: "Iraq", kind: "state"))
        try g.add(Entity(id: "kh", name: "KH", kind: "militia", country: "iraq"))
        try g.add(Entity(id: "erbil", name: "Erbil", kind: "place", country: "iraq"))
        try g.add(Entity(id: "un", name: "UN", kind: "organization"))
        let dot = DOTWriter.dot(g, options: DOTOptions(clusterBy: .country))
        let cluster = try #require(dot.range(of: "subgraph cluster_0 {"))
        let body = dot[cluster.upperBound...].prefix { $0 != "}" }
        #expect(body.contains("<B>Iraq</B>"))
        #expect(body.contains(#""iraq" ["#) && body.contains(#""kh" ["#) && body.contains(#""erbil" ["#) && !body.contains(#""un" ["#))
        #expect(dot.contains(#"  "un" ["#))
        // A country outside the drawn graph is named from the labels given.
        var small = Graph()
        try small.add(Entity(id: "kh", name: "KH", kind: "militia", country: "iraq"))
        #expect(DOTWriter.dot(small, options: DOTOptions(clusterBy: .country)).contains("<B>iraq</B>"))
        #expect(DOTWriter.dot(small, options: DOTOptions(clusterBy: .country, clusterLabels: ["iraq": "Iraq"])).contains("<B>Iraq</B>"))
        let byKind = DOTWriter.dot(g, options: DOTOptions(clusterBy: .kind))
        #expect(byKind.components(separatedBy: "subgraph cluster_").count == 5)
    }

    @Test func highlightDimsTheRest() throws {
        let g = try strikesGraph()
        let dot = DOTWriter.dot(g, options: DOTOptions(highlight: DOTHighlight(entities: ["us", "kh"], relations: ["s2"])))
        let kh = try #require(nodeLine(dot, "kh"))
        #expect(kh.contains("penwidth=3") && kh.contains(##"fillcolor="#f9cb9c""##))
        let iran = try #require(nodeLine(dot, "iran"))
        #expect(iran.contains(##"fillcolor="#f5f5f5""##) && iran.contains(##"fontcolor="#b3b3b3""##))
        let struck = try #require(edgeLines(dot).first { $0.contains(#""us" -> "kh""#) })
        #expect(struck.contains(##"color="#1a3a8f""##) && struck.contains("weight=4"))
        let backs = try #require(edgeLines(dot).first { $0.contains(#""iran" -> "kh""#) })
        #expect(backs.contains(##"color="#d6d6d6""##))
    }

    @Test func engineTuning() throws {
        let g = try strikesGraph()
        #expect(DOTWriter.dot(g, options: DOTOptions()).contains("rankdir=TB"))
        #expect(DOTWriter.dot(g, options: DOTOptions(leftToRight: true)).contains("rankdir=LR"))
        let sfdp = DOTWriter.dot(g, options: DOTOptions(engine: "sfdp"))
        #expect(sfdp.contains("overlap=prism") && sfdp.contains(#"layout="sfdp""#) && !sfdp.contains("rankdir"))
        #expect(DOTWriter.dot(g, options: DOTOptions(focus: ["kh"], engine: "twopi")).contains(#"root="kh""#))
        // Never `concentrate`: it can crash Graphviz's layout.
        #expect(!DOTWriter.dot(g, options: DOTOptions()).contains("concentrate"))
    }
}
