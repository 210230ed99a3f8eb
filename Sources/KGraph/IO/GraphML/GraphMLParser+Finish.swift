import Foundation

// After the last element: nodes only edges named, edge ids made unique or given, then the
// warnings counted along the way.
extension GraphMLParser {
    mutating func finish() {
        // Nodes only named by edges.
        var created = 0
        for (i, declared) in nodeDeclaredAt.enumerated() where declared == nil {
            if created == 0 { undeclaredFirstUse = firstUse(of: Int32(i)) }
            fragment.entities.append(Entity(id: nodeIDs[i], name: nodeIDs[i], kind: InteropField.defaultKind,
                                            location: undeclaredFirstUse))
            created += 1
        }
        if created > 0 {
            warn("\(created) node(s) are named by edges but never declared; they were created (as NetworkX and igraph do)",
                 at: undeclaredFirstUse)
        }
        // Edge ids reused between different node pairs: SOURCE-TARGET-ID.
        let renamed = reusedEdgeIDCount == 0 ? []
            : fragment.relations.indices.filter { edgeIDSlot[$0] >= 0 && edgeIDReused[Int(edgeIDSlot[$0])] }
        dropReadingTables()
        if reusedEdgeIDCount > 0 {
            let firstAt = renamed.first.flatMap { fragment.relations[$0].location }
            give(renamed) { _, id, source, target in joined(source, target, id) }
            warn("\(reusedEdgeIDCount) edge id(s) are reused between different node pairs (NetworkX writes multigraph keys "
                 + "as edge ids); the \(renamed.count) edges carrying them got ids SOURCE-TARGET-ID", at: firstAt)
        }
        // Edges without ids: e0, e1, ... by position, skipping ids the file uses.
        if !unnamedEdges.isEmpty {
            give(unnamedEdges) { i, _, _, _ in "e" + String(i) }
        }
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

    /// Lets go of the tables only the reading needed before the renaming makes its own: the edge-id
    /// table alone, reserved for the relations a big file was estimated to hold, is 33 MB at
    /// 1,000,000 relations, and the renaming was the load's peak.
    private mutating func dropReadingTables() {
        nodeTable = ByteTable()
        nodeDeclaredAt = []
        edgeIDTable = ByteTable()
        edgeIDFirst = []
        edgeEnds = []
        edgeIDSlot = []
        edgeIDReused = []
    }

    func firstUse(of slot: Int32) -> FileLocation? {
        for (i, e) in edgeEnds.enumerated() where e.0 == slot || e.1 == slot { return fragment.relations[i].location }
        return nil
    }

    /// Gives the relations at `indices` (ascending) the ids `base` makes, each made unique with
    /// "-2", "-3", ... against every other relation's id. The set of ids taken numbers each by its
    /// relation and reads it from there (`IDSlots`): a NetworkX file renames nearly every edge, and
    /// a table copying the ids (`ByteTable`) was the load's peak, 65 MB at 1,000,000 relations.
    private mutating func give(_ indices: [Int], _ base: (_ index: Int, _ id: String, _ source: String, _ target: String) -> String) {
        var taken = IDSlots(capacity: fragment.relations.count)
        fragment.relations.withUnsafeMutableBufferPointer { buffer in
            let relations = buffer
            let idOf = { (e: Int32) in relations[Int(e)].id }
            var k = 0
            for i in relations.indices {
                if k < indices.count && indices[k] == i { k += 1; continue }
                _ = taken.insert(relations[i].id, as: Int32(i), idOf: idOf)
            }
            for i in indices {
                let b = base(i, relations[i].id, relations[i].source, relations[i].target)
                var new = b
                var n = 2
                while !taken.insert(new, as: Int32(i), idOf: idOf) { new = b + "-" + String(n); n += 1 }
                relations[i].id = new
            }
        }
    }
}

/// "A-B-C", written straight into a string of its size.
private func joined(_ a: String, _ b: String, _ c: String) -> String {
    String(unsafeUninitializedCapacity: a.utf8.count + b.utf8.count + c.utf8.count + 2) { out in
        var n = 0
        func put(_ s: String) { n += UnsafeMutableBufferPointer(rebasing: out[n...]).initialize(fromContentsOf: s.utf8) }
        put(a); out[n] = UInt8(ascii: "-"); n += 1
        put(b); out[n] = UInt8(ascii: "-"); n += 1
        put(c)
        return n
    }
}
