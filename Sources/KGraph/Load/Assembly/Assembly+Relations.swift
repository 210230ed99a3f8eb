/// The relation phases of assembly: resolve each relation's ends, check its citations and its
/// type, then append the fragment's valid relations to the graph.
extension Assembly {
    /// Resolves, checks and appends the relations of fragment `k`, `f`; those with an unknown end
    /// are left out. `given`: `f`'s relation ends, taken out of it.
    mutating func addRelations(_ list: consuming [Relation], ends given: consuming GraphFragment.RelationEnds,
                               of f: GraphFragment, index k: Int) {
        let n = list.count
        // Nothing to add; and the graph must not change while the other thread may hold it.
        guard n > 0 else { return }
        // With a second core, it looks up the ends from `split` on (`Assembly+SecondCore`).
        let apartHere = k == apart?.fragment
        let split = apartHere ? apart!.split : n
        var (tails, heads) = given.cover(n) && entityIndices[k].count == f.entities.count
            ? Self.ends(of: list, given: given, through: entityIndices[k], in: graph)
            : Self.ends(of: list, 0..<split, in: graph)
        var found: Apart.Ends?
        var valid: [Bool]?
        var unsourced = -1
        // Each phase reads the fields it needs in place, and takes a copy of the relation only to
        // report a problem: a copy retains and releases every string and array in it.
        list.withUnsafeBufferPointer { relations in
            check(relations, 0..<split, tails, heads, f, unsourced: &unsourced, valid: &valid)
            guard apartHere else { return }
            found = joinEnds()
            tails += found!.tails
            heads += found!.heads
            check(relations, split..<n, tails, heads, f, unsourced: &unsourced, valid: &valid)
        }
        if found != nil { joinApart() }
        if let valid {
            tails = tails.indices.filter { valid[$0] }.map { tails[$0] }
            heads = heads.indices.filter { valid[$0] }.map { heads[$0] }
        }
        append(list, tails: tails, heads: heads, valid: valid, indexed: valid == nil ? found?.ids : nil,
               idsDiffer: f.relationIDsUnique)
    }

    /// The entity index of the source and of the target of each of `list[range]`, -1 for an id no
    /// entity has. A pass of its own rather than a step of the checks: with nothing else in the
    /// loop, the processor overlaps one relation's lookups with the next one's (the hash table of
    /// a big graph's ids does not fit in its caches).
    static func ends(of list: [Relation], _ range: Range<Int>, in graph: Graph) -> (tails: [Int32], heads: [Int32]) {
        var tails: [Int32] = [], heads: [Int32] = []
        tails.reserveCapacity(range.count)
        heads.reserveCapacity(range.count)
        list.withUnsafeBufferPointer { relations in
            for i in range {
                tails.append(graph.index(ofEntity: relations[i].source) ?? -1)
                heads.append(graph.index(ofEntity: relations[i].target) ?? -1)
            }
        }
        return (tails, heads)
    }

    /// The entity index of the source and of the target of each of `list`, from the positions its
    /// reader gave (`given`, as many as `list`), each mapped through `indices` (the graph index of
    /// each of the fragment's entities) in place; an end given as -1 is looked up by its id.
    static func ends(of list: [Relation], given: consuming GraphFragment.RelationEnds, through indices: [Int32],
                     in graph: Graph) -> (tails: [Int32], heads: [Int32]) {
        var tails: [Int32] = [], heads: [Int32] = []
        swap(&tails, &given.sources)
        swap(&heads, &given.targets)
        list.withUnsafeBufferPointer { relations in
            indices.withUnsafeBufferPointer { index in
                func map(_ p: inout Int32, _ id: String) {
                    p = p >= 0 && Int(p) < index.count ? index[Int(p)] : graph.index(ofEntity: id) ?? -1
                }
                for i in relations.indices {
                    map(&tails[i], relations[i].source)
                    map(&heads[i], relations[i].target)
                }
            }
        }
        return (tails, heads)
    }

    /// Reports unknown ends and checks citations and types of `relations[range]`, in order, marking
    /// those with an unknown end not valid.
    private mutating func check(_ relations: UnsafeBufferPointer<Relation>, _ range: Range<Int>, _ tails: [Int32],
                                _ heads: [Int32], _ f: GraphFragment, unsourced: inout Int, valid: inout [Bool]?) {
        for i in range {
            let source = tails[i] < 0 ? nil : tails[i], target = heads[i] < 0 ? nil : heads[i]
            if source == nil || target == nil { reportEnds(relations, i, source, target, f) }
            checkCitations(relations, i, f, unsourced: &unsourced)
            checkType(relations, i, source, target, f)
            if source == nil || target == nil {
                if valid == nil { valid = [Bool](repeating: true, count: relations.count) }
                valid![i] = false
            }
        }
    }

    private func places(_ f: GraphFragment, _ i: Int) -> GraphFragment.RelationPlaces {
        i < f.relationPlaces.count ? f.relationPlaces[i] : .init()
    }

    /// Reports a relation's unknown ends (nil `source` or `target`).
    private mutating func reportEnds(_ relations: UnsafeBufferPointer<Relation>, _ i: Int, _ source: Int32?, _ target: Int32?,
                                     _ f: GraphFragment) {
        if source == nil {
            let r = relations[i]
            diagnostics.append(Diagnostic(.error, "unknown entity '\(r.source)'" + hint(r.source), at: places(f, i).source ?? r.location))
            // An end that names an entity was checked as its id (`FragmentCheck`, other formats than
            // YAML); one that names none is checked here.
            if !f.strictVocabulary { FragmentCheck.controlCharacters(in: r.source, what: "relation source", at: r.location, &diagnostics) }
        }
        if target == nil {
            let r = relations[i]
            diagnostics.append(Diagnostic(.error, "unknown entity '\(r.target)'" + hint(r.target), at: places(f, i).target ?? r.location))
            if !f.strictVocabulary { FragmentCheck.controlCharacters(in: r.target, what: "relation target", at: r.location, &diagnostics) }
        }
    }

