import DeclassHTML
import DeclassKit
import Foundation
import Testing

/// `diff --format html --against…` shows the second review's release: without `--show-original` it must
/// hold nothing the first review withholds either (a notice stands for it), and it is leak-checked with
/// both reviews' checkers.
@Suite struct AgainstPageTests {
    static let policy = Fixture.path("policies/foia-release.yaml")
    static let seed = Fixture.path("seeds/09ASTANA435.txt")

    /// Runs `declass diff … --format html -o page` and returns its result and the page (empty if none).
    static func page(_ arguments: [String]) throws -> (status: Int32, err: String, html: String) {
        let dir = try Fixture.temporaryFolder()
        let page = dir + "/d4.html"
        let r = try Fixture.run(["diff", seed, "--policy", policy] + arguments + ["--format", "html", "-o", page])
        let html = (try? String(contentsOfFile: page, encoding: .utf8)) ?? ""
        return (r.status, r.err, html)
    }

    /// The leaks of `html` for the checkers of both reviews.
    static func leaks(_ html: String, _ reviews: [(String, String)]) throws -> [Leak] {
        let cable = try Fixture.seed("09ASTANA435")
        let checkers = try reviews.map { try Fixture.release(cable, $0.0, $0.1).checker }
        let policies = try reviews.map { try Fixture.policy($0.0) }
        return DiffLeakCheck.leaks(in: HTMLTextContent.readings(of: html), checkers: checkers, policyTexts: DiffLeakCheck.policyTexts(policies))
    }

    @Test func anotherPolicyDoesNotShowWhatTheFirstWithholds() throws {
        let r = try Self.page(["--as-of", "2029-03-13", "--against", Fixture.path("policies/release-all.yaml")])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.html.contains("does not show withheld or redacted words"))
        #expect(!r.html.contains("married to an ethnic Kazakh"))
        #expect(r.html.contains("[NOT SHOWN: "))
        #expect(r.html.contains("holds words withheld under foia-release as of 2029-03-13") || r.html.contains("under foia-release as of 2029-03-13: "))
        #expect(try Self.leaks(r.html, [("foia-release", "2029-03-13"), ("release-all", "2029-03-13")]).isEmpty)
    }

    @Test func aLaterDateDoesNotShowWhatIsStillClassifiedOnTheFirst() throws {
        let r = try Self.page(["--as-of", "2026-11-24", "--against-as-of", "2029-03-13"])
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.html.contains("hopes to finalize an agreement with NATO"))
        #expect(!r.html.contains("married to an ethnic Kazakh"))
        #expect(r.html.contains("[NOT SHOWN: "))
        #expect(try Self.leaks(r.html, [("foia-release", "2026-11-24"), ("foia-release", "2029-03-13")]).isEmpty)
    }

    @Test func theEarlierDateAgainstTheLaterStillHidesTheLatersParts() throws {
        // The other way round: the page shows the 2026 release, which withholds more; nothing of either.
        let r = try Self.page(["--as-of", "2029-03-13", "--against-as-of", "2026-11-24"])
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.html.contains("married to an ethnic Kazakh"))
        #expect(!r.html.contains("hopes to finalize an agreement with NATO"))
    }

    @Test func showOriginalStillShowsTheWords() throws {
        let r = try Self.page(["--as-of", "2029-03-13", "--against", Fixture.path("policies/release-all.yaml"), "--show-original"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.html.contains("married to an ethnic Kazakh"))
    }

    @Test func theHiddenDiffKeepsTheUnitsLabelsAndMasksBothSides() throws {
        let cable = try Fixture.seed("09ASTANA435")
        let first = try Fixture.release(cable, "foia-release", "2029-03-13")
        let second = try Fixture.release(cable, "release-all", "2029-03-13")
        let diff = ReleaseDiff(cable: cable, release: second, policy: try Fixture.policy("release-all"), showOriginal: false)
            .hiding(first.review, after: second.review, cable: cable, beforePolicy: try Fixture.policy("foia-release"))
        let unit = try #require(diff.units.first { $0.label == "¶12" })
        #expect(unit.changed)
        #expect(unit.original.joinedText.hasPrefix("¶12. (C) COMMENT: Zhigalov"))
        #expect(!unit.original.joinedText.contains("married to an ethnic Kazakh"))
        #expect(!unit.release.joinedText.contains("married to an ethnic Kazakh"))
        #expect(unit.original.contains { $0.kind == .hidden })
        #expect(diff.units.count == cable.units.count)
    }
}
