import Foundation

/// Checks every quote of a graph against the text of the document it cites (`kgraph check`).
///
/// A document's text is the file its `file:` names, relative to the folder of the graph file that
/// lists the document. A quote is found when its folded form (`QuoteFolding`) occurs in the folded
/// text; one that is not is an error at the quote, with the closest passage as a hint. A cited
/// document whose text is absent gets one note, not an error per quote.
public enum QuoteVerification {
    /// Where `document`'s text should be, or nil when it names no file.
    public static func textPath(of document: Document) -> String? {
        guard let file = document.file, !file.isEmpty else { return nil }
        if file.hasPrefix("/") { return file }
        guard let declared = document.location?.file else { return file }
        let folder = (declared as NSString).deletingLastPathComponent
        return folder.isEmpty ? file : folder + "/" + file
    }

    /// Errors for quotes not found in their document's text, and one note per cited document
    /// without a readable text. `read` returns a file's text, or nil when it cannot be read.
    public static func check(_ graph: Graph,
                             read: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Each document's folded text, read once: nil where it is absent.
        var texts: [String: (folded: String, bytes: [UInt8])?] = [:]
        var unverified: [String: Int] = [:]
        for relation in graph.relations {
            for citation in relation.sources {
                guard let document = graph.document(id: citation.document) else { continue }
                if texts.index(forKey: document.id) == nil {
                    let folded = textPath(of: document).flatMap(read).map(QuoteFolding.fold)
                    texts.updateValue(folded.map { ($0, Array($0.utf8)) }, forKey: document.id)
                }
                guard let text = texts[document.id]! else {
                    unverified[document.id, default: 0] += 1
                    continue
                }
                let quote = QuoteFolding.fold(citation.quote)
                if QuoteFolding.occurs(Array(quote.utf8), in: text.bytes) { continue }
                var message = "quote not found in the text of '\(document.id)' (\(document.file ?? ""))"
                if let passage = ClosestPassage.find(quote, in: text.folded) {
                    message += "; did you mean \"\(passage)\"?"
                }
                diagnostics.append(Diagnostic(.error, message, at: citation.location ?? relation.location))
            }
        }
        for document in graph.documents {
            guard let count = unverified[document.id] else { continue }
            let why = textPath(of: document).map { "its text is not at \($0)" } ?? "it names no text file ('file:')"
            diagnostics.append(Diagnostic(.note, "\(count) quote(s) citing '\(document.id)' are not verified: \(why)",
                                          at: document.location))
        }
        return diagnostics
    }
}
