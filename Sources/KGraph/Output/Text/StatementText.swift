/// Human-readable text for what a person or body said (`kgraph quotes`, the statements of `show`).
public enum StatementText {
    /// Each statement as a block (blocks apart by a blank line): when it was said and where it is quoted, the words, then each
    /// relation it supports:
    /// ```
    /// 2021-02-25 (said)  r003-reuters-2021 (Reuters, 2021-02-26)
    ///   "U.S. military forces earlier this evening conducted airstrikes ..."
    ///   supports: United States --struck--> Border control point  2021-02-26  high confidence, reported  [r003-reuters-2021]
    /// ```
    /// `(said)` marks a day the citation gives apart from the relation's date; `undated` when
    /// neither is known. With `speaker`, each block first names who said it (for several speakers).
    public static func list(_ statements: [Statement], in g: Graph, indent: String = "", naming speaker: Bool = false) -> String {
        statements.map { s in
            var head = s.when?.description ?? "undated"
            if s.said != nil { head += " (said)" }
            if speaker { head += "  " + (g.entity(id: s.speaker)?.name ?? s.speaker) }
            head += "  " + DocumentText.cited(s.document, in: g)
            var block = indent + head + "\n" + indent + "  \"\(s.quote)\""
            for r in s.supports { block += "\n" + indent + "  supports: " + TextReport.line(g.relation(at: r), in: g) }
            return block
        }.joined(separator: "\n\n")
    }

    /// One line per statement, for an entity card: `  2021-02-25 (said)  "words"  [r003-reuters-2021 (Reuters, 2021-02)]`
    /// (the document as `DocumentText.cited` shows it).
    public static func brief(_ statements: [Statement], in g: Graph, naming speaker: Bool = false) -> String {
        statements.map { s in
            var line = "  " + (s.when?.description ?? "undated") + (s.said != nil ? " (said)" : "")
            if speaker { line += "  " + (g.entity(id: s.speaker)?.name ?? s.speaker) }
            return line + "  \"\(s.quote)\"  [" + DocumentText.cited(s.document, in: g) + "]"
        }.joined(separator: "\n")
    }

    /// The heading of `kgraph quotes`: `John Kirby [john-kirby]: 52 statements in 4 documents`.
    public static func heading(_ speakers: [Int32], _ statements: [Statement], in g: Graph) -> String {
        let names = speakers.map { "\(g.entity(at: $0).name) [\(g.entity(at: $0).id)]" }.joined(separator: ", ")
        let documents = Set(statements.map(\.document)).count
        return "\(names): \(statements.count) statement\(statements.count == 1 ? "" : "s") in "
            + "\(documents) document\(documents == 1 ? "" : "s")"
    }
}
