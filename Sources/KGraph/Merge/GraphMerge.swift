/// How an incoming graph joins an existing one without duplicating what the existing one already
/// has, for `kgraph import --into`. The existing graph is never changed: the merge says which
/// incoming records it already has (matched) and which are new (added), and the added records
/// are rewritten to point at the existing ones they refer to.
///
/// - An incoming entity matches an existing one of the same kind by id, else by its name, else by
///   its aliases, each folded as the resolver folds names (`normalizedName`: case, diacritics,
///   apostrophes, a leading "the", possessives). A name that names several existing entities (a
///   shared alias such as "US base") identifies none of them.
/// - Conflicts need a person: a name found only on entities of another kind, a name that
///   several existing entities of the kind share, an id and a name that point at two different
///   entities, and two incoming entities that match the same existing one.
/// - An incoming relation, its ends rewritten to matched ids, matches an existing relation with its
///   id and the same ends and type, else one with the same ends, type and time (the same fact
///   under another id). Other relations are added; an id already taken gets a `-2` suffix.
/// - A document matches by id. A new document is added when the incoming file describes it or an
///   added relation cites it (`placeholders`, the documents `GraphImport` made up, only then).
///
///     let merge = GraphMerge(incoming, into: existing)
///     merge.conflicts.isEmpty   // then merge.addedEntities etc. may be written beside the existing files
public struct GraphMerge: Sendable {
    /// An incoming entity the existing graph already has.
    public struct Match: Hashable, Sendable {
        /// The incoming entity's id and the existing entity's id.
        public var incoming: String
        public var existing: String
        /// How it was found: `id`, `name 'Kataib Hezbollah'` or `alias 'KH'` (the incoming spelling).
        public var by: String
        /// Fields the incoming entity gives differently (the existing values are kept).
        public var differing: [String]
    }

    /// An incoming relation the existing graph already has.
    public struct RelationMatch: Hashable, Sendable {
        public var incoming: String
        public var existing: String
        /// `id` or `same ends, type and time`.
        public var by: String
    }

    /// Incoming entities that cannot be placed without a person deciding.
    public struct Conflict: Hashable, Sendable {
        public var incoming: [String]
        public var existing: [String]
        public var reason: String
    }

    public private(set) var matches: [Match] = []
    public private(set) var conflicts: [Conflict] = []
    public private(set) var addedEntities: [Entity] = []
    public private(set) var relationMatches: [RelationMatch] = []
    public private(set) var addedRelations: [Relation] = []
    /// Added relations whose id was taken: the incoming id and the new one.
    public private(set) var renamedRelations: [(incoming: String, added: String)] = []
    public private(set) var matchedDocuments: [String] = []
    public private(set) var addedDocuments: [Document] = []

    /// True when the incoming graph adds nothing.
    public var addsNothing: Bool { addedEntities.isEmpty && addedRelations.isEmpty && addedDocuments.isEmpty }

    /// Matches `incoming` against `existing`; `placeholders` are ids of incoming documents that
    /// the incoming file does not describe (added only when an added relation cites them).
    /// - Complexity: O(records + total length of names), with hash lookups.
    public init(_ incoming: Graph, into existing: Graph, placeholders: Set<String> = []) {
        let idMap = matchEntities(incoming, existing)
        guard conflicts.isEmpty else { return }
        mergeRelations(incoming, existing, idMap)
        mergeDocuments(incoming, existing, placeholders)
    }

    // MARK: Entities

    /// Fills `matches`, `conflicts` and `addedEntities`; returns incoming id -> id in the merged graph.
    private mutating func matchEntities(_ incoming: Graph, _ existing: Graph) -> [String: String] {
        let names = NameIndex(existing)
        var idMap: [String: String] = [:]
        var claimedBy: [Int32: String] = [:]
        for e in incoming.entities {
            switch place(e, names, existing) {
            case .match(let i, let by):
                let x = existing.entity(at: i)
                if let other = claimedBy[i] {
                    conflicts.append(Conflict(incoming: [other, e.id], existing: [x.id],
                                              reason: "both match '\(x.name)' [\(x.id)]: the incoming file has it twice, or they are two entities"))
                    continue
                }
                claimedBy[i] = e.id
                idMap[e.id] = x.id
                matches.append(Match(incoming: e.id, existing: x.id, by: by, differing: differing(e, x)))
            case .conflict(let c):
                conflicts.append(c)
            case .new:
                idMap[e.id] = e.id
                addedEntities.append(e)
            }
        }
        // Entity references inside added entities follow the matches (a country, for one).
        addedEntities = addedEntities.map { e in e.renamingIDs(entity: { idMap[$0] }) }
        return idMap
    }

    private enum Placement {
        case match(Int32, by: String)
        case conflict(Conflict)
        case new
    }

