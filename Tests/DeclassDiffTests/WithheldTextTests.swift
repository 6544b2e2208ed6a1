import DeclassHTML
import DeclassKit
import Foundation
import Testing

/// Without `--show-original` no output of `diff` holds withheld or redacted words; with it, the page
/// says so in a banner and holds them.
@Suite struct WithheldTextTests {
    /// The shipped foia-release policy's reasons, which the leak check does not count (as the command does).
    static func reasons() throws -> [String] { DiffLeakCheck.policyTexts([try Fixture.policy("foia-release")]) }

    /// A release whose withheld parts are many (B1 paragraphs, B2 routing) and redactions (B2, B6).
    static func seedRelease(_ asOf: String) throws -> (Cable, Release) {
        let cable = try Fixture.seed("09ASTANA435")
        return (cable, try Fixture.release(cable, "foia-release", asOf))
    }

    @Test(arguments: ["2026-11-24", "2029-03-13"])
    func pageWithoutShowOriginalHoldsNoWithheldText(asOf: String) throws {
        let (cable, release) = try Self.seedRelease(asOf)
        let html = ReviewPage(diff: ReleaseDiff(cable: cable, release: release, policy: try Fixture.policy("foia-release"), showOriginal: false)).html
        #expect(DiffLeakCheck.leaks(in: HTMLTextContent.readings(of: html), checkers: [release.checker], policyTexts: try Self.reasons()).isEmpty)
        for part in release.withheld where part.text.split(separator: " ").count >= 6 {
            #expect(!html.contains(part.text), "\(part.label) stands in the page")
        }
    }

    @Test func pageWithoutShowOriginalHoldsNoneOfTheKnownSecrets() throws {
        let cable = try Fixture.seed("09ASTANA435")
        let early = try Fixture.page(cable, "foia-release", "2026-11-24")
        let late = try Fixture.page(cable, "foia-release", "2029-03-13")
        for phrase in ["Zhigalov is one of the very few ethnic Russians", "Cooperative Threat Reduction", "POTUS visit", "VZCZCXRO7309"] {
            #expect(!early.contains(phrase), "\(phrase)")
        }
        for phrase in ["married to an ethnic Kazakh", "49-year-old"] {
            #expect(!late.contains(phrase), "\(phrase)")
        }
        #expect(late.contains("Zhigalov is one of the very few ethnic Russians"))
    }

    @Test func pageWithoutShowOriginalSaysSoInItsBanner() throws {
        let html = try Fixture.page(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24")
        #expect(html.contains("<p class=\"banner hidden-words\">The original side does not show withheld or redacted words"))
        #expect(!html.contains("UNREDACTED"))
    }

    @Test func xssPageWithoutShowOriginalHoldsNotTheWithheldParagraph() throws {
        let html = try Fixture.page(try Fixture.cable("cables/xss.txt"), "foia-release", "2026-11-24")
        #expect(!html.contains("quartz lantern"))
        #expect(!html.contains("alert(3)"))
        #expect(html.contains("[NOT SHOWN: 17 words withheld B1]"))
    }

    @Test func pageWithShowOriginalHoldsTheWithheldWordsUnderABanner() throws {
        let html = try Fixture.page(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13", showOriginal: true)
        #expect(html.contains("<p class=\"banner unredacted\" role=\"alert\">UNREDACTED: this page shows the withheld and redacted words"))
        #expect(html.contains(">is married to an ethnic Kazakh<"))
        #expect(html.contains(">49-year-old<"))
    }

    @Test func textDiffWithoutShowOriginalHoldsNoWithheldText() throws {
        let (cable, release) = try Self.seedRelease("2029-03-13")
        let diff = ReleaseDiff(cable: cable, release: release, policy: try Fixture.policy("foia-release"), showOriginal: false)
        for style in [DiffStyle.plain, DiffStyle(color: true)] {
            let text = diff.text(style: style)
            #expect(DiffLeakCheck.leaks(in: DiffLeakCheck.readings(ofText: text), checkers: [release.checker], policyTexts: try Self.reasons()).isEmpty)
            #expect(!text.contains("married to an ethnic Kazakh"))
            #expect(!text.contains("49-year-old"))
        }
    }

    @Test func jsonDiffWithoutShowOriginalHoldsNoWithheldText() throws {
        let (cable, release) = try Self.seedRelease("2026-11-24")
        let json = ReleaseDiff(cable: cable, release: release, policy: try Fixture.policy("foia-release"), showOriginal: false).json()
        #expect(DiffLeakCheck.leaks(in: DiffLeakCheck.readings(ofJSON: json), checkers: [release.checker], policyTexts: try Self.reasons()).isEmpty)
        #expect(!json.contains("Cooperative Threat Reduction"))
    }

    @Test func leakCheckFindsWithheldTextInAShowOriginalPage() throws {
        let (cable, release) = try Self.seedRelease("2026-11-24")
        let html = ReviewPage(diff: ReleaseDiff(cable: cable, release: release, policy: try Fixture.policy("foia-release"), showOriginal: true)).html
        let leaks = DiffLeakCheck.leaks(in: HTMLTextContent.readings(of: html), checkers: [release.checker], policyTexts: try Self.reasons())
        #expect(leaks.contains { $0.unit == "¶12" })
    }

    @Test func policyReasonsAreNotCountedButTheSameWordsElsewhereAre() throws {
        let (_, release) = try Self.seedRelease("2029-03-13")
        let reason = "The routing indicator before an addressee (RUEHC/) is internal transmission practice; the addressee is released."
        #expect(DiffLeakCheck.leaks(in: [reason], checkers: [release.checker], policyTexts: try Self.reasons()).isEmpty)
        #expect(DiffLeakCheck.leaks(in: [reason + " TO RUEHC/SECSTATE"], checkers: [release.checker], policyTexts: try Self.reasons()).map(\.unit) == ["to@10"])
    }
}
