/// An entity's parts: the entities that are `part-of` it, to any depth. The shipped graph records an
/// act with the actor a report names (US Central Command for one round of strikes, the United
/// States for the others); asking with parts ("United States" with US armed forces and CENTCOM)
/// answers for the whole.
extension Graph {
    /// The relation type that makes its source a part of its target.
    public static let partOfType = "part-of"

    /// `entities`, then every entity that is part of one of them, nearest first, each once.
    /// `part-of` relations are followed from part to whole only, so a whole's siblings stay out.
    ///
    ///     g.withParts([unitedStates])   // United States, US armed forces, ..., US Central Command
    /// - Complexity: O(entities reached + the relations coming into them).
    public func withParts(_ entities: [Int32]) -> [Int32] {
        var seen = Set(entities)
        var list: [Int32] = []
        for e in entities where !list.contains(e) { list.append(e) }
        var next = 0
        while next < list.count {
            let whole = list[next]
            next += 1
            for r in incoming(whole) where relation(at: r).type == Self.partOfType {
                let part = sourceIndex(ofRelation: r)
                if seen.insert(part).inserted { list.append(part) }
            }
        }
        return list
    }

    /// The parts of one entity, to any depth, nearest first (without the entity itself).
    public func parts(of entity: Int32) -> [Int32] { Array(withParts([entity]).dropFirst()) }
}

extension Endpoint {
    /// The same endpoint standing also for every part of its entities (in graph order).
    public func withParts(in graph: Graph) -> Endpoint {
        Endpoint(text: text, entities: graph.withParts(entities).sorted())
    }
}
