/// The passage of a document nearest to a quote that is not in it, for "did you mean".
///
/// A window as many words long as the quote slides over the document; its score is how many of
/// the quote's words (lowercased, punctuation dropped, repeats counted) it holds. Among the best
/// windows, the one fewest word edits away from the quote (then the first) is the hint.
/// O(document words + quote words), plus the edit distances of the tied windows.
enum ClosestPassage {
    /// The closest passage of the folded document text to the folded quote, or nil when no word is shared.
    static func find(_ quote: String, in document: String) -> String? {
        let quoteWords = quote.split(separator: " ").map(key)
        let words = document.split(separator: " ")
        let n = quoteWords.count
        guard n > 0, !words.isEmpty else { return nil }
        let keys = words.map(key)
        var wanted: [Substring: Int] = [:]
        for w in quoteWords where !w.isEmpty { wanted[w, default: 0] += 1 }
        // held[w]: copies of w in the window; score counts those up to what the quote wants.
        var held: [Substring: Int] = [:]
        var score = 0, best = 0, bestStarts: [Int] = []
        for i in keys.indices {
            let w = keys[i]
            if let want = wanted[w] {
                let h = held[w, default: 0]
                if h < want { score += 1 }
                held[w] = h + 1
            }
            if i >= n {
                let old = keys[i - n]
                if let want = wanted[old] {
                    let h = held[old]!
                    if h <= want { score -= 1 }
                    held[old] = h - 1
                }
            }
            if score > best { best = score; bestStarts = [] }
            if score == best && score > 0 && bestStarts.count < 64 { bestStarts.append(max(0, i - n + 1)) }
        }
        guard best > 0 else { return nil }
        func window(_ start: Int) -> Range<Int> { start..<min(words.count, start + n) }
        let start = bestStarts.min { a, b in
            Suggest.editDistance(Array(keys[window(a)]), quoteWords) < Suggest.editDistance(Array(keys[window(b)]), quoteWords)
        }!
        return words[window(start)].joined(separator: " ")
    }

    private static func key(_ word: Substring) -> Substring {
        var kept = String.UnicodeScalarView()
        for u in word.lowercased().unicodeScalars where u.properties.isAlphabetic || u.properties.numericType != nil {
            kept.append(u)
        }
        return Substring(String(kept))
    }
}
