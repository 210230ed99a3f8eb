/// A problem found in a graph, with where it is and what may fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        /// Worth knowing, not a problem (a document whose text is absent, so its quotes are not verified).
        case note
        case warning, error
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    }

    public var severity: Severity
    public var message: String
    public var location: FileLocation?
    /// Ids of the relations a finding beyond form concerns (both claims of a contradiction); empty otherwise.
    public var relations: [String]
    /// How many more of the same kind were found and counted but not kept (`fold()`).
    public var more = 0

    public init(_ severity: Severity, _ message: String, at location: FileLocation?, relations: [String] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.relations = relations
    }

    /// `file:line:column: error: message`, the form compilers and editors understand.
    public var description: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
    }
}

extension [Diagnostic] {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column; diagnostics without a place first.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?):
                if x.file != y.file { return x.file < y.file }
                if x.line != y.line { return x.line < y.line }
                if x.column != y.column { return x.column < y.column }
                return a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// " (did you mean 'x'?)" for the closest candidates, or "" when none is close.
func didYouMean(_ word: String, among candidates: some Sequence<String>, limit: Int = 3) -> String {
    let close = Suggest.closest(to: word, among: candidates, limit: limit)
    guard !close.isEmpty else { return "" }
    return " (did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?)"
}

/// Ranking candidate strings by edit distance, for "did you mean".
enum Suggest {
    /// Up to `limit` candidates close to `word` (case-insensitive), nearest first.
    static func closest(to word: String, among candidates: some Sequence<String>, limit: Int) -> [String] {
        let w = Array(word.lowercased().unicodeScalars)
        var scored: [(Int, String)] = []
        for c in candidates {
            let cs = Array(c.lowercased().unicodeScalars)
            let d = editDistance(w, cs)
            let allowed = max(2, min(w.count, cs.count) / 3)
            let prefix = cs.count >= 3 && w.count >= 3 && (cs.starts(with: w) || w.starts(with: cs))
            if d <= allowed || prefix { scored.append((prefix ? min(d, 1) : d, c)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var seen = Set<String>()
        return scored.compactMap { seen.insert($0.1).inserted ? $0.1 : nil }.prefix(limit).map { $0 }
    }

    /// Levenshtein distance.
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