    /// A relation must cite documents the graph has (imports may name documents they do not
    /// describe, and cite none: a counted warning each).
    private mutating func checkCitations(_ relations: UnsafeBufferPointer<Relation>, _ i: Int, _ f: GraphFragment, unsourced: inout Int) {
        // Their documents only: the list as held, no quote made into a String.
        let citations = relations[i].citationList
        if citations.isEmpty && !f.strictVocabulary {
            if unsourced < 0 { unsourced = lenient.finding("unsourced", f.file, at: relations[i].location) }
            lenient.count(unsourced)
        } else if citations.isEmpty {
            let r = relations[i]
            diagnostics.append(Diagnostic(.error, "relation '\(r.id)' has no source: cite a document and quote", at: r.location))
        }
        for j in 0..<citations.count {
            // Numbered from its bytes; a String is made only for a new spelling or a finding.
            let spelling = citations.withDocumentBytes(at: j) { documentSpellings.number(utf8: $0) }
            if spelling == documentIndex.count {
                documentIndex.append(graph.index(ofDocument: citations.document(at: j)) ?? -1)
                documentFinding.append(-1)
            }
            let document = documentIndex[spelling]
            if document >= 0 { citedDocument[document] = true; continue }
            if !f.strictVocabulary {
                if documentFinding[spelling] < 0 {
                    documentFinding[spelling] = lenient.finding("document", citations.document(at: j), at: relations[i].location)
                }
                lenient.count(documentFinding[spelling])
            } else {
                let documents = places(f, i).documents
                let at = j < documents.count ? documents[j] : nil
                let id = citations.document(at: j)
                diagnostics.append(Diagnostic(.error, "unknown document '\(id)'" + didYouMean(id, among: graph.documents.map(\.id)),
                                              at: at ?? relations[i].location))
            }
        }
    }

    /// A relation's type must be in the vocabulary (imports: a counted warning per type), and
    /// its ends of kinds the type's domain and range allow.
    private mutating func checkType(_ relations: UnsafeBufferPointer<Relation>, _ i: Int, _ source: Int32?, _ target: Int32?,
                                    _ f: GraphFragment) {
        let spelling = typeSpellings.number(relations[i].type)
        if spelling == typeRules.count {
            typeRules.append(vocabulary.type(relations[i].type))
            typeFinding.append(-1)
        }
        guard typeRules.isKnown(spelling) else {
            if !f.strictVocabulary && !strictVocabulary {
                if typeFinding[spelling] < 0 {
                    typeFinding[spelling] = lenient.finding("type", relations[i].type, at: relations[i].location)
                }
                lenient.count(typeFinding[spelling])
            } else {
                let r = relations[i]
                diagnostics.append(Diagnostic(.error, "unknown relation type '\(r.type)'" + didYouMean(r.type, among: vocabulary.types.map(\.id)),
                                              at: places(f, i).type ?? r.location))
            }
            return
        }
        guard let source, let target else { return }
        let sourceAdmitted = typeRules.admitsSource(spelling, kindOf[Int(source)])
        let targetAdmitted = typeRules.admitsTarget(spelling, kindOf[Int(target)])
        guard !sourceAdmitted || !targetAdmitted else { return }
        let type = typeRules.types[spelling]!
        // Other formats' files are read as their tools read them: a broken rule is a counted
        // warning per type and kind, unless the vocabulary is to be strict.
        let lenientRules = !f.strictVocabulary && !strictVocabulary
        if !sourceAdmitted {
            let r = relations[i], kind = graph.entities[Int(source)].kind
            if lenientRules {
                lenient.count("rule", "'\(type.id)' cannot start at a \(kind); allowed: "
                              + type.domain.joined(separator: ", "), at: places(f, i).source ?? r.location)
            } else {
                diagnostics.append(Diagnostic(.error, "'\(type.id)' cannot start at '\(r.source)', a \(kind); allowed: "
                                              + type.domain.joined(separator: ", "), at: places(f, i).source ?? r.location))
            }
        }
        if !targetAdmitted {
            let r = relations[i], kind = graph.entities[Int(target)].kind
            if lenientRules {
                lenient.count("rule", "'\(type.id)' cannot end at a \(kind); allowed: "
                              + type.range.joined(separator: ", "), at: places(f, i).target ?? r.location)
            } else {
                diagnostics.append(Diagnostic(.error, "'\(type.id)' cannot end at '\(r.target)', a \(kind); allowed: "
                                              + type.range.joined(separator: ", "), at: places(f, i).target ?? r.location))
            }
        }
    }

    /// Appends the valid relations in file order, reporting those whose id was taken. When all are
    /// valid the graph adopts the list itself.
    private mutating func append(_ list: consuming [Relation], tails: [Int32], heads: [Int32], valid: [Bool]?,
                                 indexed: Graph.RelationIDs?, idsDiffer: Bool) {
        let refused: [Relation]
        if let valid {
            refused = graph.append(checked: list.indices.filter { valid[$0] }.map { list[$0] }, tails: tails, heads: heads,
                                   idsDiffer: idsDiffer)
        } else {
            refused = graph.append(checked: consume list, tails: tails, heads: heads, indexed: indexed, idsDiffer: idsDiffer)
        }
        for r in refused {
            let first = graph.index(ofRelation: r.id).map { graph.relation(at: $0).location } ?? nil
            diagnostics.append(Diagnostic(.error, "\(GraphError.duplicateRelation(r.id))" + firstAt(first), at: r.location))
        }
    }
}
