import Foundation
import Testing

/// `kgraph render` end to end: the selection options, formats and errors.
@Suite struct RenderCommandTests {
    /// The entity ids declared as nodes in DOT text (`  "id" [label=...`).
    func nodeIDs(_ dot: String) -> Set<String> {
        Set(dot.split(separator: "\n").compactMap { line -> String? in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("\""), let end = t.dropFirst().firstIndex(of: "\"") else { return nil }
            let rest = t[t.index(after: end)...]
            guard rest.hasPrefix(" [") else { return nil }
            return String(t[t.index(after: t.startIndex)..<end])
        })
    }

    @Test func focusAndDepthDrawAnEgoNetwork() throws {
        let r = try kgraph(["render", "--format", "dot", "--focus", "KH", "--depth", "1"] + graph())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(nodeIDs(r.stdout) == ["kataib-hezbollah", "iran", "tower-22", "al-tanf", "united-states"])
        let zero = try kgraph(["render", "--format", "dot", "--focus", "Kirby", "--depth", "0"] + graph())
        #expect(nodeIDs(zero.stdout) == ["kirby"])
    }

    @Test func kindTypeAndTimeFilters() throws {
        let byType = try kgraph(["render", "--format", "dot", "--type", "attacked,struck"] + graph())
        #expect(byType.status == 0, "\(byType.stderr)")
        #expect(nodeIDs(byType.stdout) == ["kataib-hezbollah", "tower-22", "al-tanf", "united-states"])
        let byKind = try kgraph(["render", "--format", "dot", "--kind", "state", "--kind", "person"] + graph())
        #expect(nodeIDs(byKind.stdout) == ["iran", "united-states", "kirby"])
        // 2024-01-28 and 2024-01 overlap January 2024; the undated backs/spoke-for relations only
        // with --include-undated.
        let jan = try kgraph(["render", "--format", "dot", "--since", "2024-01", "--until", "2024-01-31"] + graph())
        #expect(jan.stdout.contains("kh-attacked-t22") && jan.stdout.contains("kh-attacked-tanf"))
        #expect(!jan.stdout.contains("us-struck-kh") && !jan.stdout.contains("iran-backs-kh"))
        #expect(nodeIDs(jan.stdout) == ["kataib-hezbollah", "tower-22", "al-tanf"])
        let withUndated = try kgraph(["render", "--format", "dot", "--since", "2024-01", "--until", "2024-01-31",
                                      "--include-undated"] + graph())
        #expect(withUndated.stdout.contains("iran-backs-kh") && !withUndated.stdout.contains("us-struck-kh"))
        let dated = try kgraph(["render", "--format", "dot", "--dated-only"] + graph())
        #expect(dated.status == 0 && !dated.stdout.contains("iran-backs-kh") && dated.stdout.contains("us-struck-kh"))
    }

    @Test func badSelectionsExitTwo() throws {
        for args in [["--focus", "Nobody Known"], ["--kind", "militias"], ["--type", "strook"],
                     ["--since", "2024-13"], ["--depth", "2"], ["--since", "2024", "--until", "2023"]] {
            let r = try kgraph(["render", "--format", "dot"] + args + graph())
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(!r.stderr.isEmpty && r.stdout.isEmpty, "\(args)")
        }
        let nothing = try kgraph(["render", "--type", "struck", "--since", "2030"] + graph())
        #expect(nothing.status == 1 && nothing.stdout.isEmpty && nothing.stderr.contains("nothing to draw"))
        // A window that keeps no relation draws nothing, even around a focus entity.
        let empty = try kgraph(["render", "--focus", "KH", "--since", "2030"] + graph())
        #expect(empty.status == 1 && empty.stdout.isEmpty, "\(empty.stderr)")
        #expect(empty.stderr == "nothing to draw: no relation falls in the time window (since 2030, dated relations only)\n")
        let kind = try kgraph(["render", "--kind", "militias"] + graph())
        #expect(kind.stderr.contains("unknown entity kind 'militias'"))
    }

