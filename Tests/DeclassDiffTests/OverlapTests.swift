import DeclassHTML
import DeclassKit
import Testing

/// Released text that repeats withheld text (the engine's `overlap`) is shown for the reviewer to check,
/// in the text diff and on the page.
@Suite struct OverlapTests {
    static func diff() throws -> ReleaseDiff {
        try Fixture.diff(try Fixture.cable("cables/overlap.txt"), "foia-release", "2026-11-24")
    }

    @Test func diffKeepsTheOverlap() throws {
        #expect(try Self.diff().overlaps == [ReleaseDiff.DiffOverlap(released: "¶2", withheld: "¶1", words: 12)])
    }

    @Test func textEndsWithTheOverlapWarning() throws {
        #expect(try Self.diff().text().hasSuffix("\n# overlap: released ¶2 repeats 12 words of withheld ¶1; check it before release\n"))
    }

    @Test func pageShowsTheOverlapWarning() throws {
        let html = ReviewPage(diff: try Self.diff()).html
        #expect(html.contains("<h2>Overlap warnings</h2><ul class=\"overlaps\"><li class=\"overlap\">overlap: released ¶2 repeats 12 words of withheld ¶1; check it before release</li></ul>"))
    }

    @Test func pageWithAnOverlapPassesTheLeakCheck() throws {
        let cable = try Fixture.cable("cables/overlap.txt")
        let release = try Fixture.release(cable, "foia-release", "2026-11-24")
        let html = ReviewPage(diff: ReleaseDiff(cable: cable, release: release, policy: try Fixture.policy("foia-release"), showOriginal: false)).html
        #expect(DiffLeakCheck.leaks(in: HTMLTextContent.readings(of: html), checkers: [release.checker],
                                    policyTexts: DiffLeakCheck.policyTexts([try Fixture.policy("foia-release")])).isEmpty)
        #expect(!html.contains("asked for discretion"))
    }
}
