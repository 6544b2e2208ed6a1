import DeclassKit
import Foundation
import Testing

/// Nothing unknown is released: unknown marks are withheld unless a rule names `unknown`, unreadable DECL
/// lines never declassify, OADR and MR never by their own date; automatic declassification after 25 years
/// unless an exemption is named.
@Suite struct FailClosedTests {
    static let releaseAll = """
        policy: open
        version: 1
        default: release
        """

    let lou: Cable

    init() throws { lou = try craft(["1. (LOU) Limited official use text.", "2. (U) Plain text."]) }

    @Test func anUnknownMarkIsWithheldByAPolicyWhoseDefaultIsRelease() throws {
        let r = try review(lou, try policy(Self.releaseAll), "2026-11-24")
        let d = try r.decision("¶1")
        #expect(d.action == .withhold)
        #expect(d.rule == "fail-closed")
        #expect(d.exemption?.code == "B1")
        #expect(d.matchingRules == [])
        #expect(d.reason?.contains("fail closed") == true)
        #expect(try r.decision("¶2").action == .release)
    }

    @Test func anUnknownMarkIsNotReleasedByARuleThatDoesNotNameUnknown() throws {
        let p = try policy(Self.releaseAll + """

            rules:
              - id: release-paragraphs
                when: { part: [paragraph] }
                action: release
            """)
        let d = try review(lou, p, "2026-11-24").decision("¶1")
        #expect(d.summary == #"withhold rule=fail-closed exemption=B1 matching=["release-paragraphs"]"#)
    }

    @Test func anUnknownMarkIsNotRedactedButWithheld() throws {
        let p = try policy(Self.releaseAll + """

            rules:
              - id: official
                when: { terms: [official] }
                action: redact
                exemption: B6
            """)
        let d = try review(lou, p, "2026-11-24").decision("¶1")
        #expect(d.action == .withhold)
        #expect(d.rule == "fail-closed")
        #expect(d.spans.isEmpty)
    }

    @Test func anUnknownMarkIsReleasedByARuleNamingUnknown() throws {
        let p = try policy(Self.releaseAll + """

            rules:
              - id: release-unknown
                when: { classification: { is: [unknown] } }
                action: release
            """)
        let d = try review(lou, p, "2026-11-24").decision("¶1")
        #expect(d.summary == #"release rule=release-unknown exemption=- matching=["release-unknown"]"#)
    }

    @Test func anUnreadableDECLLineIsNeverDeclassified() throws {
        let c = try craft(["1. (C) Classified text."], decl: "E.O. 12958: DECL: 13/45/2029")
        let r = try review(c, try Fixture.policy("foia-release"), "2100-01-01")
        #expect(r.eligibility.basis == .never)
        #expect(r.eligibility.date == nil)
        #expect(r.eligibility.reasoning.contains("fail closed"))
        #expect(try r.decision("¶1").summary == #"withhold rule=classified-not-declassified exemption=B1 matching=["classified-not-declassified"]"#)
    }

    @Test func aMissingEOLineIsNeverDeclassified() throws {
        let c = try craft(["1. (C) Classified text."], decl: "")
        let r = try review(c, try Fixture.policy("declassify-by-date"), "2100-01-01")
        #expect(r.eligibility.basis == .never)
        #expect(r.eligibility.reasoning.contains("fail closed"))
        #expect(try r.decision("¶1").action == .withhold)
    }

    @Test(arguments: ["E.O. 12356: DECL: OADR", "E.O. 12356: DECL: MR"])
    func oadrAndMRNeverDeclassifyByTheirOwnDate(decl: String) throws {
        let c = try craft(["1. (C) Classified text."], dtg: "O 121200Z MAR 90", decl: decl)
        let p = try policy("""
            policy: no-automatic
            version: 1
            default: release
            rules:
              - id: b1
                when: { classification: { at-least: C }, declassified: false }
                action: withhold
                exemption: B1
            """)
        let r = try review(c, p, "2100-01-01")
        #expect(r.eligibility.basis == .never)
        #expect(r.eligibility.date == nil)
        #expect(try r.decision("¶1").action == .withhold)
    }

    @Test func anOADRCableFrom1990IsAutomaticallyDeclassifiedOn31December2015() throws {
        let c = try craft(["1. (C) Classified text."], dtg: "O 121200Z MAR 90", decl: "E.O. 12356: DECL: OADR")
        let policy = try Fixture.policy("foia-release")
        let r = try review(c, policy, "2015-12-31")
        #expect(r.eligibility.basis == .automatic)
        #expect(r.eligibility.date == day("2015-12-31"))
        #expect(try r.decision("¶1").action == .release)
        let before = try review(c, policy, "2015-12-30")
        #expect(try before.decision("¶1").exemption?.code == "B1")
    }

    @Test(arguments: ["E.O. 12958: DECL: 25X1", "E.O. 12958: DECL: X1", "E.O. 12958: DECL: 1.6X1", "E.O. 13526: DECL: 50X1-HUM"])
    func aCableNamingAnExemptionIsNeverAutomaticallyDeclassified(decl: String) throws {
        let c = try craft(["1. (C) Classified text."], dtg: "O 121200Z MAR 90", decl: decl)
        let r = try review(c, try Fixture.policy("foia-release"), "2100-01-01")
        #expect(r.eligibility.basis == .never, "\(decl): \(r.eligibility.reasoning)")
        #expect(r.eligibility.date == nil)
        #expect(try r.decision("¶1").exemption?.code == "B1")
    }

    @Test func automaticDeclassificationComesFirstWhenItIsEarlierThanTheDECLDate() throws {
        let c = try craft(["1. (C) Classified text."], decl: "E.O. 12958: DECL: 03/12/2035")
        let r = try review(c, try Fixture.policy("foia-release"), "2034-12-31")
        #expect(r.eligibility.basis == .automatic)
        #expect(r.eligibility.date == day("2034-12-31"))
        #expect(try r.decision("¶1").action == .release)
        #expect(try review(c, try Fixture.policy("foia-release"), "2034-12-30").decision("¶1").action == .withhold)
    }

    @Test func withoutAutomaticDeclassificationTheDECLDateDecides() throws {
        let c = try craft(["1. (C) Classified text."], decl: "E.O. 12958: DECL: 03/12/2035")
        let p = try oneRule("{ classification: { at-least: C }, declassified: false }", exemption: "B1")
        let r = try review(c, p, "2034-12-31")
        #expect(r.eligibility.basis == .declassificationDate)
        #expect(r.eligibility.date == day("2035-03-12"))
        #expect(try r.decision("¶1").action == .withhold)
    }

    @Test func anInheritedMarkFollowsTheBanner() throws {
        let c = try craft(["1. Unmarked text in a confidential cable."])
        let r = try review(c, try Fixture.policy("foia-release"), "2026-11-24")
        #expect(try r.decision("¶1").summary == #"withhold rule=classified-not-declassified exemption=B1 matching=["classified-not-declassified"]"#)
    }
}
