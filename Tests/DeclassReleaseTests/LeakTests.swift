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

/// The release's leak checker reads the released words in place (ranges of the cable's source): it must
/// allow exactly what a checker given those words as text allows.
@Suite struct ReleasedRangesLeakTests {
    /// A checker for the release's secrets, allowing its released units' words made as strings and joined
    /// in document order (what the release's checker read before it read them in place).
    static func textChecker(_ cable: Cable, _ release: Release) -> LeakChecker {
        var released: [String] = []
        for d in release.review.decisions where d.rule != "structure" {
            switch d.action {
            case .withhold: break
            case .redact: released.append(cable.words(of: cable.units[d.unit], excluding: d.spans.map(\.range)))
            case .release: released.append(cable.words(of: cable.units[d.unit]))
            }
        }
        return LeakChecker(secrets: release.withheld.map { LeakSecret(text: $0.text, unit: $0.label, rule: $0.rule) },
                           released: [released.joined(separator: " ")])
    }

    @Test(arguments: ["foia-release", "public-summary", "declassify-by-date"])
    func theCableItselfLeaksTheSameUnderTheReleasedRangesAsUnderTheReleasedText(policy: String) throws {
        var allowed = 0
        for file in try Fixture.corpusFiles() + Fixture.seedFiles {
            let cable = try Fixture.cable(file)
            let r = try release(cable, policy, "2026-11-24")
            // The cable's own text holds every withheld word, and the released words around them.
            let leaks = r.checker.check(cable.source)
            #expect(leaks == Self.textChecker(cable, r).check(cable.source), "\(file)")
            let unallowed = LeakChecker(secrets: r.withheld.map { LeakSecret(text: $0.text, unit: $0.label, rule: $0.rule) }, released: [])
            if unallowed.check(cable.source) != leaks { allowed += 1 }
        }
        #expect(allowed > 0, "no cable's released words allowed anything: the comparison proves nothing")
    }
}
