/// Warnings for entities of one kind that share a name or alias as the resolver folds it
/// (`normalizedName`), for `kgraph check`: most often one actor entered twice ("Kataib Hezbollah"
/// imported beside "Kata'ib Hezbollah"), which makes the name ambiguous in every command.
///
/// A name shared on purpose, like the umbrella handle "US base" that every attacked US site
/// carries, is declared under `shared-aliases:` of each entity that carries it; then it is not
/// reported. A declared shared alias that is not one of the entity's names is reported too, so
/// the declaration cannot silently drift from the aliases.
public enum SharedNameCheck {
    /// One warning per pair of same-kind entities sharing undeclared names, at the later entity,
    /// and one per declared shared alias that is not among its entity's names.
    /// - Complexity: O(total length of names).
    public static func check(_ g: Graph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // (kind, folded name) -> the entities carrying it, in graph order, each once.
        var carriers: [Pair: [Int32]] = [:]
        var spelling: [Pair: String] = [:]
        var declared: [Set<String>] = []
        declared.reserveCapacity(g.entityCount)
        for i in 0..<Int32(g.entityCount) {
            let e = g.entity(at: i)
            var keys = Set<String>()
            for name in [e.name] + e.aliases {
                let key = normalizedName(name)
                guard !key.isEmpty, keys.insert(key).inserted else { continue }
                let pair = Pair(kind: e.kind, key: key)
                carriers[pair, default: []].append(i)
                if spelling[pair] == nil { spelling[pair] = name }
            }
            declared.append(Set(e.sharedAliases.map(normalizedName)))
            for alias in e.sharedAliases where !keys.contains(normalizedName(alias)) {
                diagnostics.append(Diagnostic(.warning, "'\(e.name)' [\(e.id)] declares '\(alias)' shared, but it is not "
                                              + "its name or one of its aliases; add it to aliases: or remove it from shared-aliases:",
                                              at: e.location))
            }
        }
        // Each later carrier with the first earlier one such that not both declare the name shared:
        // one warning per pair, however many names the two share.
        var shared: [PairOfEntities: [String]] = [:]
        for (pair, list) in carriers where list.count > 1 {
            let declares = list.map { declared[Int($0)].contains(pair.key) }
            for k in 1..<list.count {
                guard let first = (0..<k).first(where: { !declares[k] || !declares[$0] }) else { continue }
                shared[PairOfEntities(first: list[first], later: list[k]), default: []].append(spelling[pair]!)
            }
        }
        for (pair, names) in shared.sorted(by: { ($0.key.later, $0.key.first) < ($1.key.later, $1.key.first) }) {
            let a = g.entity(at: pair.first), b = g.entity(at: pair.later)
            let list = names.sorted().map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.append(Diagnostic(.warning, "'\(b.name)' [\(b.id)] and '\(a.name)' [\(a.id)] are both \(b.kind) and share "
                                          + "the name\(names.count == 1 ? "" : "s") \(list), so the name is ambiguous: if they are one "
                                          + "entity, merge them; if the name is shared on purpose, list it under shared-aliases: of each",
                                          at: b.location ?? a.location))
        }
        return diagnostics
    }

    private struct Pair: Hashable {
        var kind: String
        var key: String
    }

    private struct PairOfEntities: Hashable {
        var first: Int32
        var later: Int32
    }
}
