import Testing
@testable import KGraph

/// `Spellings` numbers strings by their bytes, remembering recent ones by how they are held: equal
/// texts held apart, different texts that share a slot of its memory, and texts differing only in
/// canonically equivalent scalars must all get the numbers their bytes give.
@Suite struct SpellingsTests {
    @Test func numbersAreByBytesHoweverTheStringsAreHeld() {
        var spellings = Spellings()
        // Small strings (held in the String's own 16 bytes), big ones, equal texts in separate
        // storage, and canonically equivalent but different scalars.
        let long = String(repeating: "suspended-attacks-on-", count: 3)
        let texts = ["backs", "", "attacked", long, "caf\u{E9}", "cafe\u{301}", "located-in", "ab", "a"]
        var order: [[Unicode.Scalar]] = []
        func number(_ s: String) -> Int {
            let key = Array(s.unicodeScalars)
            if let i = order.firstIndex(of: key) { return i }
            order.append(key)
            return order.count - 1
        }
        for round in 0..<3 {
            for t in texts {
                // A fresh copy of the big text each time: the same bytes in other storage.
                let s = round == 1 && t == long ? String(Array(t.utf8).map { Character(Unicode.Scalar($0)) }) : t
                #expect(spellings.number(s) == number(s), "\(Array(s.unicodeScalars))")
            }
        }
        #expect(spellings.number("caf\u{E9}") != spellings.number("cafe\u{301}"))
        // Far more strings than remembered ones: each keeps its number, asked for in any order.
        let many = (0..<2000).map { "type-\($0)-" + (($0 % 3 == 0) ? String(repeating: "x", count: 20) : "") }
        for s in many { #expect(spellings.number(s) == number(s)) }
        for s in many.reversed() { #expect(spellings.number(s) == number(s)) }
        for s in many.shuffled() + texts { #expect(spellings.number(s) == number(s)) }
        #expect(spellings.number(utf8: UnsafeBufferPointer(start: nil, count: 0)) == number(""))
        "attacked".utf8.withContiguousStorageIfAvailable { #expect(spellings.number(utf8: $0) == number("attacked")) }
    }

    @Test func aStringFreedAndAnotherMadeInItsPlaceIsNotTakenForIt() {
        // Big strings made and dropped one after another often land in the same memory; each is
        // a new text and must get a new number.
        var spellings = Spellings()
        for i in 0..<500 {
            let s = String(repeating: "z", count: 30) + String(i)
            #expect(spellings.number(s) == i)
        }
    }
}
