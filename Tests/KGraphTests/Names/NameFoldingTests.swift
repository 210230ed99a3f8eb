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

    /// Reports write "the Pentagon", "The Pentagon", "Iran's IRGC" and "Iran’s IRGC": a leading article
    /// and a possessive ending are ignored as case and apostrophes are.
    @Test(arguments: [
        ("The Pentagon", "pentagon"), ("the Pentagon", "pentagon"), ("  THE  Pentagon", "pentagon"),
        ("the Iraqi government", "iraqigovernment"),
        ("Iran's Islamic Revolutionary Guard Corps", "iranislamicrevolutionaryguardcorps"),
        ("Iran’s Islamic Revolutionary Guard Corps", "iranislamicrevolutionaryguardcorps"),
        ("IRAN'S IRGC", "iranirgc"), ("the White House’s spokesperson", "whitehousespokesperson"),
        ("Reuters’s", "reuters"), ("the US's forces", "usforces"),
    ])
    func leadingArticleAndPossessiveAreIgnored(raw: String, folded: String) {
        #expect(normalizedName(raw) == folded)
    }

    /// Only a whole leading word "the" and only "'s" ending a word are dropped.
    @Test(arguments: [
        ("Theresa", "theresa"), ("Thebes", "thebes"), ("the", "the"), ("The ", "the"), ("Other the", "otherthe"),
        ("the-council", "thecouncil"), ("Kata'ib", "kataib"), ("Kata’ib", "kataib"), ("Qa'sim", "qasim"),
        ("Ta’ssur", "tassur"), ("O'Sullivan", "osullivan"), ("'s", "s"),
    ])
    func otherArticlesAndApostrophesAreKept(raw: String, folded: String) {
        #expect(normalizedName(raw) == folded)
    }

    /// Both folding paths see the same text once the article and possessives are gone.
    @Test func articleAndPossessiveAreDroppedBeforeEitherPath() {
        for n in ["The Pentagon", "Iran's IRGC", "the Iraqi government's probe"] {
            let core = withoutArticleAndPossessives(n)
            #expect(asciiFolded(core) == unicodeFolded(core), "\(n)")
            #expect(normalizedName(n) == unicodeFolded(core), "\(n)")
        }
    }
}
