/// Findings in imported files (`strictVocabulary == false`), reported once per kind, type, document
/// or file with a count rather than once per entity or relation.
struct LenientFindings {
    /// Keyed by scalars, as ids are: two spellings of one text in different Unicode forms are two values.
    private var numbers: [IDKey: Int] = [:]
    /// In order of first occurrence.
    private var findings: [(what: String, value: String, count: Int, at: FileLocation?)] = []

    /// The number of the finding about `value`, made (with no occurrence yet) at its first sight.
    mutating func finding(_ what: String, _ value: String, at: FileLocation?) -> Int {
        let key = IDKey(what + "\u{0}" + value)
        if let n = numbers[key] { return n }
        numbers[key] = findings.count
        findings.append((what, value, 0, at))
        return findings.count - 1
    }

    /// One more occurrence of finding `n`.
    mutating func count(_ n: Int) { findings[n].count += 1 }

    mutating func count(_ what: String, _ value: String, at: FileLocation?) { count(finding(what, value, at: at)) }

    func diagnostics(_ v: Vocabulary) -> [Diagnostic] {
        findings.map { what, value, count, at in
            switch what {
            case "kind":
                return Diagnostic(.warning, "unknown entity kind '\(value)' (\(count) entities)"
                                  + didYouMean(value, among: v.kinds.map(\.id)), at: at)
            case "type":
                return Diagnostic(.warning, "unknown relation type '\(value)' (\(count) relations)"
                                  + didYouMean(value, among: v.types.map(\.id)), at: at)
            case "rule":
                return Diagnostic(.warning, "\(value) (\(count) relation(s); --strict-vocabulary makes this an error)", at: at)
            case "document":
                return Diagnostic(.warning, "unknown document '\(value)' (cited \(count) time(s); the file does not describe it)",
                                  at: at)
            default:
                return Diagnostic(.warning, "\(count) relation(s) cite no source (the file has no citations)", at: at)
            }
        }
    }
}
