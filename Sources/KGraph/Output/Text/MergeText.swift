/// `kgraph import --into` as text: conflicts first, then what was matched, added and left alone.
public enum MergeText {
    /// The report of `merge` of `incoming` into `existing`; `written` is the file written, if any.
    public static func report(_ merge: GraphMerge, incoming: Graph, existing: Graph, written: String?) -> String {
        var out = ""
        func name(_ g: Graph, _ id: String) -> String { g.entity(id: id).map { "'\($0.name)' [\(id)]" } ?? "[\(id)]" }
        if !merge.conflicts.isEmpty {
            out += "Conflicts (\(merge.conflicts.count)), so nothing was written:\n"
            for c in merge.conflicts {
                out += "  " + c.incoming.map { name(incoming, $0) }.joined(separator: " and ") + ": " + c.reason + "\n"
            }
            out += "Resolve them in the incoming file (give an entity the existing id to match it, or another name "
                + "or kind to keep it apart), then import again.\n"
            return out
        }
        out += "Entities: \(merge.matches.count) matched, \(merge.addedEntities.count) added\n"
        for m in merge.matches where m.by != "id" || !m.differing.isEmpty || m.incoming != m.existing {
            out += "  = " + name(incoming, m.incoming) + " is " + name(existing, m.existing) + " (by \(m.by))"
            if !m.differing.isEmpty { out += "; differs in " + m.differing.joined(separator: ", ") + " (the existing values are kept)" }
            out += "\n"
        }
        for e in merge.addedEntities { out += "  + '\(e.name)' [\(e.id)] (\(e.kind))\n" }
        out += "Relations: \(merge.relationMatches.count) matched, \(merge.addedRelations.count) added\n"
        for m in merge.relationMatches where m.incoming != m.existing {
            out += "  = \(m.incoming) is \(m.existing) (\(m.by))\n"
        }
        let renamed = Dictionary(merge.renamedRelations.map { ($0.added, $0.incoming) }, uniquingKeysWith: { a, _ in a })
        for r in merge.addedRelations {
            let s = existing.entity(id: r.source)?.name ?? incoming.entity(id: r.source)?.name ?? r.source
            let t = existing.entity(id: r.target)?.name ?? incoming.entity(id: r.target)?.name ?? r.target
            out += "  + \(r.id)  \(s) --\(r.type)--> \(t)" + (renamed[r.id].map { " (its id \($0) was taken)" } ?? "") + "\n"
        }
        out += "Documents: \(merge.matchedDocuments.count) matched, \(merge.addedDocuments.count) added\n"
        for d in merge.addedDocuments { out += "  + \(d.id)  " + DocumentText.shortLabel(d) + "\n" }
        out += "Left alone: the existing \(existing.entityCount) entities, \(existing.relationCount) relations and "
            + "\(existing.documents.count) documents; no existing file was changed\n"
        if let written { out += "Wrote \(written)\n" } else if merge.addsNothing { out += "Nothing to add: nothing was written\n" }
        return out
    }
}
