/// An incoming entity found in the existing graph, in JSON: `{"incoming", "existing", "by", "differing"}`.
public struct MergeMatchJSON: Codable, Hashable, Sendable {
    public var incoming: String
    public var existing: String
    public var by: String
    public var differing: [String]
}

/// An incoming relation found in the existing graph, in JSON: `{"incoming", "existing", "by"}`.
public struct MergeRelationMatchJSON: Codable, Hashable, Sendable {
    public var incoming: String
    public var existing: String
    public var by: String
}

/// An added relation whose id was taken, in JSON: `{"incoming", "added"}`.
public struct MergeRenameJSON: Codable, Hashable, Sendable {
    public var incoming: String
    public var added: String
}

/// A conflict in JSON: `{"incoming": [id...], "existing": [id...], "reason"}`.
public struct MergeConflictJSON: Codable, Hashable, Sendable {
    public var incoming: [String]
    public var existing: [String]
    public var reason: String
}

/// Counts of the existing graph, every record of which a merge leaves alone.
public struct MergeCountsJSON: Codable, Hashable, Sendable {
    public var entities: Int
    public var relations: Int
    public var documents: Int
}

/// `kgraph import --into` as JSON: what was matched, added and left alone, the conflicts, and
/// the file written (nil when nothing was).
public struct GraphMergeJSON: Codable, Hashable, Sendable {
    public struct Entities: Codable, Hashable, Sendable {
        public var matched: [MergeMatchJSON]
        public var added: [String]
    }
    public struct Relations: Codable, Hashable, Sendable {
        public var matched: [MergeRelationMatchJSON]
        public var added: [String]
        public var renamed: [MergeRenameJSON]
    }
    public struct Documents: Codable, Hashable, Sendable {
        public var matched: [String]
        public var added: [String]
    }
    public var conflicts: [MergeConflictJSON]
    public var entities: Entities
    public var relations: Relations
    public var documents: Documents
    /// The existing graph's records, all left as they were.
    public var leftAlone: MergeCountsJSON
    public var written: String?
}

extension GraphMerge {
    /// This merge in the stable JSON shape; `existing` is the graph merged into.
    public func json(existing: Graph, written: String?) -> GraphMergeJSON {
        GraphMergeJSON(
            conflicts: conflicts.map { MergeConflictJSON(incoming: $0.incoming, existing: $0.existing, reason: $0.reason) },
            entities: .init(matched: matches.map { MergeMatchJSON(incoming: $0.incoming, existing: $0.existing, by: $0.by,
                                                                  differing: $0.differing) },
                            added: addedEntities.map(\.id)),
            relations: .init(matched: relationMatches.map { MergeRelationMatchJSON(incoming: $0.incoming, existing: $0.existing, by: $0.by) },
                             added: addedRelations.map(\.id),
                             renamed: renamedRelations.map { MergeRenameJSON(incoming: $0.incoming, added: $0.added) }),
            documents: .init(matched: matchedDocuments, added: addedDocuments.map(\.id)),
            leftAlone: MergeCountsJSON(entities: existing.entityCount, relations: existing.relationCount,
                                       documents: existing.documents.count),
            written: written)
    }
}
