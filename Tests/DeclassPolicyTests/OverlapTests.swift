import DeclassKit
import Foundation
import Testing

/// Released text that repeats six or more words of withheld text is reported as an overlap.
@Suite struct OverlapTests {
    static let withholdConfidential = """
        policy: overlap
        version: 1
        default: release
        rules:
          - id: b1
            when: { classification: { at-least: C }, part: [paragraph] }
            action: withhold
            exemption: B1
        """

    @Test func aReleasedParagraphRepeatingSixWordsOfAWithheldOneIsAnOverlap() throws {
        let c = try craft([
            "1. (C) The minister said the transit agreement would be signed in June.",
            "2. (U) Press reports say the transit agreement would be signed, perhaps.",
        ])
        let r = try review(c, try policy(Self.withholdConfidential), "2026-11-24")
        #expect(try r.decision("¶1").action == .withhold)
        #expect(try r.decision("¶2").action == .release)
        #expect(r.overlaps.count == 1)
        let o = try #require(r.overlaps.first)
        #expect(o.releasedLabel == "¶2")
        #expect(o.withheldLabel == "¶1")
        #expect(o.released == (try r.decision("¶2")).unit)
        #expect(o.withheld == (try r.decision("¶1")).unit)
        #expect(o.words == 6)
    }

    @Test func fiveRepeatedWordsAreNotAnOverlap() throws {
        let c = try craft([
            "1. (C) The minister said the transit agreement would be signed in June.",
            "2. (U) Press reports say the transit agreement would be delayed, perhaps.",
        ])
        let r = try review(c, try policy(Self.withholdConfidential), "2026-11-24")
        #expect(r.overlaps.isEmpty)
    }

    @Test func anOverlapCountsTheLongestRunOfRepeatedWords() throws {
        let c = try craft([
            "1. (C) The minister said the transit agreement would be signed in June.",
            "2. (U) We hear the minister said the transit agreement would be signed in June too.",
        ])
        let r = try review(c, try policy(Self.withholdConfidential), "2026-11-24")
        #expect(r.overlaps.map(\.words) == [11])  // all of ¶1: "The minister said … in June"
    }

    @Test func overlapIgnoresCaseAndLineBreaks() throws {
        let c = try craft([
            "1. (C) The minister said the transit agreement would be signed in June.",
            "2. (U) PRESS: THE TRANSIT AGREEMENT\nWOULD BE SIGNED.",
        ])
        let r = try review(c, try policy(Self.withholdConfidential), "2026-11-24")
        #expect(r.overlaps.map(\.releasedLabel) == ["¶2"])
    }
}
