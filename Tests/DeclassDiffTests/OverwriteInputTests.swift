import Foundation
import Testing

/// `diff -o` never replaces a cable it reads, `--force` or not (as `redact` and `export` refuse).
@Suite struct OverwriteInputTests {
    static let policy = Fixture.path("policies/foia-release.yaml")

    @Test(arguments: [[], ["--force"]]) func theOutputIsNotTheInput(force: [String]) throws {
        let dir = try Fixture.temporaryFolder()
        let victim = dir + "/victim.txt"
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("seeds/09ASTANA435.txt")))
        try original.write(to: URL(fileURLWithPath: victim))
        let r = try Fixture.run(["diff", victim, "--policy", Self.policy, "--as-of", "2026-11-24", "-o", victim] + force)
        #expect(r.status == 1)
        #expect(r.err == "declass: \(victim): the output would overwrite an input; choose another path\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == original)
    }

    @Test func anotherSpellingOfTheInputOrACableOfAFolder() throws {
        let dir = try Fixture.temporaryFolder()
        let victim = dir + "/victim.txt"
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("seeds/09ASTANA435.txt")))
        try original.write(to: URL(fileURLWithPath: victim))
        let spelled = dir + "/./victim.txt"
        let r = try Fixture.run(["diff", victim, "--policy", Self.policy, "-o", spelled, "--force", "--format", "json"])
        #expect(r.status == 1)
        #expect(r.err.contains("would overwrite an input"))
        let folder = try Fixture.run(["diff", dir, "--policy", Self.policy, "-o", victim, "--force"])
        #expect(folder.status == 1)
        #expect(folder.err.contains("would overwrite an input"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == original)
    }

    @Test func anotherPathIsWritten() throws {
        let dir = try Fixture.temporaryFolder()
        let victim = dir + "/victim.txt"
        try Data(contentsOf: URL(fileURLWithPath: Fixture.path("seeds/09ASTANA435.txt"))).write(to: URL(fileURLWithPath: victim))
        let r = try Fixture.run(["diff", victim, "--policy", Self.policy, "--as-of", "2026-11-24", "-o", dir + "/d.txt"])
        #expect(r.status == 0, "\(r.err)")
    }
}
