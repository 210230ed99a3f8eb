import Testing
@testable import KGraph

/// `SharedNameCheck`: same-kind entities sharing a folded name or alias, unless each declares it shared.
@Suite struct SharedNameCheckTests {
    func warnings(_ yaml: String) -> [String] {
        let result = GraphLoader.load(yaml: yaml, file: "g.yaml")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return SharedNameCheck.check(result.graph).map(\.description)
    }

    @Test func sameKindSharingAFoldedNameIsAWarningAtTheLaterEntity() {
        let found = warnings("""
            entities:
              - {id: kataib-hezbollah, name: Kata'ib Hezbollah, kind: militia, aliases: [KH]}
              - {id: n0, name: The Kataib Hezbollah’s, kind: militia}
              - {id: kh-place, name: KH, kind: place}
            """)
        #expect(found == ["g.yaml:3:5: warning: 'The Kataib Hezbollah’s' [n0] and 'Kata'ib Hezbollah' [kataib-hezbollah] are both "
                          + "militia and share the name 'Kata'ib Hezbollah', so the name is ambiguous: if they are one entity, "
                          + "merge them; if the name is shared on purpose, list it under shared-aliases: of each"])
    }

    @Test func oneWarningPerPairListingEverySharedName() {
        let found = warnings("""
            entities:
              - {id: a, name: Alpha, kind: site, aliases: [Base One, Camp]}
              - {id: b, name: Beta, kind: site, aliases: [base-one, CAMP]}
            """)
        #expect(found.count == 1)
        #expect(found.first?.contains("share the names 'Base One', 'Camp', so") == true)
    }

    @Test func aNameEveryCarrierDeclaresSharedIsNotReported() {
        let declared = """
            entities:
              - {id: t, name: Tower 22, kind: site, aliases: [US base], shared-aliases: [US base]}
              - {id: h, name: Hasakah facility, kind: site, aliases: [U.S. base], shared-aliases: [us base]}
            """
        #expect(warnings(declared) == [])
        // A third carrier that does not declare it brings the warning back, for the pair it joins.
        let undeclared = warnings(declared + "\n  - {id: x, name: Erbil, kind: site, aliases: [US base]}\n")
        #expect(undeclared.count == 1)
        #expect(undeclared.first?.hasPrefix("g.yaml:4:5: warning: 'Erbil' [x] and 'Tower 22' [t] are both site and share the name 'US base'") == true)
    }

    @Test func aDeclaredSharedAliasMustBeOneOfTheNames() {
        let found = warnings("""
            entities:
              - {id: t, name: Tower 22, kind: site, shared-aliases: [US base]}
            """)
        #expect(found == ["g.yaml:2:5: warning: 'Tower 22' [t] declares 'US base' shared, but it is not its name or one of its "
                          + "aliases; add it to aliases: or remove it from shared-aliases:"])
    }

    @Test func theShippedGraphDeclaresItsUmbrellaNameAndHasNoOtherSharedName() throws {
        let g = try shippedGraph()
        #expect(SharedNameCheck.check(g).isEmpty)
        let carriers = g.entities.filter { $0.sharedAliases == ["US base"] }.map(\.id).sorted()
        #expect(carriers == ["al-omar-installation", "erbil-air-base", "hasakah-coalition-facility", "tower-22"])
    }
}
