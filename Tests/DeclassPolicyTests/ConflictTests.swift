import DeclassKit
import Foundation
import Testing

/// When several rules match a unit: the most restrictive action wins (withhold > redact > release), ties go
/// to the rule written first, the default only applies when nothing matches; redactions spread to every
/// unit that repeats the redacted text, spare the allow list and merge when they overlap.
@Suite struct ConflictTests {
    let cable: Cable

    init() throws { cable = try Fixture.cable("cables/crafted.txt") }

    private func rules(_ rules: String, default def: String = "release", allow: String = "[]") throws -> Policy {
        try policy("""
            policy: conflicts
            version: 1
            default: \(def)
            allow: \(allow)
            rules:
            \(rules)
            """)
    }

    static let releaseU = """
          - id: release-u
            when: { classification: { is: [U] } }
            action: release
        """
    static let withholdParagraphs = """
          - id: withhold-paragraphs
            when: { part: [paragraph] }
            action: withhold
            exemption: B5
        """

    @Test func withholdBeatsReleaseWhenTheReleaseRuleComesFirst() throws {
        let r = try review(cable, try rules(Self.releaseU + "\n" + Self.withholdParagraphs), "2026-11-24")
        #expect(try r.decision("¶2").summary == #"withhold rule=withhold-paragraphs exemption=B5 matching=["withhold-paragraphs", "release-u"]"#)
    }

    @Test func withholdBeatsReleaseWhenTheWithholdRuleComesFirst() throws {
        let r = try review(cable, try rules(Self.withholdParagraphs + "\n" + Self.releaseU), "2026-11-24")
        #expect(try r.decision("¶2").summary == #"withhold rule=withhold-paragraphs exemption=B5 matching=["withhold-paragraphs", "release-u"]"#)
    }

    @Test func withholdBeatsRedactAndTheWithheldUnitHasNoSpans() throws {
        let p = try rules("""
              - id: redact-name
                when: { terms: [Zhigalov] }
                action: redact
                exemption: B6
              - id: withhold-secret
                when: { classification: { at-least: C } , part: [paragraph] }
                action: withhold
                exemption: B1
            """)
        let r = try review(cable, p, "2026-11-24")
        let p1 = try r.decision("¶1")
        #expect(p1.summary == #"withhold rule=withhold-secret exemption=B1 matching=["withhold-secret", "redact-name"]"#)
        #expect(p1.spans.isEmpty)
        #expect(p1.authority == "1.4(B), 1.4(D)")
        #expect(try r.decision("¶3").summary == #"redact rule=redact-name exemption=B6 matching=["redact-name"]"#)
    }

    @Test func redactBeatsRelease() throws {
        let p = try rules("""
              - id: release-all-paragraphs
                when: { part: [paragraph] }
                action: release
              - id: redact-name
                when: { terms: [Zhigalov] }
                action: redact
                exemption: B6
            """)
        let r = try review(cable, p, "2026-11-24")
        #expect(try r.decision("¶3").summary == #"redact rule=redact-name exemption=B6 matching=["redact-name", "release-all-paragraphs"]"#)
    }

    @Test func aTieGoesToTheRuleWrittenFirst() throws {
        let b5 = """
              - id: first-b5
                when: { controls: [NOFORN] }
                action: withhold
                exemption: B5
            """
        let b3 = """
              - id: second-b3
                when: { classification: { is: [S] } }
                action: withhold
                exemption: B3
            """
        let r = try review(cable, try rules(b5 + "\n" + b3), "2026-11-24")
        #expect(try r.decision("¶4").summary == #"withhold rule=first-b5 exemption=B5 matching=["first-b5", "second-b3"]"#)
        let swapped = try review(cable, try rules(b3 + "\n" + b5), "2026-11-24")
        #expect(try swapped.decision("¶4").summary == #"withhold rule=second-b3 exemption=B3 matching=["second-b3", "first-b5"]"#)
    }

    @Test func theDefaultAppliesOnlyWhenNoRuleMatches() throws {
        let r = try review(cable, try rules(Self.releaseU, default: "{ action: withhold, exemption: B5 }"), "2026-11-24")
        let p1 = try r.decision("¶1")
        #expect(p1.summary == "withhold rule=default exemption=B5 matching=[]")
        #expect(p1.reason == "no rule matched: the policy's default")
        #expect(try r.decision("¶2").summary == #"release rule=release-u exemption=- matching=["release-u"]"#)
    }

