import Foundation
import Testing
@testable import KGraph

/// A relation id derived from the ends (`Relation.deriveID`, how the GraphML reader renames
/// NetworkX's reused edge keys) is held as its parts and made when read: it must read, compare,
/// hash and index exactly as the same id held as a String.
@Suite struct DerivedRelationIDTests {
    static func relation(_ id: String, _ source: String, _ target: String) -> Relation {
        Relation(id: id, source: source, type: "backs", target: target, sources: [Citation(document: "d", quote: "q")])
    }

    static func derived(_ id: String, _ source: String, _ target: String, suffix: Int = 0) -> Relation {
        var r = relation(id, source, target)
        r.deriveID(suffix: suffix)
        return r
    }

    @Test func readsAsSourceTargetIDWithItsSuffix() {
        for (r, id) in [(Self.derived("0", "a", "b"), "a-b-0"), (Self.derived("0", "a", "b", suffix: 2), "a-b-0-2"),
                        (Self.derived("k", "Київ", "حزب الله", suffix: 4095), "Київ-حزب الله-k-4095"),
                        (Self.derived("", "x", "y"), "x-y-"),
                        (Self.derived("key", String(repeating: "s", count: 40), "t", suffix: 17), String(repeating: "s", count: 40) + "-t-key-17")] {
            #expect(r.hasDerivedID)
            #expect(r.id == id)
            #expect(withUnsafePointer(to: r) { Relation.idByteCount(of: $0) } == id.utf8.count)
            // A byte is in some part of the id exactly when it is in the id (dashes and digits aside).
            for byte in Set(id.utf8) where byte != UInt8(ascii: "-") && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                #expect(withUnsafePointer(to: r) { Relation.idPart(of: $0) { $0.contains(byte) } })
            }
            #expect(!withUnsafePointer(to: r) { Relation.idPart(of: $0) { $0.contains(0x7F) } })
            #expect(r.withIDBytes { Array($0) } == Array(id.utf8))
            #expect(id.utf8.withContiguousStorageIfAvailable { r.hasID($0) } == true)
            #expect(!("x" + id).utf8.withContiguousStorageIfAvailable { r.hasID($0) }!)
        }
    }

    @Test func aSuffixPastWhatTheBitsHoldIsStoredMade() {
        let r = Self.derived("0", "a", "b", suffix: Relation.derivedSuffixLimit + 1)
        #expect(!r.hasDerivedID)
        #expect(r.id == "a-b-0-\(Relation.derivedSuffixLimit + 1)")
    }

    @Test func equalityAndHashingAreTheIDsNotHowItIsHeld() {
        let d = Self.derived("0", "a", "b")
        let s = Self.relation("a-b-0", "a", "b")
        #expect(d == s && s == d)
        #expect(d.hashValue == s.hashValue)
        #expect(Set([d, s]).count == 1)
        // Other parts giving the same text are the same id.
        var other = Self.relation("0-2", "a", "b")
        other.deriveID()
        #expect(other == Self.derived("0", "a", "b", suffix: 2))
        #expect(other.hashValue == Self.derived("0", "a", "b", suffix: 2).hashValue)
        // Different ids, or the same id on different ends, are different relations.
        #expect(d != Self.derived("0", "a", "b", suffix: 2))
        #expect(d != Self.derived("1", "a", "b"))
        #expect(d != Self.relation("a-b-0", "a", "c"))
        var changed = d
        changed.time = TimeSpan(PartialDate(year: 2020)!)
        #expect(changed != d)
        #expect(changed.id == d.id)
    }

    @Test func settingTheIDReplacesTheDerivedForm() {
        var r = Self.derived("0", "a", "b", suffix: 3)
        r.id = "r1"
        #expect(!r.hasDerivedID && r.id == "r1")
        #expect(r == Self.relation("r1", "a", "b"))
        r.deriveID()
        #expect(r.id == "a-b-r1")
    }

    @Test func changingAnEndKeepsTheIDItHad() {
        var r = Self.derived("0", "a", "b", suffix: 2)
        r.source = "c"
        r.target = "d"
        #expect(!r.hasDerivedID && r.id == "a-b-0-2")
        #expect(r.source == "c" && r.target == "d")
        // Pointing the ends at equal strings keeps the derived form.
        var p = Self.derived("0", "a", "b")
        p.repoint(source: String("a"), target: String("b"))
        #expect(p.hasDerivedID && p.id == "a-b-0")
    }

    @Test func theGraphIndexesDerivedIDsByTheirText() throws {
        var g = Graph()
        for id in ["a", "b"] { try g.add(Entity(id: id, name: id.uppercased(), kind: "state")) }
        let list = [Self.derived("0", "a", "b"), Self.relation("a-b-0", "a", "b"), Self.derived("0", "b", "a", suffix: 2),
                    Self.relation("r", "a", "b")]
        let refused = g.append(checked: list, tails: [0, 0, 1, 0], heads: [1, 1, 0, 1])
        #expect(refused.map(\.id) == ["a-b-0"])
        #expect(g.relations.map(\.id) == ["a-b-0", "b-a-0-2", "r"])
        #expect(g.relations[0].hasDerivedID && g.relations[1].hasDerivedID)
        for (i, r) in g.relations.enumerated() { #expect(g.index(ofRelation: r.id) == Int32(i)) }
        #expect(throws: GraphError.duplicateRelation("b-a-0-2")) { try g.add(Self.relation("b-a-0-2", "a", "b")) }
        #expect(throws: GraphError.duplicateRelation("a-b-0")) { try g.add(Self.derived("0", "a", "b")) }
        try g.add(Self.derived("0", "b", "a"))
        #expect(g.index(ofRelation: "b-a-0") == 3)
        g.checkInvariants()
    }

    @Test func graphMLRenamesReusedIDsAsBeforeAroundExplicitOnes() {
        let (g, messages, errors) = graphML("""
            <graphml><graph edgedefault="directed">
              <node id="a"/><node id="b"/><node id="c"/>
              <edge id="b-a-0" source="c" target="c"/>
              <edge id="0" source="a" target="b"/>
              <edge id="0" source="b" target="a"/>
              <edge id="0" source="a" target="c"/>
              <edge id="1" source="a" target="b"/>
              <edge id="a-b-0-2" source="c" target="a"/>
              <edge id="1" source="b" target="c"/>
              <edge source="a" target="a"/>
              <edge id="e7" source="c" target="b"/>
            </graph></graphml>
            """)
        #expect(errors.isEmpty)
        #expect(g.relations.map(\.id) == ["b-a-0", "a-b-0", "b-a-0-2", "a-c-0", "a-b-1", "a-b-0-2", "b-c-1", "e7-2", "e7"])
        #expect(g.relations.map(\.hasDerivedID) == [false, true, true, true, true, false, true, false, false])
        for (i, r) in g.relations.enumerated() { #expect(g.index(ofRelation: r.id) == Int32(i)) }
        #expect(messages.contains { $0.contains("2 edge id(s) are reused between different node pairs") })
    }

    /// The reader tells the assembly its relation ids are unique only when they are.
    @Test func graphMLSaysWhenItsRelationIDsAreUnique() {
        func fragment(_ edges: String) -> GraphFragment {
            var d: [Diagnostic] = []
            return GraphMLReader.read(.bytes(Data("""
                <graphml>
                  <key id="kid" for="edge" attr.name="kgraph_id" attr.type="string"><desc>{"kgraph":"id"}</desc></key>
                  <graph edgedefault="directed"><node id="a"/><node id="b"/>\(edges)</graph></graphml>
                """.utf8)), file: "t.graphml", diagnostics: &d)
        }
        let cases: [(String, Bool)] = [
            (#"<edge id="0" source="a" target="b"/><edge id="1" source="b" target="a"/>"#, true),
            (#"<edge id="0" source="a" target="b"/><edge id="0" source="b" target="a"/><edge id="a-b-0" source="a" target="a"/>"#, true),
            (#"<edge source="a" target="b"/><edge id="e0" source="b" target="a"/>"#, true),
            // An id from a <data> is not checked as it is read.
            (#"<edge id="0" source="a" target="b"><data key="kid">x</data></edge><edge id="1" source="b" target="a"/>"#, false),
            // ...but it is when the renaming checks every id anyway.
            (#"<edge id="0" source="a" target="b"><data key="kid">x</data></edge><edge id="1" source="b" target="a"/><edge id="1" source="a" target="a"/>"#, true),
            (#"<edge id="0" source="a" target="b"><data key="kid">x</data></edge><edge id="1" source="b" target="a"><data key="kid">x</data></edge><edge id="2" source="a" target="a"/><edge id="2" source="b" target="b"/>"#, false),
        ]
        for (edges, unique) in cases {
            let f = fragment(edges)
            #expect(f.relationIDsUnique == unique, "\(edges)")
            #expect(Set(f.relations.map(\.id)).count == f.relations.count || !unique, "\(edges)")
        }
    }
}
