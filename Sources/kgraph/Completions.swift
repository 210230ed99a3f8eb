import ArgumentParser
import Foundation
import KGraph

/// What the shell completes for arguments that name something in the graph. The completion
/// scripts (`kgraph --generate-completion-script bash|zsh|fish`) call kgraph back with the words
/// typed so far; kgraph loads the graph those words point to (`--graph`, else the usual default)
/// and offers what starts with the word being completed. A graph that cannot be loaded offers
/// nothing rather than an error, since the shell has nowhere to show one.
enum Completions {
    /// Entity ids, and the names and aliases that are one word (a shell splits the others).
    static let entities = CompletionKind.custom { words, _, prefix in
        offer(prefix, from: graph(from: words).map { g in
            (0..<Int32(g.entityCount)).flatMap { i -> [String] in
                let e = g.entity(at: i)
                return [e.id] + ([e.name] + e.aliases).filter { !$0.contains(where: \.isWhitespace) }
            }
        } ?? [])
    }

    /// Entity kinds: the built-in vocabulary and the graph's own.
    static let kinds = CompletionKind.custom { words, _, prefix in
        offer(prefix, from: (graph(from: words)?.vocabulary ?? .standard).kinds.map(\.id))
    }

    /// Relation types: the built-in vocabulary and the graph's own.
    static let types = CompletionKind.custom { words, _, prefix in
        offer(prefix, from: (graph(from: words)?.vocabulary ?? .standard).types.map(\.id))
    }

    /// The candidates that start with `prefix` (ignoring case), each once, in alphabetical order
    /// ignoring case.
    static func offer(_ prefix: String, from candidates: [String]) -> [String] {
        let p = prefix.lowercased()
        return Set(candidates.filter { $0.lowercased().hasPrefix(p) }).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
    }

    /// The graph the typed command would read: its `--graph` values, else the default location.
    static func graph(from words: [String]) -> Graph? {
        var explicit: [String] = []
        for (i, w) in words.enumerated() {
            if w == "--graph", i + 1 < words.count { explicit.append(words[i + 1]) }
            if w.hasPrefix("--graph=") { explicit.append(String(w.dropFirst("--graph=".count))) }
        }
        guard let paths = try? GraphLoader.locate(explicit: explicit),
              let result = try? GraphLoader.load(paths: paths) else { return nil }
        return result.graph
    }
}
