import ArgumentParser
import Foundation
import KGraph

/// `--focus/--depth/--kind/--type/--since/--until`: which part of the graph a command draws or
/// exports (see `Selection` for the rules). Shared by `render` and `export`.
struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Centre on this entity (id, name or alias; repeatable): keep what lies within --depth hops, both directions.",
        valueName: "name"))
    var focus: [String] = []
    @Option(name: .long, help: "Hops from the --focus entities to keep (default 1).")
    var depth: Int?
    @Option(name: .long, help: ArgumentHelp(
        "Only entities of this kind (repeatable or comma-separated; see 'kgraph vocabulary').", valueName: "kind"))
    var kind: [String] = []
    @Option(name: .long, help: ArgumentHelp(
        "Only relations of this type (repeatable or comma-separated).", valueName: "type"))
    var type: [String] = []
    @Option(name: .long, help: ArgumentHelp(
        "Only relations that may hold on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); undated ones stay.",
        valueName: "date"))
    var since: String?
    @Option(name: .long, help: ArgumentHelp(
        "Only relations that may hold on or before this date; undated ones stay.", valueName: "date"))
    var until: String?

    func validate() throws {
        if depth != nil && focus.isEmpty { throw ValidationError("--depth needs --focus") }
        if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
        for (flag, text) in [("--since", since), ("--until", until)] {
            if let text, PartialDate(text) == nil {
                throw ValidationError("\(flag) '\(text)' is not a possible date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            }
        }
    }

    /// The selection these options describe.
    var selection: Selection {
        Selection(focus: focus, depth: depth ?? 1,
                  kinds: kind.flatMap(Self.split), types: type.flatMap(Self.split),
                  since: since.flatMap { PartialDate($0) }, until: until.flatMap { PartialDate($0) })
    }

    /// Applies the selection to `graph`; an unknown name, kind or type is a `Failure` (exit 2).
    func apply(to graph: Graph) throws -> Subgraph {
        do { return try selection.apply(to: graph) } catch { throw Failure("\(error)") }
    }

    private static func split(_ s: String) -> [String] {
        s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
