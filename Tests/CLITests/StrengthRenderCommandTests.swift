import Foundation
import Testing

/// The shipped graph's pictures tell reported from alleged from denied without hovering: the
/// focus on KH, a path picture and the whole graph, in DOT (the text every format is laid out from).
@Suite struct StrengthRenderCommandTests {
    static let shipped = ["--graph", packageRoot.appendingPathComponent("Graphs").path]

    /// The drawn line of relation `id` in `dot` (its `comment` lists the relations it draws).
    func edge(_ id: String, in dot: String) throws -> Substring {
        try #require(dot.split(separator: "\n").first { line in
            guard line.contains(" -> "), let c = line.range(of: "comment=\"") else { return false }
            return line[c.upperBound...].prefix { $0 != "\"" }.split(separator: " ").contains(Substring(id))
        })
    }

    @Test func focusPathAndWholeGraphDrawTheStrength() throws {
        let focus = try kgraph(["render", "--focus", "KH", "--format", "dot"] + Self.shipped).stdout
        // KH's denied attack on the Green Zone: grey, thin, a bar for a head, "denied" on the line.
        let denied = try edge("kh-attacked-green-zone-2021-02-22", in: focus)
        #expect(denied.contains(##"color="#9e9e9e""##) && denied.contains("arrowhead=tee") && denied.contains("· denied</FONT>"))
        // Iran's reported strikes: the type's colour, solid.
        let reported = try edge("iran-attacked-us-forces-2020-01-08", in: focus)
        #expect(!reported.contains("style=") && !reported.contains("#9e9e9e"))
        #expect(focus.contains(">⊣ denied</FONT>") && focus.contains(">reported</FONT>") && !focus.contains(">alleged</FONT>"))

        let whole = try kgraph(["render", "--format", "dot"] + Self.shipped).stdout
        let alleged = try edge("israel-struck-damascus-2024-02-02", in: whole)
        #expect(alleged.contains("style=dotted") && alleged.contains("· alleged</FONT>"))
        #expect(whole.contains(">alleged</FONT>") && whole.contains(">▷ added from general knowledge</FONT>"))
        #expect(try edge("pentagon-blamed-kh-2024-01-29", in: whole).contains("arrowhead=empty"))

        let path = try kgraph(["render", "--path", "IRGC", "US base", "-k", "5", "--format", "dot"] + Self.shipped).stdout
        #expect(try edge("kh-attacked-tower-22-2024-01-28", in: path).contains("style=dashed"))  // attributed
        #expect(path.contains(">claimed / attributed</FONT>") || path.contains(">attributed</FONT>"))
    }
}
