import Foundation
import Testing
@testable import KGraph

/// JSON lists of strings (an entity's aliases in kgraph's GraphML export): the byte-level reader
/// (`strings(json:)`) gives what the JSON tree gives for every text it takes, and leaves the rest
/// to it.
@Suite struct StringListJSONTests {
    func plain(_ text: String) -> [String]? {
        Array(text.utf8).withUnsafeBufferPointer { InteropValues.strings(json: $0) }
    }

    func tree(_ text: String) -> AttributeValue? { JSONParser.parse(text)?.attributeValue }

    static let texts = [#"["Republic of Bebabaia"]"#, "[]", " [ ] ", #" [ "a" , "b" ] "#, #"["a","a",""]"#,
                        #"["caf\u00e9", "\ud83d\ude00", "tab\tand \"quotes\" \\ \/"]"#, #"["Kata'ib Hizballah", "كتائب حزب الله"]"#,
                        // Not plain: the tree decides.
                        #"["a", 3]"#, #"["a",]"#, #"["a" "b"]"#, #"["a"] x"#, #"{"a": "b"}"#, #""a""#, "", "[", #"[["a"]]"#,
                        #"["bad \x escape"]"#, #"["lone \udc00"]"#, "[\"control \u{01}\"]", #"[null]"#]

    @Test func agreesWithTheJSONTree() {
        var taken = 0
        for text in Self.texts {
            guard let list = plain(text) else { continue }
            taken += 1
            #expect(tree(text) == .list(list.map { .string($0) }), "\(text)")
        }
        #expect(taken == 7)
    }

    /// Through the GraphML reader, kgraph's own export: aliases with escapes come back as written.
    @Test func aliasesRoundTripThroughGraphML() throws {
        var g = Graph()
        try g.add(Entity(id: "a", name: "A", kind: "state", aliases: ["Café \"Noir\"", "a\\b", "😀", ""]))
        let back = readGraph(GraphMLWriter.graphml(g), ext: "graphml").graph
        #expect(back.entity(id: "a")?.aliases == ["Café \"Noir\"", "a\\b", "😀", ""])
    }
}
