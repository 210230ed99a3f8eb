/// The connected components of a graph, relations taken in either direction.
public struct ConnectedComponents: Hashable, Sendable {
    /// Component number of each entity; component 0 is the largest (ties: the one holding the earlier entity).
    public var component: [Int32]
    /// Number of entities in each component, largest first.
    public var sizes: [Int]

    public init(component: [Int32], sizes: [Int]) {
        self.component = component
        self.sizes = sizes
    }

    public var count: Int { sizes.count }

    /// The entities of component `c`, in graph order.
    public func members(of c: Int32) -> [Int32] {
        component.indices.filter { component[$0] == c }.map { Int32($0) }
    }
}

extension Graph {
    /// The weakly connected components (union-find over the relations).
    ///
    ///     graph.connectedComponents().sizes   // [55, 3, 2]
    ///
    /// - Complexity: O(V + E · α(V)) time, O(V) memory.
    public func connectedComponents() -> ConnectedComponents {
        let n = entityCount
        var parent = (0..<Int32(n)).map { $0 }
        func find(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x {
                parent[Int(x)] = parent[Int(parent[Int(x)])]  // path halving
                x = parent[Int(x)]
            }
            return x
        }
        for r in 0..<Int32(relationCount) {
            let a = find(sourceIndex(ofRelation: r)), b = find(targetIndex(ofRelation: r))
            if a != b { parent[Int(max(a, b))] = min(a, b) }
        }
        // Number roots by first appearance, then renumber by size.
        var rootComponent = [Int32](repeating: -1, count: n)
        var label = [Int32](repeating: 0, count: n)
        var sizes: [Int] = []
        for v in 0..<Int32(n) {
            let root = find(v)
            if rootComponent[Int(root)] < 0 { rootComponent[Int(root)] = Int32(sizes.count); sizes.append(0) }
            label[Int(v)] = rootComponent[Int(root)]
            sizes[Int(label[Int(v)])] += 1
        }
        let bySize = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var rank = [Int32](repeating: 0, count: sizes.count)
        for (newIndex, old) in bySize.enumerated() { rank[old] = Int32(newIndex) }
        return ConnectedComponents(component: label.map { rank[Int($0)] }, sizes: bySize.map { sizes[$0] })
    }
}
