import DeclassKit
import Foundation
import Testing

/// `declass diff` run as a process: its modes, outputs and exit statuses (0 ok, 1 some inputs failed,
/// 2 usage, 3 leak).
@Suite struct DiffCommandTests {
    static let policy = Fixture.path("policies/foia-release.yaml")
    static let seed = Fixture.path("seeds/09ASTANA435.txt")

    @Test func dateDiffListsTheChangedUnits() throws {
        let r = try Fixture.run(["diff", Self.seed, "--policy", Self.policy, "--as-of", "2026-11-24", "--against-as-of", "2029-03-13"])
        #expect(r.status == 0)
        #expect(r.out.contains("\n  ¶4: withheld B1 → released (DECL passed on 2029-03-12)\n"))
        #expect(r.out.split(separator: "\n").count == 22)
    }

    @Test func folderAgainstAnotherPolicyPrintsTheSummaryTable() throws {
        let r = try Fixture.run(["diff", Fixture.path("folder"), "--policy", Self.policy, "--as-of", "2026-11-24",
                                 "--against", Fixture.path("policies/release-all.yaml")])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("2 cables compared, 2 with changes\n"))
        #expect(r.out.contains("\nrouting                      4               0               0        09ASTANA1000, 09ASTANA435\n"))
    }

    @Test func folderSummaryAsJSON() throws {
        let r = try Fixture.run(["diff", Fixture.path("folder"), "--policy", Self.policy, "--as-of", "2026-11-24",
                                 "--against", Fixture.path("policies/release-all.yaml"), "--format", "json"])
        #expect(r.status == 0)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(o["compared"] as? Int == 2)
    }

    @Test func htmlIsWrittenAtomicallyToTheOutputFile() throws {
        let dir = try Fixture.temporaryFolder()
        let page = dir + "/review.html"
        let r = try Fixture.run(["diff", Self.seed, "--policy", Self.policy, "--as-of", "2026-11-24", "--format", "html", "-o", page])
        #expect(r.status == 0)
        #expect(r.out.isEmpty)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["review.html"])
    }

    @Test func anExistingOutputIsReplacedOnlyWithForce() throws {
        let dir = try Fixture.temporaryFolder()
        let page = dir + "/review.html"
        try "old".write(toFile: page, atomically: true, encoding: .utf8)
        let refused = try Fixture.run(["diff", Self.seed, "--policy", Self.policy, "--as-of", "2026-11-24", "--format", "html", "-o", page])
        #expect(refused.status == 1)
        #expect(refused.err == "declass: \(page): the output exists; give --force to replace it\n")
        #expect(try String(contentsOfFile: page, encoding: .utf8) == "old")
        let forced = try Fixture.run(["diff", Self.seed, "--policy", Self.policy, "--as-of", "2026-11-24", "--format", "html", "-o", page, "--force"])
        #expect(forced.status == 0)
    }

    @Test func htmlOfSeveralCablesIsAUsageError() throws {
        let r = try Fixture.run(["diff", Fixture.path("folder"), "--policy", Self.policy, "--format", "html"])
        #expect(r.status == 2)
        #expect(r.err.contains("--format html makes one page for one cable"))
    }

    @Test func htmlAgainstAnotherDateListsTheChanges() throws {
        let r = try Fixture.run(["diff", Self.seed, "--policy", Self.policy, "--as-of", "2026-11-24", "--against-as-of", "2029-03-13", "--format", "html"])
        #expect(r.status == 0)
        #expect(r.out.contains("<li class=\"change newly-released\">¶4: withheld B1 → released (DECL passed on 2029-03-12)</li>"))
        #expect(!r.out.contains("married to an ethnic Kazakh"))
    }

    @Test func aMissingCableFailsOnlyItself() throws {
        let r = try Fixture.run(["diff", Self.seed, Fixture.path("seeds/none.txt"), "--policy", Self.policy, "--as-of", "2026-11-24"])
        #expect(r.status == 1)
        #expect(r.out.hasPrefix("--- 09ASTANA435 ("))
        #expect(r.err.contains("none.txt"))
    }

    @Test func aBadPolicyIsAUsageError() throws {
        let r = try Fixture.run(["diff", Self.seed, "--policy", Fixture.path("seeds/09ASTANA435.txt")])
        #expect(r.status == 2)
    }

    @Test func aBadDateIsAUsageError() throws {
        let r = try Fixture.run(["diff", Self.seed, "--policy", Self.policy, "--against-as-of", "2029-13-45"])
        #expect(r.status == 2)
        #expect(r.err.contains("--against-as-of must be a date written YYYY-MM-DD, not '2029-13-45'"))
    }

    @Test func jsonOfOneCableIsOneObject() throws {
        let r = try Fixture.run(["diff", Self.seed, "--policy", Self.policy, "--as-of", "2026-11-24", "--format", "json"])
        #expect(r.status == 0)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(o["cable"] as? String == "09ASTANA435")
    }

    @Test func showOriginalOutputIsNotLeakChecked() throws {
        let r = try Fixture.run(["diff", Self.seed, "--policy", Self.policy, "--as-of", "2029-03-13", "--show-original"])
        #expect(r.status == 0)
        #expect(r.out.contains("is married to an ethnic Kazakh"))
    }
}
