import Foundation

// After the last element: nodes only edges named, edge ends as entity positions, edge ids made
// unique or given, then the warnings counted along the way.
extension GraphMLParser {
    mutating func finish() {
        // Nodes only named by edges.
        var created = 0
        for (i, declared) in nodeDeclaredAt.enumerated() where declared == nil {
            if created == 0 { undeclaredFirstUse = firstUse(of: Int32(i)) }
            nodeEntity[i] = Int32(fragment.entities.count)
            fragment.entities.append(Entity(id: nodeIDs[i], name: nodeIDs[i], kind: InteropField.defaultKind,
                                            location: undeclaredFirstUse))
            created += 1
        }
        if created > 0 {
            warn("\(created) node(s) are named by edges but never declared; they were created (as NetworkX and igraph do)",
                 at: undeclaredFirstUse)
        }
        giveRelationEnds()
        // Edge ids reused between different node pairs: SOURCE-TARGET-ID.
        // Ids are unique when no <data> replaced one (an edge with an id attribute but no slot):
        // the attribute ids are, but for the reused ones, which are renamed; else `give` finds out.
        var unique = edgeIDSlot.reduce(0) { $1 < 0 ? $0 + 1 : $0 } == unnamedEdges.count
        dropReadingTables()
        let renamed = renamedEdges()
        edgeIDSlot = []
        edgeIDReused = []
        if reusedEdgeIDCount > 0 {
            let firstAt = renamed.first.flatMap { fragment.relations[Int($0)].location }
            unique = deriveIDsIfAllDiffer(renamed) || give(renamed, named: nil)
            warn("\(reusedEdgeIDCount) edge id(s) are reused between different node pairs (NetworkX writes multigraph keys "
                 + "as edge ids); the \(renamed.count) edges carrying them got ids SOURCE-TARGET-ID", at: firstAt)
        }
        // Edges without ids: e0, e1, ... by position, skipping ids the file uses.
        if !unnamedEdges.isEmpty {
            unique = give(unnamedEdges.map(Int32.init)) { "e" + String($0) }
        }
        fragment.relationIDsUnique = unique
        if !renamedNodes.isEmpty {
            for i in fragment.relations.indices {
                if let s = renamedNodes[fragment.relations[i].source] { fragment.relations[i].source = s }
                if let t = renamedNodes[fragment.relations[i].target] { fragment.relations[i].target = t }
            }
        }
        fragment.settleCountries()
        for key in noteOrder {
            let n = notes[key]!
            warn(n.count > 1 ? "\(key) (\(n.count) times)" : key, at: n.at)
        }
    }

    /// Lets go of the tables only the reading needed (but the slots that say which edge ids are
    /// renamed) before the renaming makes its own: the edge-id table alone, reserved for the
    /// relations a big file was estimated to hold, is 33 MB at 1,000,000 relations, and the end of
    /// the reading is the load's peak.
    private mutating func dropReadingTables() {
        nodeTable = ByteTable()
        nodeDeclaredAt = []
        edgeIDTable = ByteTable()
        edgeIDFirst = []
        nodeEntity = []
    }

    /// Hands each relation's ends to the fragment as its entities' positions, in place of the node
    /// slots: the node ids are then not hashed again at assembly.
    private mutating func giveRelationEnds() {
        var ends = GraphFragment.RelationEnds()
        swap(&ends, &edgeEnds)
        nodeEntity.withUnsafeBufferPointer { entity in
            for i in ends.sources.indices {
                ends.sources[i] = entity[Int(ends.sources[i])]
                ends.targets[i] = entity[Int(ends.targets[i])]
            }
        }
        fragment.relationEnds = ends
    }

