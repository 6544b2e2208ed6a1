import DeclassKit
import Foundation
import Testing

/// A reviewer-supplied stamp field that repeats withheld text: the leak check catches it, and neither the
/// library nor the CLI writes anything.
@Suite struct ReviewerFieldLeakTests {
    /// The words ¶12 of 09ASTANA435 redacts (rule personal-marriage, B6) as of 2029-03-13, with a name before them.
    static let authority = "Zhigalov is married to an ethnic Kazakh"

    func leakingRelease() throws -> (Cable, Release, DecisionEngine) {
        let cable = try CableInput.load(Fixture.path("seeds/09ASTANA435.txt"))
        let engine = try Fixture.engine("foia-release")
        var options = goldenOptions
        options.reviewAuthority = Self.authority
        return (cable, Release(cable: cable, engine: engine, asOf: day("2029-03-13"), options: options), engine)
    }

    @Test func aReviewAuthorityRepeatingARedactedSpanIsALeakOfParagraph12UnderPersonalMarriage() throws {
        let (_, release, _) = try leakingRelease()
        #expect(!release.leaks.isEmpty)
        #expect(release.leaks.allSatisfy { $0.unit == "¶12" && $0.rule == "personal-marriage" }, "\(release.leaks)")
        // The hit is in the stamp (the REVIEW AUTHORITY line), not in the body.
        let stampEnd = release.text.stamp.text.utf8.count
        #expect(release.leaks.allSatisfy { $0.offset < stampEnd }, "\(release.leaks)")
    }

    @Test func theSameReleaseWithAnInnocentReviewAuthorityHasNoLeak() throws {
        let r = try release(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13")
        #expect(r.leaks.isEmpty, "\(r.leaks)")
    }

    @Test func theWriterRefusesTheLeakingReleaseAndLeavesNoFileAndNoTemporaryFile() throws {
        let (cable, release, engine) = try leakingRelease()
        let folder = try TempFolder()
        defer { folder.remove() }
        let out = folder.path("09ASTANA435-release.txt")
        let audit = folder.path("audit.jsonl")
        do {
            try ReleaseWriter.write(release, cable: cable, policy: engine.policy, to: out, audit: audit, key: nil,
                                    caseID: "F-2026-01234", docNo: "C05512345")
            Issue.record("the writer wrote a release with leaks")
        } catch {
            guard case .leaked(let name, let leaks) = error else {
                Issue.record("expected .leaked, got \(error)")
                return
            }
            #expect(name == cable.name)
            #expect(leaks == release.leaks)
            let message = error.description
            #expect(message.contains("¶12") && message.contains("personal-marriage") && message.contains("nothing written"), "\(message)")
            #expect(!message.lowercased().contains("married"), "the message repeats the withheld text: \(message)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: audit), "the audit log was written for a release that was not")
        let left = try folder.names()
        #expect(left == [], "left in the folder: \(left)")
    }

    @Test func theCLIExits3AndWritesNothingWhenTheReviewAuthorityLeaks() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let out = folder.path("out.txt")
        let audit = folder.path("audit.jsonl")
        let result = try DeclassBinary.run([
            "redact", Fixture.path("seeds/09ASTANA435.txt"), "--policy", Fixture.path("policies/foia-release.yaml"),
            "--as-of", "2029-03-13", "--review-authority", Self.authority, "-o", out, "--audit", audit,
        ])
        #expect(result.status == 3, "stderr: \(result.err)")
        #expect(result.out.isEmpty)
        #expect(result.err.contains("leak check") && result.err.contains("¶12") && result.err.contains("personal-marriage"), "\(result.err)")
        #expect(!result.err.lowercased().contains("married to"), "the message repeats the withheld text: \(result.err)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let left = try folder.names()
        #expect(left == [], "left in the folder: \(left)")
    }
}
