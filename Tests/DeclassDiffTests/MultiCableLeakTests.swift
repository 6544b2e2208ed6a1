import DeclassKit
import Foundation
import Testing

/// A `diff` of several cables checks each cable's part of the output with that cable's own checker: one
/// cable may release a word another withholds (10BRUSSELS4 withholds its one-word heading "Afghanistan",
/// which 08KABUL3237 releases).
@Suite struct MultiCableLeakTests {
    static let policy = Fixture.path("policies/foia-release.yaml")
    static let cables = [Fixture.path("corpus/10BRUSSELS4.txt"), Fixture.path("corpus/08KABUL3237.txt")]

    @Test(arguments: ["text", "json"]) func twoCablesSharingAWordPassTheLeakCheck(format: String) throws {
        let r = try Fixture.run(["diff"] + Self.cables + ["--policy", Self.policy, "--as-of", "2026-11-24", "--format", format])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("10BRUSSELS4"))
        #expect(r.out.contains("08KABUL3237"))
    }

    @Test func theCablesAgainstAnotherDateToo() throws {
        let r = try Fixture.run(["diff"] + Self.cables + ["--policy", Self.policy, "--as-of", "2026-11-24", "--against-as-of", "2040-01-01"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("2 cables compared"))
    }

    @Test func theWordIsWhatAWholeOutputCheckWouldFind() throws {
        // The reason for the fix: 08KABUL3237's part, checked with 10BRUSSELS4's checker, holds the heading.
        let brussels = try Fixture.cable("corpus/10BRUSSELS4.txt")
        let kabul = try Fixture.cable("corpus/08KABUL3237.txt")
        let checker = try Fixture.release(brussels, "foia-release", "2026-11-24").checker
        let kabulText = try Fixture.diff(kabul, "foia-release", "2026-11-24").text()
        let texts = DiffLeakCheck.policyTexts([try Fixture.policy("foia-release")])
        let readings = DiffLeakCheck.readings(ofText: kabulText)
        #expect(!DiffLeakCheck.leaks(in: readings, checkers: [checker], policyTexts: texts).isEmpty)
        let own = try Fixture.release(kabul, "foia-release", "2026-11-24").checker
        #expect(DiffLeakCheck.leaks(in: readings, checkers: [own], policyTexts: texts).isEmpty)
    }

    @Test func theWholeCorpus() throws {
        let corpus = "/work/shared/corpus/cables"
        guard FileManager.default.fileExists(atPath: corpus) else { return }
        for format in ["text", "json"] {
            let r = try Fixture.run(["diff", corpus, "--policy", Self.policy, "--as-of", "2026-11-24", "--format", format])
            #expect(r.status == 0, "\(format): \(r.err)")
        }
    }
}
