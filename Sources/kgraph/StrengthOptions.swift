import ArgumentParser
import KGraph

/// `--assertion`, `--min-confidence`, `--exclude-added`: the strength of the evidence a relation
/// needs to count. One group, the same spelling and meaning in every command that selects relations
/// (path, neighbors, timeline, relations, render, export).
struct StrengthOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Only relations with these assertions: reported, claimed, attributed, alleged, denied (comma-separated, repeatable).",
        valueName: "list"))
    var assertion: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only relations of at least this confidence: low, medium or high.", valueName: "level"))
    var minConfidence: String?
    @Flag(name: .long, help: "Leave out facts added from general knowledge (provenance: added).")
    var excludeAdded = false

    /// The filter; an unknown assertion or level is a `Failure` (exit 2).
    func filter() throws -> StrengthFilter {
        var f = StrengthFilter(excludesAdded: excludeAdded)
        let words = assertion.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !words.isEmpty {
            f.assertions = Set(try words.map { word in
                guard let a = Assertion(rawValue: word.lowercased()) else {
                    throw Failure("--assertion: '\(word)' is not an assertion; use "
                                  + Assertion.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return a
            })
        }
        if let minConfidence { f.minimumConfidence = try confidence(minConfidence, option: "--min-confidence") }
        return f
    }
}
