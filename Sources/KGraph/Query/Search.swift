/// Where a search text was found.
public enum SearchField: String, Sendable, Codable {
    case id, name, alias, description, note, quote
}

/// One place a search matched, with the words around it.
public struct SearchMatch: Hashable, Sendable {
    public var field: SearchField
    /// The document a matching quote is cited from.
    public var document: String?
    /// The field's text around the match, the matching words between `[` and `]`, cut with `…`.
    public var context: String
}

/// An entity or relation a search found, with its score (higher first) and where it matched.
public struct SearchHit: Hashable, Sendable {
    public enum Item: Hashable, Sendable {
        case entity(Int32)
        case relation(Int32)
    }

    public var item: Item
    public var score: Int
    public var matches: [SearchMatch]
}

/// Text search over a graph: entities by id, name, alias and description, relations by their notes
/// and quotes. Words fold as names do (`normalizedName`: case, diacritics, apostrophes), so
/// "kataib" finds "Kata’ib". Every word of the query must match a word of the same field: exactly,
/// or as its beginning when the query word has three or more characters.
///
///     let hits = graph.search("footprints kataib")
///
/// Ranking: an entity whose whole name or alias is the query first; then per field, 3 points per
/// word matched exactly and 2 per prefix, 2 more when the query's words stand together in order,
/// weighted by the field (name 4, alias 3, id 2, quote and note 2, description 1); an item scores
/// its best field, and a relation one more point for each further note or quote that matches.
public struct TextSearch {
    /// A word of a text: where it stands, and its folded form.
    struct Word {
        var range: Range<String.Index>
        var folded: String
    }

    /// Splits `text` into words: runs of letters and digits, joined across apostrophes
    /// ("Kata’ib" is one word), each folded as names are.
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        var start: String.Index?
        var i = text.startIndex
        func close(_ end: String.Index) {
            guard let s = start else { return }
            let folded = normalizedName(String(text[s..<end]))
            if !folded.isEmpty { out.append(Word(range: s..<end, folded: folded)) }
            start = nil
        }
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c.isLetter || c.isNumber {
                if start == nil { start = i }
            } else if (c == "'" || c == "’") && start != nil && next < text.endIndex && text[next].isLetter {
                // an apostrophe inside a word
            } else {
                close(i)
            }
            i = next
        }
        close(text.endIndex)
        return out
    }

    let query: [String]
    let whole: String

    /// A search for `text`; nil when it has no word.
    public init?(_ text: String) {
        query = Self.words(text).map(\.folded)
        whole = normalizedName(text)
        if query.isEmpty { return nil }
    }

    /// How well `text` matches, and the match in context; nil when some query word is missing.
    func match(_ text: String, field: SearchField, weight: Int) -> (score: Int, context: String)? {
        let words = Self.words(text)
        var score = 0
        var positions: [Int] = []
        for q in query {
            var found: (index: Int, exact: Bool)?
            for (j, w) in words.enumerated() {
                if w.folded == q { found = (j, true); break }
                if found == nil && q.count >= 3 && w.folded.hasPrefix(q) { found = (j, false) }
            }
            guard let found else { return nil }
            score += found.exact ? 3 : 2
            positions.append(found.index)
        }
        if positions.count > 1 && zip(positions, positions.dropFirst()).allSatisfy({ $1 == $0 + 1 }) { score += 2 }
        return (score * weight, Self.context(text, words, marked: Set(positions)))
    }

    /// The text around the marked words (about eight words either side), marked words in brackets.
    static func context(_ text: String, _ words: [Word], marked: Set<Int>) -> String {
        guard let low = marked.min(), let high = marked.max() else { return text }
        let from = max(0, low - 8), to = min(words.count - 1, high + 8)
        var out = from > 0 ? "…" : ""
        var cursor = words[from].range.lowerBound
        for j in from...to {
            let w = words[j]
            out += text[cursor..<w.range.lowerBound]
            out += marked.contains(j) ? "[" + text[w.range] + "]" : String(text[w.range])
            cursor = w.range.upperBound
        }
        if to < words.count - 1 { out += "…" } else { out += text[cursor...] }
        return out
    }
}

extension Graph {
    /// Entities and relations matching `text`, best first (ties in graph order): see `TextSearch`.
    /// - Complexity: O(total length of the searched texts).
    public func search(_ text: String) -> [SearchHit] {
        guard let s = TextSearch(text) else { return [] }
        var hits: [SearchHit] = []
        for i in 0..<Int32(entityCount) {
            let e = entity(at: i)
            var fields: [(SearchField, String, Int)] = [(.name, e.name, 4)]
            fields += e.aliases.map { (.alias, $0, 3) }
            fields.append((.id, e.id, 2))
            if let d = e.description { fields.append((.description, d, 1)) }
            var best: (score: Int, match: SearchMatch)?
            for (field, value, weight) in fields {
                guard var m = s.match(value, field: field, weight: weight) else { continue }
                if field != .description && normalizedName(value) == s.whole { m.score += 1000 }
                if best.map({ m.score > $0.score }) ?? true {
                    best = (m.score, SearchMatch(field: field, document: nil, context: m.context))
                }
            }
            if let best { hits.append(SearchHit(item: .entity(i), score: best.score, matches: [best.match])) }
        }
        for r in 0..<Int32(relationCount) {
            let rel = relation(at: r)
            var score = 0
            var matches: [SearchMatch] = []
            if let note = rel.note, let m = s.match(note, field: .note, weight: 2) {
                score = m.score
                matches.append(SearchMatch(field: .note, document: nil, context: m.context))
            }
            for c in rel.sources {
                guard let m = s.match(c.quote, field: .quote, weight: 2) else { continue }
                score = max(score, m.score)
                matches.append(SearchMatch(field: .quote, document: c.document, context: m.context))
            }
            // More places that match rank a little higher.
            if !matches.isEmpty { hits.append(SearchHit(item: .relation(r), score: score + matches.count - 1, matches: matches)) }
        }
        // Stable: equal scores keep graph order (entities, then relations).
        return hits.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element)
    }
}
