/// Words a person or body said, as the graph's citations record them (each names them as its
/// `speaker`): the words once, with every relation they are cited for. `kgraph quotes` lists
/// these; `kgraph show` lists an entity's.
public struct Statement: Hashable, Sendable {
    /// The entity id of whoever said the words.
    public let speaker: String
    /// The id of the document that quotes them.
    public let document: String
    /// The words, as the document gives them.
    public let quote: String
    /// The day a citation of them says they were said, when that is not the date of a relation they support.
    public internal(set) var said: PartialDate?
    /// When they were said: `said`, else the day of the relation they support when that is one
    /// date (a statement, a strike); nil when neither says (a relation over a span of time is no
    /// date for words about it).
    public let when: TimeSpan?
    /// The relations citing these words, by index, in id order.
    public internal(set) var supports: [Int32]
}

extension Graph {
    /// Everything the entities `speakers` said, in the order it was said (undated last), then by
    /// document and words; a quote cited by several relations is one statement supporting each.
    /// - Complexity: O(R·C + S log S) for R relations of C citations and S statements found.
    public func statements(by speakers: [Int32]) -> [Statement] {
        let ids = Set(speakers.map { entity(at: $0).id })
        var found: [Statement] = []
        // One statement per speaker, document, words and day; the citations of it may or may not
        // give that day as `said` (a relation of the same day needs none).
        struct Key: Hashable { let speaker: String, document: String, quote: String, when: TimeSpan? }
        var index: [Key: Int] = [:]
        for (r, rel) in relations.enumerated() {
            for c in rel.sources {
                guard let s = c.speaker, ids.contains(s) else { continue }
                let when = c.said.map(TimeSpan.init) ?? (rel.time?.isInstant == true ? rel.time : nil)
                let key = Key(speaker: s, document: c.document, quote: c.quote, when: when)
                if let k = index[key] {
                    found[k].supports.append(Int32(r))
                    if found[k].said == nil { found[k].said = c.said }
                } else {
                    index[key] = found.count
                    found.append(Statement(speaker: s, document: c.document, quote: c.quote, said: c.said,
                                           when: when, supports: [Int32(r)]))
                }
            }
        }
        for k in found.indices { found[k].supports.sort { relation(at: $0).id < relation(at: $1).id } }
        return found.sorted { a, b in
            let ka = a.when?.sortKey ?? (Int.max, Int.max), kb = b.when?.sortKey ?? (Int.max, Int.max)
            if ka != kb { return ka < kb }
            return (a.document, a.quote, a.speaker) < (b.document, b.quote, b.speaker)
        }
    }
}
