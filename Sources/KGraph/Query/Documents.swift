/// A document with what the graph takes from it.
public struct DocumentUse: Hashable, Sendable {
    /// Index into `Graph.documents`.
    public var document: Int
    /// Relations citing it, in file order.
    public var relations: [Int32]
    /// Entities those relations touch, in graph order.
    public var entities: [Int32]
}

/// Why a document text named no document.
public enum DocumentError: Error, Equatable, CustomStringConvertible {
    case notFound(String, suggestions: [String])
    case ambiguous(String, candidates: [String])

    public var description: String {
        switch self {
        case let .notFound(text, suggestions):
            return "no document is called '\(text)'"
                + (suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?")
        case let .ambiguous(text, candidates):
            return "'\(text)' names several documents: " + candidates.joined(separator: ", ") + "; use an id to pick one"
        }
    }
}

extension Graph {
    /// Every document with the relations citing it (a relation citing a document twice counts once),
    /// in the graph's document order.
    /// - Complexity: O(documents + citations).
    public func documentUses() -> [DocumentUse] {
        var relationsOf = [[Int32]](repeating: [], count: documents.count)
        for r in 0..<Int32(relationCount) {
            for c in relation(at: r).sources {
                guard let d = index(ofDocument: c.document) else { continue }
                if relationsOf[d].last != r { relationsOf[d].append(r) }
            }
        }
        return documents.indices.map { d in
            var touched = Set<Int32>()
            for r in relationsOf[d] {
                touched.insert(sourceIndex(ofRelation: r))
                touched.insert(targetIndex(ofRelation: r))
            }
            return DocumentUse(document: d, relations: relationsOf[d], entities: touched.sorted())
        }
    }

    /// The relations citing document `id`, in file order.
    /// - Complexity: O(relations + citations).
    public func relations(citing id: String) -> [Int32] {
        (0..<Int32(relationCount)).filter { r in relation(at: r).sources.contains { $0.document == id } }
    }

    /// The document a text names: its id, or (folded as names are) its id, title or outlet when
    /// exactly one document has it.
    /// - Throws: `DocumentError` when none or several match.
    public func document(named text: String) throws(DocumentError) -> Int {
        if let d = index(ofDocument: text) { return d }
        let key = normalizedName(text)
        let byID = documents.indices.filter { normalizedName(documents[$0].id) == key }
        if byID.count == 1 { return byID[0] }
        let byTitle = documents.indices.filter { d in
            normalizedName(documents[d].title) == key || documents[d].outlet.map { normalizedName($0) == key } ?? false
        }
        if byTitle.count == 1 { return byTitle[0] }
        if byTitle.count > 1 { throw .ambiguous(text, candidates: byTitle.map { documents[$0].id }) }
        let near = documents.filter { !key.isEmpty && normalizedName($0.id).contains(key) }.map(\.id)
        throw .notFound(text, suggestions: Array((near.isEmpty
            ? Suggest.closest(to: text, among: documents.map(\.id), limit: 5) : near).prefix(5)))
    }
}
