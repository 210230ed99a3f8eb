import ArgumentParser
import Foundation
import KGraph

/// `--focus/--depth/--kind/--type`, the time window and the strength filter: which part of the graph
/// a command draws or exports (see `Selection` for the rules). Shared by `render` and `export`.
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
    @OptionGroup(title: "Time window") var window: TimeWindowOptions
    @OptionGroup(title: "Strength of evidence") var strength: StrengthOptions

    func validate() throws {
        if depth != nil && focus.isEmpty { throw ValidationError("--depth needs --focus") }
        if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
    }

    /// The selection these options describe; a bad date is a `Failure` (exit 2).
    func selection() throws -> Selection {
        Selection(focus: focus, depth: depth ?? 1,
                  kinds: kind.flatMap(Self.split), types: type.flatMap(Self.split), window: try window.window(),
                  strength: try strength.filter())
    }

    /// Applies the selection to `graph`; an unknown name, kind or type is a `Failure` (exit 2), and a
    /// time window that keeps no relation is "nothing found" (exit 1).
    func apply(to graph: Graph) throws -> Subgraph {
        let s = try selection()
        let picked: Subgraph
        do { picked = try s.apply(to: graph) } catch { throw Failure("\(error)") }
        try window.requireKept(picked.relations.count, s.window)
        return picked
    }

    private static func split(_ s: String) -> [String] {
        s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
