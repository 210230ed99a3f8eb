import Foundation

/// How the GraphML parser decodes each field of `Relation.fields` from an edge's bytes without
/// the general path (`AttributeValue`, the table of texts): the field's kind of value, and for a
/// choice its words as bytes and as the strings that set them (shared, not made per edge).
struct EdgePresets {
    enum Kind { case citations, date, choice, other }

    let kinds: [Kind]
    private let words: [[[UInt8]]]
    private let strings: [[String]]

    init() {
        kinds = Relation.fields.map { f in
            switch f.value {
            case .citations: return .citations
            case .timeSpan: return .date
            case .choice: return .choice
            default: return .other
            }
        }
        let choices = Relation.fields.map { f -> [String] in
            if case .choice(let w, _) = f.value { return w }
            return []
        }
        words = choices.map { $0.map { Array($0.utf8) } }
        strings = choices
    }

    /// The value of choice field `i` whose word the bytes spell; nil for any other bytes.
    func word(_ i: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Few words, short ones: compare the bytes directly.
        for (k, w) in words[i].enumerated() where w.count == bytes.count {
            if w.withUnsafeBufferPointer({ w.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, w.count) == 0 }) { return strings[i][k] }
        }
        return nil
    }
}