    @Test func formatsFromExtensionWithoutTheDotProgram() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let magic: [String: [UInt8]] = ["svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8),
                                        "dot": Array("digraph".utf8), "gv": Array("digraph".utf8)]
        for (ext, prefix) in magic {
            let out = dir.appendingPathComponent("g." + ext)
            // No `dot` program may be used: PATH holds nothing.
            let r = try kgraph(["render", "-o", out.path] + graph(), environment: ["PATH": "/nonexistent"])
            #expect(r.status == 0, "\(ext): \(r.stderr)")
            #expect(Array(try Data(contentsOf: out).prefix(prefix.count)) == prefix, "\(ext)")
        }
        // --format wins over the extension; standard output without -o.
        let png = try kgraph(["render", "--format", "png"] + graph(), environment: ["PATH": "/nonexistent"])
        #expect(png.status == 0 && png.stdout.dropFirst().hasPrefix("PNG\r\n") && png.stdout.contains("IHDR"))
        let odd = try kgraph(["render", "-o", dir.appendingPathComponent("g.jpeg").path] + graph())
        #expect(odd.status == 2 && odd.stderr.contains("cannot tell the format from the extension '.jpeg'"))
        let bad = try kgraph(["render", "--format", "gif"] + graph())
        #expect(bad.status == 2 && bad.stderr.contains("unknown format 'gif'"))
        let engine = try kgraph(["render", "--engine", "nosuch"] + graph())
        #expect(engine.status == 2)
    }

    @Test func drawingOptions() throws {
        let labels = try kgraph(["render", "--format", "dot"] + graph())
        #expect(labels.stdout.contains("<TD>attacked<BR/>"))
        let none = try kgraph(["render", "--format", "dot", "--no-edge-labels"] + graph())
        #expect(!none.stdout.contains("<TD>attacked") && none.stdout.contains("2024-01-28 · medium confidence, attributed"))
        let titled = try kgraph(["render", "--format", "dot", "--title", "Who <struck> whom"] + graph())
        #expect(titled.stdout.contains("<B>Who &lt;struck&gt; whom</B>"))
        let plain = try kgraph(["render", "--format", "dot", "--no-legend", "--title", ""] + graph())
        #expect(!plain.stdout.contains("Relations") && !plain.stdout.contains("labelloc"))
        let clusters = try kgraph(["render", "--format", "dot", "--cluster-by", "kind", "--engine", "fdp"] + graph())
        #expect(clusters.stdout.contains("subgraph cluster_0") && clusters.stderr.isEmpty)
        let ignored = try kgraph(["render", "--format", "dot", "--cluster-by", "country", "--engine", "sfdp"] + graph())
        #expect(ignored.status == 0 && ignored.stderr.contains("only with the dot and fdp engines"))
        let sub = try kgraph(["render", "--format", "dot", "--focus", "KH"] + graph())
        #expect(sub.stdout.contains("within 1 hop of Kata&#39;ib Hezbollah · 5 entities, 4 relations"))
    }

    @Test func largeGraphsSwitchEngineAndSaySo() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var yaml = "documents:\n  - {id: d, title: Synthetic}\nentities:\n"
        for i in 0..<260 { yaml += "  - {id: e\(i), name: Entity \(i), kind: militia}\n" }
        yaml += "relations:\n"
        for i in 1..<260 { yaml += "  - {id: r\(i), source: e\(i / 2), type: allied-with, target: e\(i), sources: [{document: d, quote: q}]}\n" }
        let file = dir.appendingPathComponent("big.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let r = try kgraph(["render", "--graph", file.path, "-o", dir.appendingPathComponent("big.svg").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: 260 entities and 259 edges: drawing with sfdp instead of dot"))
        let svg = try String(contentsOf: dir.appendingPathComponent("big.svg"), encoding: .utf8)
        #expect(svg.contains("Entity 259"))
        let dot = try kgraph(["render", "--graph", file.path, "--format", "dot"])
        #expect(dot.stdout.contains(#"layout="sfdp""#))
        // Edge labels stay on below the limit; above it they are left off, with a note, unless asked for.
        #expect(dot.stdout.contains("<TD>allied with</TD>") && !dot.stderr.contains("edge labels"))
        var dense = "documents:\n  - {id: d, title: Synthetic}\nentities:\n"
        for i in 0..<80 { dense += "  - {id: e\(i), name: Entity \(i), kind: militia}\n" }
        dense += "relations:\n"
        for i in 0..<80 { for j in (i + 1)..<80 where (i + j) % 2 == 0 {
            dense += "  - {id: r\(i)-\(j), source: e\(i), type: allied-with, target: e\(j), sources: [{document: d, quote: q}]}\n"
        } }
        let denseFile = dir.appendingPathComponent("dense.yaml")
        try dense.write(to: denseFile, atomically: true, encoding: .utf8)
        let auto = try kgraph(["render", "--graph", denseFile.path, "--format", "dot", "--engine", "sfdp"])
        #expect(auto.status == 0 && auto.stderr.contains("edge labels left off") && !auto.stdout.contains("<TD>allied with</TD>"))
        let forced = try kgraph(["render", "--graph", denseFile.path, "--format", "dot", "--engine", "sfdp", "--edge-labels"])
        #expect(forced.stderr.isEmpty && forced.stdout.contains("<TD>allied with</TD>"))
        let insisted = try kgraph(["render", "--graph", file.path, "--format", "dot", "--engine", "dot"])
        #expect(insisted.stderr.isEmpty && insisted.stdout.contains("rankdir=TB"))
    }

    @Test func pathsAreHighlightedOrDrawnAlone() throws {
        let r = try kgraph(["render", "--format", "dot", "--path", "Iran", "Tower 22"] + graph())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(nodeIDs(r.stdout) == ["iran", "united-states", "kataib-hezbollah", "tower-22", "al-tanf", "kirby"])
        #expect(r.stdout.contains("shortest path from Iran to Tower 22: 2 hops"))
        // Off the path: dimmed. On it: strong.
        let lines = r.stdout.split(separator: "\n")
        let kirby = try #require(lines.first { $0.hasPrefix(#"  "kirby" ["#) })
        #expect(kirby.contains(##"fillcolor="#f5f5f5""##))
        let onPath = try #require(lines.first { $0.hasPrefix(#"  "kataib-hezbollah" -> "tower-22""#) })
        #expect(onPath.contains("weight=4") && onPath.contains(##"color="#c62828""##))
        let off = try #require(lines.first { $0.hasPrefix(#"  "united-states" -> "kataib-hezbollah""#) })
        #expect(off.contains(##"color="#d6d6d6""##))

        let only = try kgraph(["render", "--format", "dot", "--path", "Iran", "Tower 22", "--only-path"] + graph())
        #expect(nodeIDs(only.stdout) == ["iran", "kataib-hezbollah", "tower-22"])
        #expect(only.stdout.contains("rankdir=LR") && !only.stdout.contains("f5f5f5"))
        // The same path options as `kgraph path`: two shortest paths to either US base.
        let two = try kgraph(["render", "--format", "dot", "--path", "Iran", "US base", "-k", "2", "--only-path"] + graph())
        #expect(nodeIDs(two.stdout) == ["iran", "kataib-hezbollah", "tower-22", "al-tanf"])
        #expect(two.stdout.contains("2 shortest paths from Iran to &quot;US base&quot;: 2 hops"))
    }

    @Test func pathErrors() throws {
        let none = try kgraph(["render", "--format", "dot", "--path", "Kirby", "Tower 22", "--via", "backs"] + graph())
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr.contains("no path from John Kirby"))
        let one = try kgraph(["render", "--path", "Iran"] + graph())
        #expect(one.status == 2 && one.stderr.contains("--path takes two names"))
        let alone = try kgraph(["render", "--only-path"] + graph())
        #expect(alone.status == 2 && alone.stderr.contains("--only-path needs --path"))
        let unknown = try kgraph(["render", "--path", "Iran", "Atlantis"] + graph())
        #expect(unknown.status == 2 && unknown.stderr.contains("Atlantis"))
    }
}