    /// Where one incoming entity belongs: an existing entity, a conflict, or nowhere yet.
    private func place(_ e: Entity, _ names: NameIndex, _ existing: Graph) -> Placement {
        func describe(_ list: [Int32]) -> String {
            list.map { "'\(existing.entity(at: $0).name)' [\(existing.entity(at: $0).id)] (\(existing.entity(at: $0).kind))" }
                .joined(separator: ", ")
        }
        // The name first, then each alias; ids of existing entities count as their names.
        var byName: (Int32, String)?
        var otherKind: [Int32] = []
        for (n, spelling) in ([e.name] + e.aliases).enumerated() {
            let found: [Int32]
            switch names.resolve(spelling) {
            case .unique(let i): found = [i]
            case .ambiguous(let list): found = list
            case .notFound: continue
            }
            let sameKind = found.filter { existing.entity(at: $0).kind == e.kind }
            let how = (n == 0 ? "name" : "alias") + " '\(spelling)'"
            if sameKind.count == 1 {
                if let (j, first) = byName, j != sameKind[0] {
                    return .conflict(Conflict(incoming: [e.id], existing: [existing.entity(at: j).id, existing.entity(at: sameKind[0]).id],
                                              reason: "its \(first) is that of " + describe([j]) + " and its \(how) that of " + describe(sameKind)))
                }
                if byName == nil { byName = (sameKind[0], how) }
                if n == 0 { break }
            } else if sameKind.count > 1 {
                // A name several existing entities share identifies none of them; the entity's own
                // name doing so needs a person, an alias does not (another may still identify it).
                if n == 0 {
                    return .conflict(Conflict(incoming: [e.id], existing: sameKind.map { existing.entity(at: $0).id },
                                              reason: "its name '\(spelling)' names several \(e.kind) entities: " + describe(sameKind)))
                }
            } else {
                otherKind += found.filter { !otherKind.contains($0) }
            }
        }
        if let i = existing.index(ofEntity: e.id) {
            let x = existing.entity(at: i)
            if x.kind != e.kind {
                return .conflict(Conflict(incoming: [e.id], existing: [x.id],
                                          reason: "its id is taken by '\(x.name)' [\(x.id)], a \(x.kind), and it is a \(e.kind)"))
            }
            if let (j, how) = byName, j != i {
                return .conflict(Conflict(incoming: [e.id], existing: [x.id, existing.entity(at: j).id],
                                          reason: "its id is that of '\(x.name)' [\(x.id)] but its \(how) is that of " + describe([j])))
            }
            return .match(i, by: "id")
        }
        if let (i, how) = byName { return .match(i, by: how) }
        if !otherKind.isEmpty {
            return .conflict(Conflict(incoming: [e.id], existing: otherKind.map { existing.entity(at: $0).id },
                                      reason: "it is a \(e.kind) and its names are those of " + describe(otherKind)))
        }
        return .new
    }

    /// Keys of the fields `incoming` gives differently from `existing` (its id aside); a name or
    /// aliases that are only other spellings of the existing entity's names do not count.
    private func differing(_ incoming: Entity, _ existing: Entity) -> [String] {
        let known = Set(([existing.id, existing.name] + existing.aliases).map(normalizedName))
        return Entity.fields.filter { f in
            guard f.value != .id, let value = f.get(incoming), value != f.get(existing) else { return false }
            switch f.key {
            case "name": return !known.contains(normalizedName(incoming.name))
            case "aliases": return !incoming.aliases.allSatisfy { known.contains(normalizedName($0)) }
            default: return true
            }
        }.map(\.key)
    }

    // MARK: Relations

    private mutating func mergeRelations(_ incoming: Graph, _ existing: Graph, _ idMap: [String: String]) {
        func fact(_ r: Relation) -> String { [r.source, r.type, r.target, r.time?.description ?? ""].joined(separator: "\u{0}") }
        var byFact: [String: Int32] = [:]
        for i in 0..<Int32(existing.relationCount) where byFact[fact(existing.relation(at: i))] == nil {
            byFact[fact(existing.relation(at: i))] = i
        }
        var taken = Set(existing.relations.map(\.id))
        for r in incoming.relations {
            // Its ends and every other field that names an entity (a citation's speaker) follow the matches.
            var x = r.renamingIDs(entity: { idMap[$0] })
            if let i = existing.index(ofRelation: x.id) {
                let y = existing.relation(at: i)
                if (y.source, y.type, y.target) == (x.source, x.type, x.target) {
                    relationMatches.append(RelationMatch(incoming: r.id, existing: y.id, by: "id"))
                    continue
                }
            }
            if let i = byFact[fact(x)] {
                relationMatches.append(RelationMatch(incoming: r.id, existing: existing.relation(at: i).id,
                                                     by: "same ends, type and time"))
                continue
            }
            if !taken.insert(x.id).inserted {
                var n = 2
                while !taken.insert(r.id + "-" + String(n)).inserted { n += 1 }
                x.id = r.id + "-" + String(n)
                renamedRelations.append((r.id, x.id))
            }
            addedRelations.append(x)
        }
    }

    // MARK: Documents

    private mutating func mergeDocuments(_ incoming: Graph, _ existing: Graph, _ placeholders: Set<String>) {
        let cited = Set(addedRelations.flatMap { $0.sources.map(\.document) })
        for d in incoming.documents {
            if existing.document(id: d.id) != nil {
                if cited.contains(d.id) || !placeholders.contains(d.id) { matchedDocuments.append(d.id) }
            } else if cited.contains(d.id) || !placeholders.contains(d.id) {
                addedDocuments.append(d)
            }
        }
    }
}
