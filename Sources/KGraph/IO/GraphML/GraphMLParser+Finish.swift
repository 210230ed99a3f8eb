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
        if !reusedEdgeIDs.isEmpty {
            var taken = Set(fragment.relations.map(\.id))
            var renamed = 0
            var firstAt: FileLocation?
            for i in fragment.relations.indices {
                let r = fragment.relations[i]
                guard !r.id.isEmpty, let slot = Array(r.id.utf8).withUnsafeBufferPointer({ edgeIDTable.find($0) }),
                      reusedEdgeIDs[slot] != nil else { continue }
                var new = r.source + "-" + r.target + "-" + r.id
                var n = 2
                while taken.contains(new) { new = r.source + "-" + r.target + "-" + r.id + "-" + String(n); n += 1 }
                taken.insert(new)
                fragment.relations[i].id = new
                if firstAt == nil { firstAt = r.location }
                renamed += 1
            }
            warn("\(reusedEdgeIDs.count) edge id(s) are reused between different node pairs (NetworkX writes multigraph keys "
                 + "as edge ids); the \(renamed) edges carrying them got ids SOURCE-TARGET-ID", at: firstAt)
        }
        // Edges without ids: e0, e1, ... by position, skipping ids the file uses.
        if !unnamedEdges.isEmpty {
            var taken = Set(fragment.relations.map(\.id))
            for i in unnamedEdges {
                var new = "e" + String(i)
                var n = 2
                while taken.contains(new) { new = "e" + String(i) + "-" + String(n); n += 1 }
                taken.insert(new)
                fragment.relations[i].id = new
            }
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

    func firstUse(of slot: Int32) -> FileLocation? {
        for (i, e) in edgeEnds.enumerated() where e.0 == slot || e.1 == slot { return fragment.relations[i].location }
        return nil
    }
}
