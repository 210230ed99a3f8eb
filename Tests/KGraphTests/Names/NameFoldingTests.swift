import Testing
@testable import KGraph

/// The ASCII fast path of `normalizedName` must fold exactly as the general (Foundation) path does.
@Suite struct NameFoldingTests {
    @Test func asciiFastPathAgreesWithUnicodeFoldingOnEveryCharacter() {
        for b in UInt8(0)..<0x80 {
            let s = "a" + String(UnicodeScalar(b)) + "Z9"
            #expect(asciiFolded(s) == unicodeFolded(s), "byte \(b)")
        }
    }

    @Test func asciiFastPathAgreesOnNames() {
        let names = ["Kata'ib Hezbollah", "U.S.", "IRGC-QF", "Tower 22", "al-Nujaba", "  spaced  out ", "", "123",
                     "MiXeD_case.Name-with/slashes", "Harakat Hezbollah al-Nujaba (HaN)"]
        for n in names { #expect(asciiFolded(n) == unicodeFolded(n), "\(n)") }
    }

    @Test func nonASCIIGoesThroughUnicodeFolding() {
        #expect(asciiFolded("Kata’ib") == nil)
        #expect(normalizedName("Kata’ib Ḥezbollah") == "kataibhezbollah")
        #expect(normalizedName("ＵＳ") == "us")
    }
}
