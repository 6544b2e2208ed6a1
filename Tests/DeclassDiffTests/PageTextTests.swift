import DeclassHTML
import DeclassKit
import Testing

/// What the page and the JSON show besides the cable's units: the eligibility's reasoning quotes the
/// E.O. line, so it is not shown when the release withholds that line; the page's own stylesheet is not
/// read as cable text by the leak check.
@Suite struct PageTextTests {
    @Test func eligibilityDoesNotQuoteAWithheldEOLine() throws {
        let diff = try Fixture.diff(try Fixture.cable("cables/09MOSCOW1108.txt"), "public-summary", "2026-11-24")
        #expect(diff.eligibility == "eligible on 2034-12-31 (automatic); the reasoning quotes the E.O. line, which this release withholds")
    }

    @Test func eligibilityQuotesTheEOLineWithShowOriginal() throws {
        let diff = try Fixture.diff(try Fixture.cable("cables/09MOSCOW1108.txt"), "public-summary", "2026-11-24", showOriginal: true)
        #expect(diff.eligibility.hasPrefix("eligible on 2034-12-31: "))
    }

    @Test func eligibilityQuotesAReleasedEOLine() throws {
        let diff = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2026-11-24")
        #expect(diff.eligibility == "eligible on 2029-03-12: declassification date 2029-03-12 from 'DECL: 03/12/2029'")
    }

    @Test func theStylesheetIsNotReadAsCableText() throws {
        // The signature `White`, withheld under public-summary, is also a word of the stylesheet (`white-space`).
        let cable = try Fixture.cable("cables/09SAOPAULO660.txt")
        let release = try Fixture.release(cable, "public-summary", "2026-11-24")
        #expect(release.withheld.contains { $0.label == "signature" && $0.text == "White" })
        let html = ReviewPage(diff: ReleaseDiff(cable: cable, release: release, policy: try Fixture.policy("public-summary"), showOriginal: false)).html
        #expect(html.contains("white-space"))
        #expect(DiffLeakCheck.leaks(in: HTMLTextContent.readings(of: html), checkers: [release.checker],
                                    policyTexts: DiffLeakCheck.policyTexts([try Fixture.policy("public-summary")])).isEmpty)
    }
}
