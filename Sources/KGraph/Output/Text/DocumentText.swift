/// Human-readable text for documents: the short label citations show, and the document list.
public enum DocumentText {
    /// A document in a few words, for citations: its outlet and date (`Middle East Eye, 2024-02-02`),
    /// else its title cut to 48 characters and its date.
    public static func shortLabel(_ d: Document) -> String {
        var head = d.outlet ?? d.title
        if d.outlet == nil && head.count > 48 { head = String(head.prefix(47)) + "…" }
        return d.published.map { "\(head), \($0)" } ?? head
    }

    /// A citation's document as `id (short label)`, or the bare id when the graph does not list it.
    public static func cited(_ id: String, in g: Graph) -> String {
        g.document(id: id).map { "\(id) (\(shortLabel($0)))" } ?? id
    }

    /// One document per entry: id, date and relation count on the first line, then outlet and title.
    public static func list(_ uses: [DocumentUse], in g: Graph) -> String {
        let ids = uses.map { g.documents[$0.document].id }
        let w = ids.map(\.count).max() ?? 0
        var out = ""
        for (use, id) in zip(uses, ids) {
            let d = g.documents[use.document]
            let n = use.relations.count
            out += id.padding(toLength: w, withPad: " ", startingAt: 0) + "  "
                + (d.published?.description ?? "undated").padding(toLength: 10, withPad: " ", startingAt: 0)
                + "  \(n) relation\(n == 1 ? "" : "s"), \(use.entities.count) entit\(use.entities.count == 1 ? "y" : "ies")\n"
            let indent = String(repeating: " ", count: w + 2)
            out += indent + (d.outlet.map { $0 + ": " } ?? "") + d.title + "\n"
            if let url = d.url { out += indent + url + "\n" }
        }
        return out
    }
}
