import DeclassKit
import Foundation
import Testing

/// One test per rule condition, each over `Fixtures/cables/crafted.txt` (or a smaller crafted cable):
///
///     ¶1 (C) SUMMARY … Zhigalov met the Ambassador …      ¶4 (S//NF) The transit agreement is close.
///     ¶2 (U) The weather in Astana was fine.             ¶5 (C//REL TO USA, GBR) The Ambassador raised …
///     ¶3 (SBU) COMMENT: Zhigalov is well informed. …     ¶6 (no mark: inherits C) Unmarked … transit agreement.
///
/// DECL 03/12/2029, Classified By 1.4 (b,d), TAGS PREL, KZ, from ASTANA.
@Suite struct ConditionTests {
    let cable: Cable

    init() throws { cable = try Fixture.cable("cables/crafted.txt") }

    private func decide(_ when: String, asOf: String = "2026-11-24") throws -> Review {
        try review(cable, try oneRule(when), asOf)
    }

    @Test func theCraftedCableHasTheUnitsTheseTestsName() throws {
        let r = try decide("{ part: [paragraph] }")
        #expect(r.decisions.filter { $0.rule != "structure" }.map(\.label) == [
            "routing@1", "date-time-group", "from", "to@7", "info@8", "handling@12", "distribution@14", "declassification",
            "tags", "subject", "classified-by", "¶1", "¶2", "¶3", "¶4", "¶5", "¶6", "signature",
        ])
    }

    @Test func classificationIsMatchesOnlyTheNamedLevels() throws {
        let r = try decide("{ classification: { is: [S] } }")
        #expect(r.labels(.withhold) == ["¶4"])
        #expect(try r.decision("¶4").summary == #"withhold rule=r exemption=B5 matching=["r"]"#)
        #expect(try r.decision("¶1").summary == "release rule=default exemption=- matching=[]")
    }

    @Test func classificationIsWithSeveralLevelsMatchesAnyOfThem() throws {
        let r = try decide("{ classification: { is: [U, SBU] }, part: [paragraph] }")
        #expect(r.labels(.withhold) == ["¶2", "¶3"])
    }

    @Test func classificationAtLeastMatchesThatLevelAndHigherIncludingInheritedMarks() throws {
        let r = try decide("{ classification: { at-least: C }, part: [paragraph] }")
        #expect(r.paragraphActions == ["¶1: withhold", "¶2: release", "¶3: release", "¶4: withhold", "¶5: withhold", "¶6: withhold"])
    }

    @Test func classificationAtLeastCountsAnUnknownMarkAsHighest() throws {
        let c = try craft(["1. (LOU) Limited official use.", "2. (C) Confidential.", "3. (U) Unclassified."])
        let r = try review(c, try oneRule("{ classification: { at-least: TS } }"), "2026-11-24")
        #expect(r.labels(.withhold) == ["¶1"])
        #expect(try r.decision("¶1").summary == #"withhold rule=r exemption=B5 matching=["r"]"#)
    }

    @Test func classificationAtMostMatchesThatLevelAndLower() throws {
        let r = try decide("{ classification: { at-most: SBU }, part: [paragraph] }")
        #expect(r.paragraphActions == ["¶1: release", "¶2: withhold", "¶3: withhold", "¶4: release", "¶5: release", "¶6: release"])
    }

    @Test func classificationAtMostNeverMatchesAnUnknownMark() throws {
        // Default withhold, release at most SBU: the (LOU) paragraph keeps the default.
        let p = try policy("""
            policy: at-most
            version: 1
            default: { action: withhold, exemption: B5 }
            rules:
              - id: low
                when: { classification: { at-most: TS } }
                action: release
            """)
        let c = try craft(["1. (LOU) Limited official use.", "2. (S) Secret."])
        let r = try review(c, p, "2026-11-24")
        #expect(try r.decision("¶1").summary == "withhold rule=default exemption=B5 matching=[]")
        #expect(try r.decision("¶2").summary == #"release rule=low exemption=- matching=["low"]"#)
    }

    @Test func controlsMatchesUnitsCarryingAnyNamedControl() throws {
        let r = try decide("{ controls: [NOFORN] }")
        #expect(r.labels(.withhold) == ["¶4"])
    }

    @Test func controlsAcceptsTheAbbreviationNF() throws {
        let r = try decide("{ controls: [NF] }")
        #expect(r.labels(.withhold) == ["¶4"])
    }

    @Test func controlsMatchesAReleasabilityMarking() throws {
        let r = try decide("{ controls: ['REL TO USA, GBR'] }")
        #expect(r.labels(.withhold) == ["¶5"])
    }

    @Test func declassifiedFalseMatchesClassifiedPortionsBeforeTheDECLDate() throws {
        let r = try decide("{ declassified: false, part: [paragraph] }", asOf: "2029-03-11")
        #expect(r.paragraphActions == ["¶1: withhold", "¶2: release", "¶3: release", "¶4: withhold", "¶5: withhold", "¶6: withhold"])
    }

    @Test func declassifiedFalseMatchesNothingOnTheDECLDate() throws {
        let r = try decide("{ declassified: false }", asOf: "2029-03-12")
        #expect(r.labels(.withhold) == [])
    }

    @Test func declassifiedTrueMatchesEveryParagraphOnTheDECLDate() throws {
        let r = try decide("{ declassified: true, part: [paragraph] }", asOf: "2029-03-12")
        #expect(r.labels(.withhold) == ["¶1", "¶2", "¶3", "¶4", "¶5", "¶6"])
    }

    @Test func inheritedTrueMatchesAParagraphWithoutAMark() throws {
        let r = try decide("{ inherited: true, part: [paragraph] }")
        #expect(r.labels(.withhold) == ["¶6"])
    }

    @Test func inheritedFalseMatchesParagraphsWithAWrittenMark() throws {
        let r = try decide("{ inherited: false }")
        #expect(r.labels(.withhold) == ["¶1", "¶2", "¶3", "¶4", "¶5"])
    }

    @Test func reasonsMatchesACableClassifiedForANamedReason() throws {
        let r = try decide("{ reasons: ['1.4(d)', a], part: [paragraph] }")
        #expect(r.labels(.withhold) == ["¶1", "¶2", "¶3", "¶4", "¶5", "¶6"])
    }

    @Test func reasonsDoesNotMatchACableClassifiedForOtherReasons() throws {
        let r = try decide("{ reasons: [a, c, '1.4(g)'] }")
        #expect(r.labels(.withhold) == [])
    }

    @Test func partMatchesTheNamedPartsOnly() throws {
        let r = try decide("{ part: [subject, signature] }")
        #expect(r.labels(.withhold) == ["subject", "signature"])
    }

    @Test func partHeaderNamesEveryRoutingAndAddressPart() throws {
        let r = try decide("{ part: [header] }")
        #expect(r.labels(.withhold) == ["routing@1", "date-time-group", "from", "to@7", "info@8", "distribution@14"])
    }

    @Test func blockMatchesParagraphsInsideThatBlock() throws {
        let r = try decide("{ block: [comment] }")
        #expect(r.labels(.withhold) == ["¶3"])
        let s = try decide("{ block: [summary, note] }")
        #expect(s.labels(.withhold) == ["¶1"])
    }

    @Test func tagsMatchesACableWithAnyNamedTag() throws {
        #expect(try decide("{ tags: [kz, PGOV], part: [paragraph] }").labels(.withhold) == ["¶1", "¶2", "¶3", "¶4", "¶5", "¶6"])
        #expect(try decide("{ tags: [PGOV, ETRD] }").labels(.withhold) == [])
    }

    @Test func originMatchesTheCablesPost() throws {
        #expect(try decide("{ origin: [Astana], part: [subject] }").labels(.withhold) == ["subject"])
        #expect(try decide("{ origin: [ALMATY, 'RIO DE JANEIRO'] }").labels(.withhold) == [])
    }

    @Test func textMatchesMatchesUnitsWhereTheRegexIsFound() throws {
        let r = try decide(#"{ text-matches: ['transit\s+agreement', '\bWTO\b'] }"#)
        #expect(r.labels(.withhold) == ["subject", "¶4", "¶6"])
        #expect(try r.decision("¶4").summary == #"withhold rule=r exemption=B5 matching=["r"]"#)
    }

    @Test func textMatchesIsCaseSensitiveUnlessIgnoreCase() throws {
        #expect(try decide("{ text-matches: ['wto'] }").labels(.withhold) == [])
        #expect(try decide("{ text-matches: ['wto'], ignore-case: true }").labels(.withhold) == ["subject"])
    }

    @Test func termsAreCaseSensitiveByDefault() throws {
        #expect(try decide("{ terms: [Zhigalov] }").labels(.withhold) == ["¶1", "¶3"])
        #expect(try decide("{ terms: [zhigalov] }").labels(.withhold) == [])
    }

    @Test func termsWithIgnoreCaseMatchAnyCase() throws {
        let r = try decide("{ terms: [zhigalov], ignore-case: true }")
        #expect(r.labels(.withhold) == ["subject", "¶1", "¶3"])
    }

    @Test func termsMatchWholeWordsOnly() throws {
        let c = try craft(["1. (U) The agreement was signed.", "2. (U) They agree.", "3. (U) Disagree, agreeing."])
        let r = try review(c, try oneRule("{ terms: [agree] }"), "2026-11-24")
        #expect(r.labels(.withhold) == ["¶2"])
    }

    @Test func termsAreLiteralNotRegex() throws {
        let c = try craft(["1. (U) Reasons 1.4(b) apply.", "2. (U) Reasons 1x4b apply."])
        let r = try review(c, try oneRule("{ terms: ['1.4(b)'] }"), "2026-11-24")
        #expect(r.labels(.withhold) == ["¶1"])
    }

    @Test func everyConditionOfARuleMustHold() throws {
        let r = try decide("{ classification: { at-least: C }, terms: [Ambassador], part: [paragraph] }")
        #expect(r.labels(.withhold) == ["¶1", "¶5"])
    }
}
