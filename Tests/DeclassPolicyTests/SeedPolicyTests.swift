import DeclassKit
import Foundation
import Testing

/// foia-release.yaml over the two seed cables.
@Suite struct SeedPolicyTests {
    @Test func everyConfidentialParagraphOf435IsWithheldB1WithItsAuthorityBeforeTheDECLDate() throws {
        let r = try review(try Fixture.seed("09ASTANA435"), try Fixture.policy("foia-release"), "2026-11-24")
        let paragraphs = r.decisions.filter { $0.kind == .paragraph }
        #expect(paragraphs.map(\.label) == (1...12).map { "¶\($0)" })
        for d in paragraphs {
            #expect(d.action == .withhold, "\(d.label)")
            #expect(d.exemption?.code == "B1", "\(d.label)")
            #expect(d.authority == "1.4(B), 1.4(D)", "\(d.label)")
            #expect(d.rule == "classified-not-declassified", "\(d.label)")
        }
        #expect(r.eligibility.date == day("2029-03-12"))
        #expect(r.eligibility.basis == .declassificationDate)
    }

    @Test func the12thParagraphOf435RecordsTheB6RulesItAlsoMatchesWhileWithheld() throws {
        let r = try review(try Fixture.seed("09ASTANA435"), try Fixture.policy("foia-release"), "2026-11-24")
        let d = try r.decision("¶12")
        #expect(d.matchingRules == ["classified-not-declassified", "personal-ages", "personal-marriage"])
        #expect(d.spans.isEmpty)
    }

    @Test func stampOf435BeforeTheDECLDate() throws {
        let r = try review(try Fixture.seed("09ASTANA435"), try Fixture.policy("foia-release"), "2026-11-24")
        #expect(r.disposition == .deniedInFull)
        #expect(r.stampLine == "DENIED IN FULL B1, 1.4(B), 1.4(D), B2")
    }

    @Test func nothingOf435IsWithheldUnderB1OnItsDECLDate() throws {
        let r = try review(try Fixture.seed("09ASTANA435"), try Fixture.policy("foia-release"), "2029-03-12")
        #expect(r.eligibility.isDeclassified(on: day("2029-03-12")))
        #expect(r.decisions.filter { $0.exemption?.code == "B1" }.map(\.label) == [])
        #expect(!r.exemptions.contains { $0.code == "B1" })
    }

    @Test func the12thParagraphOf435IsRedactedB6OnTheAgeAndTheMarriageOnItsDECLDate() throws {
        let cable = try Fixture.seed("09ASTANA435")
        let r = try review(cable, try Fixture.policy("foia-release"), "2029-03-12")
        let d = try r.decision("¶12")
        #expect(d.action == .redact)
        #expect(d.exemption?.code == "B6")
        #expect(d.rule == "personal-ages")
        #expect(d.matchingRules == ["personal-ages", "personal-marriage"])
        #expect(d.spans.count == 2)
        #expect(d.spans.map { text(cable, $0) } == ["is married to an ethnic Kazakh", "49-year-old"])
        #expect(d.spans.map(\.rule) == ["personal-marriage", "personal-ages"])
        #expect(d.spans.allSatisfy { $0.exemption?.code == "B6" && !$0.propagated })
        #expect(d.spans.map(\.length) == [30, 11])
    }

    @Test func stampOf435OnItsDECLDate() throws {
        let r = try review(try Fixture.seed("09ASTANA435"), try Fixture.policy("foia-release"), "2029-03-12")
        #expect(r.disposition == .releaseInPart)
        #expect(r.stampLine == "RELEASE IN PART B2, B6")
    }

    @Test func the1000CableHasNoB1WithholdingAfterItsDECLDate() throws {
        let cable = try Fixture.seed("09ASTANA1000")
        let policy = try Fixture.policy("foia-release")
        for asOf in ["2019-06-10", "2026-11-24", CivilDate.today().description] {
            let r = try review(cable, policy, asOf)
            #expect(r.decisions.filter { $0.exemption?.code == "B1" }.map(\.label) == [], "as of \(asOf)")
            #expect(r.stampLine == "RELEASE IN PART B2", "as of \(asOf)")
        }
    }

    @Test func the1000CableIsStillWithheldB1TheDayBeforeItsDECLDate() throws {
        let r = try review(try Fixture.seed("09ASTANA1000"), try Fixture.policy("foia-release"), "2019-06-09")
        #expect(try r.decision("¶1").exemption?.code == "B1")
        #expect(r.eligibility.date == day("2019-06-10"))
    }

    @Test func the1000CableBeforeItsDECLDateWithholdsTheConfidentialParagraphsButReleasesTheSBUOne() throws {
        let r = try review(try Fixture.seed("09ASTANA1000"), try Fixture.policy("foia-release"), "2010-01-01")
        let paragraphs = r.decisions.filter { $0.kind == .paragraph }
        #expect(paragraphs.map(\.label) == (1...13).map { "¶\($0)" })
        for d in paragraphs where d.label != "¶3" {
            #expect(d.summary == "withhold rule=classified-not-declassified exemption=B1 matching=[\"classified-not-declassified\"]", "\(d.label)")
            #expect(d.authority == "1.4(B), 1.4(D)", "\(d.label)")
        }
        let p3 = try r.decision("¶3")
        #expect(p3.summary == "release rule=default exemption=- matching=[]")
        #expect(r.stampLine == "RELEASE IN PART B1, 1.4(B), 1.4(D), B2")
    }

    @Test func theSBUParagraphOf1000IsNeverWithheldB1AtAnyDate() throws {
        let cable = try Fixture.seed("09ASTANA1000")
        let policy = try Fixture.policy("foia-release")
        for asOf in ["2009-06-11", "2010-01-01", "2019-06-09", "2019-06-10", "2026-11-24", "2100-01-01"] {
            let p3 = try review(cable, policy, asOf).decision("¶3")
            #expect(p3.action == .release, "as of \(asOf)")
            #expect(p3.exemption == nil, "as of \(asOf)")
        }
    }
}
