/// The one rule by which a quote matches its document's text: runs of whitespace (no-break spaces
/// included) count as one space, and curly quotes as straight ones. Nothing else is forgiven —
/// not case, not punctuation, not spelling — so a quote that verifies is the report's own words.
enum QuoteFolding {
    /// `text` folded: whitespace runs as one space (none at either end), ‘ ’ as ', “ ” as ".
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in text.unicodeScalars {
            if u.properties.isWhitespace {
                // Unicode's White_Space includes U+00A0, U+2007 and U+202F, the no-break spaces.
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch u {
            case "\u{2018}", "\u{2019}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// True when the folded `needle` occurs in the folded `haystack` (both as UTF-8 bytes).
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
