import Foundation
import Testing
@testable import KGraph

@Suite struct QuoteVerificationTests {
    @Test func foldingForgivesWhitespaceNoBreakSpacesAndCurlyQuotesOnly() {
        #expect(QuoteFolding.fold("  the  “footprints\u{00A0}of\n Kataib’s”\t") == "the \"footprints of Kataib's\"")
        #expect(QuoteFolding.fold("a\u{202F}b\u{2007}c") == "a b c")
        // Case, dashes and other punctuation stay as written.
        #expect(QuoteFolding.fold("Iran-backed — GROUPS") == "Iran-backed — GROUPS")
        #expect(QuoteFolding.fold("«x»") == "«x»")
    }

    @Test func occursIsAPlainSubstringSearch() {
        func occurs(_ a: String, _ b: String) -> Bool { QuoteFolding.occurs(Array(a.utf8), in: Array(b.utf8)) }
        #expect(occurs("cd", "abcde"))
        #expect(occurs("abcde", "abcde"))
        #expect(!occurs("abcdef", "abcde"))
        #expect(!occurs("ce", "abcde"))
        #expect(occurs("", "abc"))
        #expect(occurs("aab", "aaab"))
    }

    @Test func closestPassageIsTheWindowSharingMostWords() {
        let text = "The United States on Friday evening launched its first series of retaliatory strikes against Iran-backed groups."
        #expect(ClosestPassage.find("launched its second series of strikes", in: text)
                == "launched its first series of retaliatory")
        #expect(ClosestPassage.find("nothing alike here", in: text) == nil)
    }

    /// A graph file in a folder with one report text, checked as `kgraph check` does.
    func check(_ yaml: String, text: String?) throws -> [Diagnostic] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-quotes-\(UUID())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("documents"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try yaml.write(to: dir.appendingPathComponent("g.yaml"), atomically: true, encoding: .utf8)
        if let text { try text.write(to: dir.appendingPathComponent("documents/r.txt"), atomically: true, encoding: .utf8) }
        let result = try GraphLoader.load(paths: [dir.appendingPathComponent("g.yaml").path])
        #expect(result.diagnostics.isEmpty)
        return QuoteVerification.check(result.graph)
    }

    static func graph(quotes: [String], file: String? = "documents/r.txt") -> (text: String, places: [String]) {
        var yaml = "documents:\n  - {id: r, title: R" + (file.map { ", file: \($0)" } ?? "") + "}\n"
        yaml += "entities:\n  - {id: a, name: A, kind: state}\n  - {id: b, name: B, kind: state}\n"
        yaml += "relations:\n"
        for (i, q) in quotes.enumerated() {
            yaml += "  - id: r\(i)\n    source: a\n    type: allied-with\n    target: b\n    sources:\n"
            yaml += "      - document: r\n        quote: «\(q)»\n"
        }
        return marked(yaml)
    }

    @Test func quotesFoundInTheTextPass() throws {
        let g = Self.graph(quotes: ["\"footprints of Kataib Hezbollah\"", "“footprints   of Kataib Hezbollah”"])
        #expect(try check(g.text, text: "the US saw the “footprints of\u{00A0}Kataib\nHezbollah” there") == [])
    }

    @Test func aQuoteNotInTheTextIsAnErrorAtTheQuoteWithTheClosestPassage() throws {
        let g = Self.graph(quotes: ["footprints of Kataib Hezbollah", "Footprints of Kataib Hezbollah"])
        let found = try check(g.text, text: "the US saw the footprints of Kataib Hezbollah there")
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.severity == .error)
        #expect("\(d.location!.line):\(d.location!.column)" == g.places[1])
        #expect(d.message == "quote not found in the text of 'r' (documents/r.txt); did you mean \"footprints of Kataib Hezbollah\"?")
    }

    @Test func aDocumentWithoutItsTextGetsOneNote() throws {
        let g = Self.graph(quotes: ["one", "two", "three"])
        let found = try check(g.text, text: nil)
        #expect(found.map(\.severity) == [.note])
        #expect(found.first?.message.hasPrefix("3 quote(s) citing 'r' are not verified: its text is not at ") == true)
        #expect(found.first?.location?.line == 2)
        let unnamed = Self.graph(quotes: ["one"], file: nil)
        #expect(try check(unnamed.text, text: nil).map(\.message) == ["1 quote(s) citing 'r' are not verified: it names no text file ('file:')"])
    }

    @Test func theTextPathIsRelativeToTheGraphFileThatListsTheDocument() {
        let d = Document(id: "r", title: "R", file: "documents/r.txt", location: FileLocation(file: "/x/Graphs/g.yaml", line: 1, column: 1))
        #expect(QuoteVerification.textPath(of: d) == "/x/Graphs/documents/r.txt")
        #expect(QuoteVerification.textPath(of: Document(id: "r", title: "R")) == nil)
    }
}