    @Test func aRedactedTermIsRedactedInEveryUnitWhereItStands() throws {
        // The rule only matches (U) paragraphs; the name is also in the subject, a distribution line, an SBU
        // paragraph (twice) and a (C) paragraph.
        let c = try craft([
            "1. (U) Zhigalov met the Ambassador.",
            "2. (SBU) Zhigalov said that Zhigalov would travel.",
            "3. (C) Nothing about him here.",
            "4. (C) ZHIGALOV again.",
        ], subject: "SUBJECT: KAZAKHSTAN: DFM ZHIGALOV SAYS YES", distribution: "PLEASE PASS TO ZHIGALOV DELEGATION")
        let p = try rules("""
              - id: name
                when: { classification: { is: [U] }, terms: [Zhigalov], ignore-case: true }
                action: redact
                exemption: B6
            """)
        let r = try review(c, p, "2026-11-24")
        #expect(r.labels(.redact) == ["distribution@14", "subject", "¶1", "¶2", "¶4"])
        let p1 = try r.decision("¶1")
        #expect(p1.spans.map { text(c, $0) } == ["Zhigalov"])
        #expect(p1.spans.map(\.propagated) == [false])
        for label in ["distribution@14", "subject", "¶2", "¶4"] {
            let d = try r.decision(label)
            #expect(d.rule == "name", "\(label)")
            #expect(d.exemption?.code == "B6", "\(label)")
            #expect(d.matchingRules == ["name"], "\(label)")
            #expect(d.spans.allSatisfy { $0.propagated && $0.rule == "name" }, "\(label)")
            #expect(d.spans.allSatisfy { text(c, $0).uppercased() == "ZHIGALOV" }, "\(label)")
        }
        #expect(try r.decision("¶2").spans.count == 2)
        #expect(try r.decision("¶3").action == .release)
    }

