/// One cap for the diagnostics held in memory, whoever collects them: a file with millions of
/// copies of one problem keeps the first `Limits.diagnosticsPerKind` of that kind and counts the
/// rest on the last one kept (`Diagnostic.more`), so memory stays bounded by the kinds of problem,
/// not by the file's size. Kinds are told apart by severity, file and the message with its quoted
/// names and numbers left out ("unknown entity kind 'x' (3 entities)").
extension Array where Element == Diagnostic {
    /// Appends `d` (every `diagnostics.append` in the library comes here); past
    /// `Limits.diagnosticsFoldAt` held, the list is folded, again each time it doubles.
    public mutating func append(_ d: Diagnostic) {
        append(contentsOf: CollectionOfOne(d))
        if count >= Limits.diagnosticsFoldAt && count & (count - 1) == 0 { fold() }
    }

    /// Keeps the first `Limits.diagnosticsPerKind` of each kind, in order, and adds the others
    /// (and what they counted) to the `more` of the last one kept of their kind.
    public mutating func fold() {
        var kept: [Diagnostic] = []
        var last: [String: (index: Int, count: Int)] = [:]
        for d in self {
            let kind = d.kind
            if let seen = last[kind], seen.count >= Limits.diagnosticsPerKind {
                kept[seen.index].more += 1 + d.more
                continue
            }
            kept.append(contentsOf: CollectionOfOne(d))
            last[kind] = (kept.count - 1, (last[kind]?.count ?? 0) + 1)
        }
        self = kept
    }

    /// How many diagnostics of `severity` these stand for, the folded ones included.
    public func total(_ severity: Diagnostic.Severity) -> Int {
        reduce(0) { $0 + ($1.severity == severity ? 1 + $1.more : 0) }
    }

    /// How many diagnostics these stand for, the folded ones included.
    public var total: Int { reduce(0) { $0 + 1 + $1.more } }
}

extension Diagnostic {
    /// What makes two diagnostics the same kind of problem: severity, file, and the message
    /// without what is between single quotes and without digits.
    var kind: String {
        var out = severity.rawValue + "|" + (location?.file ?? "") + "|"
        var quoted = false
        for c in message.unicodeScalars {
            if c == "'" { quoted.toggle(); out.unicodeScalars.append(c); continue }
            if quoted || ("0"..."9").contains(c) { continue }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