    /// The relations whose edge id is reused between different node pairs, in order; counted
    /// first, so the list is made at its size (NetworkX files rename nearly every edge).
    private func renamedEdges() -> [Int32] {
        guard reusedEdgeIDCount > 0 else { return [] }
        func isRenamed(_ i: Int) -> Bool { edgeIDSlot[i] >= 0 && edgeIDReused[Int(edgeIDSlot[i])] }
        var list: [Int32] = []
        list.reserveCapacity(edgeIDSlot.indices.reduce(0) { isRenamed($1) ? $0 + 1 : $0 })
        for i in edgeIDSlot.indices where isRenamed(i) { list.append(Int32(i)) }
        return list
    }

    func firstUse(of slot: Int32) -> FileLocation? {
        for i in edgeEnds.sources.indices where edgeEnds.sources[i] == slot || edgeEnds.targets[i] == slot {
            return fragment.relations[i].location
        }
        return nil
    }

    /// Gives the relations at `indices` (ascending) the ids "SOURCE-TARGET-ID" held derived when
    /// these and every other relation's id then differ, as they do in nearly every file; false,
    /// changing nothing, when two may not (their hashes are the same), for `give` to find out.
    /// Hashing each id into a list and checking the list (`IDSlots.allDiffer`) costs a fraction of
    /// one table lookup an id: at 1,000,000 relations the table misses the cache at nearly each one.
    private mutating func deriveIDsIfAllDiffer(_ indices: [Int32]) -> Bool {
        let n = fragment.relations.count
        let seed = ByteTable.processSeed
        let hashes = fragment.relations.withUnsafeBufferPointer { relations in
            [UInt64](unsafeUninitializedCapacity: n) { out, count in
                guard let at = relations.baseAddress else { count = 0; return }
                var k = 0
                for i in 0..<n {
                    if k < indices.count && Int(indices[k]) == i {
                        k += 1
                        out[i] = Relation.withDerivableIDBytes(of: at + i) { ByteTable.hash($0, seed: seed) }
                    } else {
                        out[i] = Relation.withIDBytes(of: at + i) { ByteTable.hash($0, seed: seed) }
                    }
                }
                count = n
            }
        }
        guard IDSlots.allDiffer(hashes) else { return false }
        for i in indices { fragment.relations[Int(i)].deriveID() }
        return true
    }

    /// Gives the relations at `indices` (ascending) new ids, `named(i)` or, when it is nil,
    /// "SOURCE-TARGET-ID" held derived (`Relation.deriveID`: a NetworkX file renames nearly every
    /// edge, and a million such Strings took 68 MB), each made unique with "-2", "-3", ... against
    /// every other relation's id. The set of ids taken numbers each by its relation and reads it
    /// from there by its bytes (`IDSlots`, `Relation.withIDBytes`): no id is copied or made.
    /// Returns whether the other relations' ids were unique too.
    @discardableResult
    private mutating func give(_ indices: [Int32], named: ((Int) -> String)?) -> Bool {
        var unique = true
        var taken = IDSlots(capacity: fragment.relations.count)
        fragment.relations.withUnsafeMutableBufferPointer { buffer in
            let relations = buffer
            let at = UnsafePointer(buffer.baseAddress!)
            func take(_ i: Int) -> Bool {
                Relation.withIDBytes(of: at + i) { id in taken.insert(bytes: id, as: Int32(i)) { Relation.hasID(of: at + Int($0), id) } }
            }
            var k = 0
            for i in relations.indices {
                if k < indices.count && Int(indices[k]) == i { k += 1; continue }
                if !take(i) { unique = false }
            }
            for i in indices.lazy.map(Int.init) {
                let given = relations[i].id
                let base = named?(i) ?? given
                func name(_ n: Int) {
                    if named == nil {
                        if n > 0 { relations[i].id = given }
                        relations[i].deriveID(suffix: n)
                    } else {
                        relations[i].id = n == 0 ? base : base + "-" + String(n)
                    }
                }
                name(0)
                var n = 2
                while !take(i) { name(n); n += 1 }
            }
        }
        return unique
    }
}
