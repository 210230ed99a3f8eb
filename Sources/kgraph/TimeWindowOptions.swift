import ArgumentParser
import KGraph

/// `--since`, `--until`, `--dated-only`, `--include-undated`: the time window, one group shared by
/// every command that selects relations (path, neighbors, timeline, relations, render, export),
/// so the four options mean the same everywhere (see `TimeWindow` for the rule).
struct TimeWindowOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Only relations whose date or interval may overlap the window from DATE on (YYYY, YYYY-MM or YYYY-MM-DD).",
        valueName: "date"))
    var since: String?
    @Option(name: .long, help: ArgumentHelp("Only relations that may overlap the window up to DATE.", valueName: "date"))
    var until: String?
    @Flag(name: .long, help: "Leave out undated relations, with or without --since/--until.")
    var datedOnly = false
    @Flag(name: .long, help: "With --since/--until: keep undated relations too (left out by default: they cannot be placed in a window).")
    var includeUndated = false

    func validate() throws {
        if datedOnly && includeUndated { throw ValidationError("--dated-only and --include-undated contradict each other") }
    }

    /// The window; bad dates or a window that ends before it starts are `Failure`s (exit 2).
    func window() throws -> TimeWindow {
        func date(_ text: String?, _ option: String) throws -> PartialDate? {
            guard let text else { return nil }
            guard let d = PartialDate(text.trimmingCharacters(in: .whitespaces)) else {
                throw Failure("\(option): '\(text)' is not a possible date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            return d
        }
        let w = TimeWindow(since: try date(since, "--since"), until: try date(until, "--until"),
                           datedOnly: datedOnly, includeUndated: includeUndated)
        if w.endsBeforeItStarts, let s = w.since, let u = w.until { throw Failure("--until \(u) is before --since \(s)") }
        return w
    }

    /// Ends the command with "nothing found" (exit 1) when a window is set and keeps no relation.
    func requireKept(_ relations: Int, _ window: TimeWindow) throws {
        guard relations == 0, let summary = window.summary else { return }
        Console.error("no relation falls in the time window (\(summary))")
        throw ExitCode(1)
    }
}
