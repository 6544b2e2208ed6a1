import DeclassKit
import Testing

/// Original against release, unit by unit: the release side is the release's own text, the original side
/// the cable's (words hidden unless asked for), each part labelled with rule, exemption and authority.
@Suite struct ReleaseDiffTests {
    @Test func releaseSideIsTheReleaseTextByteForByte() throws {
        let cable = try Fixture.seed("09ASTANA435")
        let release = try Fixture.release(cable, "foia-release", "2029-03-13")
        let diff = ReleaseDiff(cable: cable, release: release, policy: try Fixture.policy("foia-release"), showOriginal: false)
        #expect(release.text.stamp.text + diff.units.map(\.release.joinedText).joined() == String(decoding: release.text.bytes, as: UTF8.self))
    }

    @Test func originalSideWithShowOriginalIsTheCableByteForByte() throws {
        let cable = try Fixture.seed("09ASTANA435")
        for asOf in ["2026-11-24", "2029-03-13"] {
            let diff = try Fixture.diff(cable, "foia-release", asOf, showOriginal: true)
            #expect(diff.units.map(\.original.joinedText).joined() == String(decoding: cable.source, as: UTF8.self))
        }
    }

    @Test func changedUnitsAsOf2029AreRoutingBannerAndTheRedactedParagraph() throws {
        let diff = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13")
        #expect(diff.changedUnits.map(\.label) == ["routing@3", "to@10", "info@11", "banner", "distribution@33", "¶12"])
    }

    @Test func withheldParagraphIsLabelledWithRuleExemptionAndAuthority() throws {
        let diff = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24")
        let u = try #require(diff.units.first { $0.label == "¶4" })
        #expect(u.parts.count == 1)
        #expect(u.parts[0].summary == "withheld B1 1.4(B), 1.4(D) by classified-not-declassified")
        #expect(u.parts[0].reason == "Classified national security information not yet declassified (E.O. 13526 §1.4).")
        #expect(u.release.map(\.kind) == [.text, .marker, .text])
        #expect(u.release[1].text == "[WITHHELD B1 1.4(B), 1.4(D)]")
        #expect(u.original[0].text == "¶4. (C) ")
        #expect(u.original[1] == DiffSegment(kind: .hidden, text: "[NOT SHOWN: 127 words withheld B1]", part: 0))
    }

    @Test func redactedSpansAreLabelledEachWithItsRule() throws {
        let diff = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13")
        let u = try #require(diff.units.first { $0.label == "¶12" })
        #expect(u.parts.map(\.summary) == ["redacted B6 by personal-marriage", "redacted B6 by personal-ages"])
        #expect(u.parts.map(\.words) == [6, 1])
        #expect(u.original.filter { $0.kind == .hidden }.map(\.text) == ["[NOT SHOWN: 6 words redacted B6]", "[NOT SHOWN: 1 word redacted B6]"])
        #expect(u.release.filter { $0.kind == .marker }.map(\.text) == ["[REDACTED B6]", "[REDACTED B6]"])
    }

    @Test func countsPerExemption() throws {
        let diff = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24")
        #expect(diff.counts == ["B1": .init(withheld: 20, redacted: 0), "B2": .init(withheld: 2, redacted: 18)])
    }

    @Test func textHunkOfAWithheldParagraph() throws {
        let text = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24").text()
        #expect(text.contains("""
            @@ -60,2 +56,2 @@ ¶4: withheld B1 1.4(B), 1.4(D) by classified-not-declassified (Classified national security information not yet declassified (E.O. 13526 §1.4).)
            -¶4. (C) [NOT SHOWN: 127 words withheld B1]
            -
            +¶4. (C) [WITHHELD B1 1.4(B), 1.4(D)]
            +

            """))
    }

    @Test func textStartsWithTheHeadersAndTheStampHunk() throws {
        let lines = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13").text().split(separator: "\n")
        #expect(Array(lines.prefix(4)) == [
            "--- 09ASTANA435 (09ASTANA435.txt) original, withheld words not shown",
            "+++ 09ASTANA435 (09ASTANA435.txt) release: foia-release version 1, as of 2029-03-13",
            "@@ -0,0 +1,5 @@ stamp",
            "+UNCLASSIFIED",
        ])
    }

    @Test func textWithShowOriginalShowsTheRedactedWordsOnTheMinusSide() throws {
        let text = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13", showOriginal: true).text()
        #expect(text.contains("\n-¶12. (C) COMMENT: Zhigalov is one of the very few ethnic Russians in the MFA's top leadership. The fact that he is married to an ethnic Kazakh may have given him a leg up. The 49-year-old Zhigalov"))
        #expect(text.hasPrefix("--- 09ASTANA435 (09ASTANA435.txt) original\n"))
    }

    @Test func lastUnitWithoutLineBreakIsMarkedSo() throws {
        let text = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24").text()
        // ¶12 is followed by the signature with no final line break; the signature is released as it is.
        #expect(!text.contains("\\ No newline at end of file"))
        let all = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24", showOriginal: true)
        #expect(all.units.last?.label == "signature")
    }

    @Test func overlapWarningsAreKept() throws {
        let diff = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24")
        let review = try Fixture.release(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24").review
        #expect(diff.overlaps.map(\.released) == review.overlaps.map(\.releasedLabel))
    }
}
