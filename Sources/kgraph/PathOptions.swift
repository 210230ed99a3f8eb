import ArgumentParser
import KGraph

/// The options of a path search, shared by `kgraph path` and `kgraph render --path`:
/// `-k`, `--directed`, `--via`, `--exclude`, `--avoid`, `--max-hops`.
/// The time window and the strength filter are separate groups (`TimeWindowOptions`,
/// `StrengthOptions`), so a command that already has them (render's `SelectionOptions`) passes
/// its own to `answer(...)`.
struct PathOptions: ParsableArguments {
    @Option(name: .customShort("k"), help: ArgumentHelp("The N shortest loopless paths, shortest first.", valueName: "n"))
    var count: Int = 1
    @Flag(name: .long, help: "Follow relations only forward, source to target (symmetric types such as allied-with both ways).")
    var directed = false
    @Flag(name: .long, help: "Only paths whose dates do not go back in time, hop after hop (undated hops only with --include-undated).")
    var chronological = false
    @Option(name: .long, help: ArgumentHelp("Follow only these relation types (comma-separated, repeatable).", valueName: "types"))
    var via: [String] = []
    @Option(name: .long, help: ArgumentHelp("Never follow these relation types (comma-separated, repeatable).", valueName: "types"))
    var exclude: [String] = []
    @Option(name: .long, help: ArgumentHelp("Never pass through these entities: names, aliases or kind:K (comma-separated, repeatable).",
                                            valueName: "names"))
    var avoid: [String] = []
    @Option(name: .long, help: ArgumentHelp("The most relations a path may follow.", valueName: "n"))
    var maxHops: Int = 6
    @OptionGroup var parts: PartsOption

    /// The traversal filters, checked against the graph: unknown types, names or levels are `Failure`s (exit 2).
    func traversal(in g: Graph, names: NameIndex, window: TimeWindow = TimeWindow(),
                   strength: StrengthFilter = StrengthFilter()) throws -> TraversalOptions {
        guard count >= 1 else { throw Failure("-k must be at least 1 (got \(count))") }
        guard maxHops >= 1 else { throw Failure("--max-hops must be at least 1 (got \(maxHops))") }
        var o = TraversalOptions()
        o.direction = directed ? .outgoing : .both
        o.chronological = chronological
        o.maxHops = maxHops
        if !via.isEmpty { o.relationTypes = Set(try relationTypes(via, option: "--via", in: g)) }
        o.excludedTypes = Set(try relationTypes(exclude, option: "--exclude", in: g))
        for text in avoid {
            for e in try entityList(text, option: "--avoid", in: g, names: names) { o.avoidedEntities.insert(e) }
        }
        o.window = window
        o.strength = strength
        return o
    }

    /// Resolves the endpoints and finds the paths within `window` and `strength`; errors are `Failure`s (exit 2).
    /// The answer may hold no path: print `QueryText.noPath(answer, in: g)` and exit 1.
    func answer(from: String, to: String, in g: Graph, window: TimeWindow = TimeWindow(),
                strength: StrengthFilter = StrengthFilter()) throws -> PathAnswer {
        let names = NameIndex(g)
        let f = parts.expand(try endpoint(from, in: g, names: names), in: g)
        let t = parts.expand(try endpoint(to, in: g, names: names), in: g)
        let o = try traversal(in: g, names: names, window: window, strength: strength)
        do { return try g.findPaths(from: f, to: t, count: count, options: o) } catch { throw Failure("\(error)") }
    }
}

/// Resolves a query endpoint (a name, an alias shared by several entities, or `kind:K`); exit 2 when it names nothing.
func endpoint(_ text: String, in g: Graph, names: NameIndex) throws -> Endpoint {
    do { return try names.endpoint(text, in: g) } catch { throw Failure("\(error)") }
}

/// Comma-separated names (each may be an alias shared by several entities or `kind:K`); a whole text that
/// resolves as one name is taken as is, so a name with a comma still works.
func entityList(_ text: String, option: String, in g: Graph, names: NameIndex) throws -> [Int32] {
    if let whole = try? names.endpoint(text, in: g) { return whole.entities }
    var out: [Int32] = []
    for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
        do { out += try names.endpoint(part, in: g).entities } catch { throw Failure("\(option): \(error)") }
    }
    return out
}

/// Comma-separated relation types, each known to the vocabulary or used in the graph.
func relationTypes(_ texts: [String], option: String, in g: Graph) throws -> [String] {
    var out: [String] = []
    for part in texts.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
        guard g.vocabulary.type(part) != nil || g.relations.contains(where: { $0.type == part }) else {
            throw Failure("\(option): unknown relation type '\(part)'; types: " + g.vocabulary.types.map(\.id).joined(separator: ", "))
        }
        out.append(part)
    }
    return out
}

/// Comma-separated entity kinds, each known to the vocabulary or used in the graph.
func entityKinds(_ texts: [String], option: String, in g: Graph) throws -> [String] {
    var out: [String] = []
    for part in texts.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
        guard g.vocabulary.kind(part) != nil || g.entities.contains(where: { $0.kind == part }) else {
            throw Failure("\(option): unknown entity kind '\(part)'; kinds: " + g.vocabulary.kinds.map(\.id).joined(separator: ", "))
        }
        out.append(part)
    }
    return out
}

/// `low`, `medium` or `high`.
func confidence(_ text: String, option: String) throws -> Confidence {
    guard let c = Confidence(rawValue: text.lowercased()) else {
        throw Failure("\(option): '\(text)' is not a confidence level; use low, medium or high")
    }
    return c
}