    @Test func aRedactedRegexMatchIsRedactedWhereTheRuleDoesNotApply() throws {
        let c = try craft(["1. (U) The 49-year-old minister spoke.", "2. (C) He is 49-year-old and tired."])
        let p = try rules(#"""
              - id: age
                when: { classification: { is: [U] }, text-matches: ['\d+-year-old'] }
                action: redact
                exemption: B6
            """#)
        let r = try review(c, p, "2026-11-24")
        let p2 = try r.decision("¶2")
        #expect(p2.summary == #"redact rule=age exemption=B6 matching=["age"]"#)
        #expect(p2.spans.map { text(c, $0) } == ["49-year-old"])
        #expect(p2.spans.map(\.propagated) == [true])
    }

    @Test func aPropagatedTermStaysAWholeWord() throws {
        // `terms` match whole words; the same name inside a longer word elsewhere is not that name.
        let c = try craft(["1. (U) Zhigalov arrived.", "2. (C) Mrs Zhigalova and Zhigalovsky Street."])
        let p = try rules("""
              - id: name
                when: { classification: { is: [U] }, terms: [Zhigalov] }
                action: redact
                exemption: B6
            """)
        let r = try review(c, p, "2026-11-24")
        #expect(try r.decision("¶1").spans.map { text(c, $0) } == ["Zhigalov"])
        let p2 = try r.decision("¶2")
        #expect(p2.spans.map { text(c, $0) } == [])
        #expect(p2.action == .release)
    }

    @Test func aUnitRedactedBecauseItRepeatsRedactedTextNamesTheRedactRuleFirst() throws {
        // ¶2 is released by `release-c`, then redacted because it repeats the name `name` redacts in ¶1:
        // the redact rule decides it, so it is the winner and comes first among the matching rules.
        let c = try craft(["1. (U) Zhigalov arrived.", "2. (C) Zhigalov left."])
        let p = try rules("""
              - id: release-c
                when: { classification: { is: [C] } }
                action: release
              - id: name
                when: { classification: { is: [U] }, terms: [Zhigalov] }
                action: redact
                exemption: B6
            """)
        let r = try review(c, p, "2026-11-24")
        let d = try r.decision("¶2")
        #expect(d.summary == #"redact rule=name exemption=B6 matching=["name", "release-c"]"#)
    }

    @Test func aB1RedactionCarriesTheCablesAuthority() throws {
        let p = try rules("""
              - id: classified-name
                when: { terms: [Zhigalov] }
                action: redact
                exemption: B1
            """)
        let r = try review(cable, p, "2026-11-24")
        let d = try r.decision("¶3")
        #expect(d.action == .redact)
        #expect(d.exemption?.code == "B1")
        #expect(d.authority == "1.4(B), 1.4(D)")
        #expect(r.stampLine == "RELEASE IN PART B1, 1.4(B), 1.4(D)")
    }

    @Test func allowListTermsAreNeverRedacted() throws {
        let c = try craft(["1. (U) Zhigalov met the Ambassador.", "2. (U) Ambassador Hoagland spoke to THE AMBASSADOR of Russia."])
        let p = try rules("""
              - id: title
                when: { terms: [Ambassador], ignore-case: true }
                action: redact
                exemption: B6
            """, allow: "[the Ambassador]")
        let r = try review(c, p, "2026-11-24")
        let p1 = try r.decision("¶1")
        #expect(p1.action == .release)
        #expect(p1.spans.isEmpty)
        let p2 = try r.decision("¶2")
        #expect(p2.action == .redact)
        #expect(p2.spans.map { text(c, $0) } == ["Ambassador"])
        #expect(p2.spans.first?.range.lowerBound == locate("Ambassador Hoagland", in: c))
    }

    @Test func allowListTermsAreNotRedactedWhereTheRedactionSpreads() throws {
        let c = try craft(["1. (U) The visit of Ambassador Smith.", "2. (C) He met the Ambassador Smith."])
        let p = try rules("""
              - id: person
                when: { classification: { is: [U] }, text-matches: ['Ambassador Smith'] }
                action: redact
                exemption: B6
            """, allow: "[the Ambassador]")
        let r = try review(c, p, "2026-11-24")
        #expect(try r.decision("¶1").spans.map { text(c, $0) } == ["Ambassador Smith"])
        #expect(try r.decision("¶2").spans.map { text(c, $0) } == ["Smith"])
    }

    @Test func textOnlyMatchedInsideTheAllowListIsNotRedactedElsewhere() throws {
        // `title` matches only in ¶1, where "the Ambassador" is allowed: nothing is redacted there, so
        // nothing is spread to ¶2, where the rule's conditions do not hold.
        // (The Classified By line is unclassified: it must not name an ambassador here, or the rule redacts it.)
        let c = try craft(["1. (U) Zhigalov met the Ambassador.", "2. (C) Ambassador Hoagland replied."],
                          classifiedBy: "Classified By: Charge d'Affaires X, 1.4 (b,d)")
        let p = try rules("""
              - id: title
                when: { classification: { is: [U] }, terms: [Ambassador] }
                action: redact
                exemption: B6
            """, allow: "[the Ambassador]")
        let r = try review(c, p, "2026-11-24")
        #expect(try r.decision("¶1").action == .release)
        let p2 = try r.decision("¶2")
        #expect(p2.spans.map { text(c, $0) } == [])
        #expect(p2.summary == "release rule=default exemption=- matching=[]")
    }

    @Test func overlappingSpansMergeIntoOne() throws {
        let c = try craft(["1. (U) Deputy Minister Konstantin Zhigalov told us so."])
        let p = try rules("""
              - id: full-name
                when: { terms: [Konstantin Zhigalov] }
                action: redact
                exemption: B6
              - id: telling
                when: { text-matches: ['Zhigalov told'] }
                action: redact
                exemption: B6
            """)
        let r = try review(c, p, "2026-11-24")
        let d = try r.decision("¶1")
        #expect(d.summary == #"redact rule=full-name exemption=B6 matching=["full-name", "telling"]"#)
        #expect(d.spans.map { text(c, $0) } == ["Konstantin Zhigalov told"])
        #expect(d.spans.map(\.rule) == ["full-name"])
        #expect(d.spans.map(\.length) == [24])
    }

    @Test func adjacentSpansOfDifferentRulesAreReportedInSourceOrder() throws {
        let c = try craft(["1. (U) Zhigalov, 49-year-old, married to a Kazakh."])
        let p = try rules(#"""
              - id: age
                when: { text-matches: ['\d+-year-old'] }
                action: redact
                exemption: B6
              - id: name
                when: { terms: [Zhigalov] }
                action: redact
                exemption: B6
            """#)
        let r = try review(c, p, "2026-11-24")
        let d = try r.decision("¶1")
        #expect(d.spans.map { text(c, $0) } == ["Zhigalov", "49-year-old"])
        #expect(d.spans.map(\.rule) == ["name", "age"])
        #expect(d.rule == "age")
    }
}

/// Byte offset of the first occurrence of `needle` in the cable's source.
func locate(_ needle: String, in cable: Cable) -> Int? {
    let n = Array(needle.utf8)
    guard n.count <= cable.source.count else { return nil }
    for i in 0...(cable.source.count - n.count) where Array(cable.source[i..<(i + n.count)]) == n { return i }
    return nil
}
