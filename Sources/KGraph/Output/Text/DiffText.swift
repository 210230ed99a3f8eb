/// Human-readable text for `kgraph diff`: per kind of record, what was added (+), removed (-) and
/// changed (~, with every field's old and new value).
public enum DiffText {
    public static func diff(_ d: GraphDiff, old: Graph, new: Graph) -> String {
        var out = ""
        func section(_ title: String, _ part: GraphDiff.Part, describe: (String, Graph) -> String) {
            guard !part.isEmpty else { return }
            if !out.isEmpty { out += "\n" }
            out += "\(title): \(part.added.count) added, \(part.removed.count) removed, \(part.changed.count) changed\n"
            for id in part.added { out += "  + " + describe(id, new) + "\n" }
            for id in part.removed { out += "  - " + describe(id, old) + "\n" }
            for c in part.changed {
                out += "  ~ " + describe(c.id, new) + "\n"
                for f in c.changes { out += "      \(f.field): \(value(f.old)) -> \(value(f.new))\n" }
            }
        }
        section("Entities", d.entities) { id, g in
            g.entity(id: id).map { "\(id)  \($0.name) (\($0.kind))" } ?? id
        }
        section("Relations", d.relations) { id, g in
            g.index(ofRelation: id).map { "\(id)  " + TextReport.line(g.relation(at: $0), in: g) } ?? id
        }
        section("Documents", d.documents) { id, g in
            g.document(id: id).map { "\(id)  " + DocumentText.shortLabel($0) } ?? id
        }
        return out
    }

    /// A value quoted, or `(none)`.
    static func value(_ s: String?) -> String { s.map { JSONText.quote($0) } ?? "(none)" }
}
