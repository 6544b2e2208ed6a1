import DeclassKit
import DeclassTestSupport
import Foundation
import Testing

/// Interrupted sweeps: killed or stopped part way, a re-run continues and ends with the same outputs and
/// manifest as an uninterrupted sweep, and an audit log that verifies; unchanged inputs are skipped.
@Suite struct SweepResumeTests {
    /// The releases and the manifest of a sweep's output folder (not its audit log, summary or hidden files).
    func releases(_ f: SweepFolder, _ out: String) throws -> [String: [UInt8]] {
        try f.tree(out).filter { !$0.key.hasPrefix(".") && $0.key != "audit.jsonl" && $0.key != "summary.json" }
    }

    func sweepArguments(_ input: String, _ out: String, jobs: Int = 2, batch: Int = 16) -> [String] {
        ["sweep", input, "--policy", Fixture.path("policies/foia-release.yaml"), "--as-of", "2026-11-27", "--out", out,
         "--jobs", "\(jobs)", "--batch", "\(batch)", "--quiet"]
    }

    func manifestLines(_ path: String) -> Int {
        ((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()).filter { $0 == 0x0A }.count
    }

    @Test func sweepKilledPartWayAndRerunEndsLikeAnUninterruptedOne() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in", copies: 8)
        let reference = try DeclassProcess.run(sweepArguments(corpus, f.path("reference")))
        #expect(reference.status == 0, "\(reference.err)")

        let killed = try DeclassProcess.start(sweepArguments(corpus, f.path("out")))
        let deadline = Date().addingTimeInterval(60)
        while manifestLines(f.path("out/manifest.jsonl")) < 48, killed.isRunning, Date() < deadline { usleep(2_000) }
        #expect(killed.isRunning, "the sweep finished before it could be killed; give it more cables")
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        let committed = manifestLines(f.path("out/manifest.jsonl"))
        #expect(committed >= 48 && committed < 61 * 8)
        // What the killed sweep left visible is complete: every release present is byte for byte the reference's.
        let expected = try releases(f, "reference")
        for (name, bytes) in try releases(f, "out") where name != "manifest.jsonl" { #expect(bytes == expected[name], "\(name)") }

        let rerun = try DeclassProcess.run(sweepArguments(corpus, f.path("out")))
        #expect(rerun.status == 0, "\(rerun.err)")
        #expect(rerun.out.contains("unchanged since the last run"))
        #expect(try releases(f, "out") == expected)
        let verification = try AuditVerifier.verify(path: f.path("out/audit.jsonl"), key: nil)
        #expect(verification.problem == nil, "\(verification)")
        #expect(!FileManager.default.fileExists(atPath: f.path("out/.declass-staging")))
    }

    @Test func sweepStoppedBySIGTERMCommitsWhatItFinishedAndExitsOne() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in", copies: 8)
        let out = Pipe()
        let stopped = try DeclassProcess.start(sweepArguments(corpus, f.path("out")), stdout: out)
        while manifestLines(f.path("out/manifest.jsonl")) < 32, stopped.isRunning { usleep(2_000) }
        kill(stopped.processIdentifier, SIGTERM)
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        stopped.waitUntilExit()
        #expect(stopped.terminationStatus == 1)
        #expect(printed.contains("INTERRUPTED: run the same command again to continue"))
        let entries = try f.manifest("out")
        #expect(entries.count < 61 * 8)
        // The manifest is the inputs' prefix, in order.
        let order = try SweepInputs.find([corpus]).map(\.path)
        #expect(entries.map(\.input) == Array(order.prefix(entries.count)))
        let rerun = try DeclassProcess.run(sweepArguments(corpus, f.path("out")))
        #expect(rerun.status == 0)
        #expect(try f.manifest("out").map(\.input) == order)
    }

    @Test func rerunWithNothingChangedSkipsEveryCableAndAppendsNoAuditEntries() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        _ = try Sweep.run(try sweepOptions([corpus], f.path("out"), asOf: "2026-11-27"))
        let before = try f.tree("out")
        let again = try Sweep.run(try sweepOptions([corpus], f.path("out"), asOf: "2026-11-27"))
        #expect(again.skipped == 61)
        #expect(again.total == 61)
        var after = try f.tree("out")
        var first = before
        first.removeValue(forKey: "summary.json")
        after.removeValue(forKey: "summary.json")
        #expect(after == first)
    }

    @Test func rerunAsOfAnotherDateDecidesEveryCableAgain() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        _ = try Sweep.run(try sweepOptions([corpus], f.path("out"), asOf: "2026-11-27"))
        let later = try Sweep.run(try sweepOptions([corpus], f.path("out"), asOf: "2036-01-01"))
        #expect(later.skipped == 0)
        let entries = try f.manifest("out")
        #expect(entries.count == 61)
        #expect(Set(entries.map(\.asOf)) == ["2036-01-01"])
        #expect(entries.filter { $0.disposition == .stillClassified }.map(\.id) == ["08STATE116943"])
    }

    @Test func changedInputIsDecidedAgain() throws {
        let f = try SweepFolder()
        let seed = try Fixture.bytes("seeds/09ASTANA435.txt")
        let path = try f.write("in/09ASTANA435.txt", seed)
        try f.write("in/09ASTANA1000.txt", try Fixture.bytes("seeds/09ASTANA1000.txt"))
        _ = try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13"))
        try f.write("in/09ASTANA435.txt", seed + Array("\n".utf8))
        let again = try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13"))
        #expect(again.skipped == 1)
        let entry = try #require(try f.manifest("out").first { $0.input == path })
        #expect(entry.inputSHA256 == AuditDigest.sha256(seed + Array("\n".utf8)))
    }

    @Test func cableThatAnEarlierDateNowLeavesClassifiedLosesItsEarlierRelease() throws {
        let f = try SweepFolder()
        try f.write("in/09ASTANA435.txt", try Fixture.bytes("seeds/09ASTANA435.txt"))
        _ = try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13"))
        #expect(FileManager.default.fileExists(atPath: f.path("out/09ASTANA435.txt")))
        _ = try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2026-11-24"))
        #expect(!FileManager.default.fileExists(atPath: f.path("out/09ASTANA435.txt")))
        let entry = try #require(try f.manifest("out").first)
        #expect(entry.disposition == .stillClassified)
        #expect(entry.until == "2029-03-12")
        #expect(entry.output == nil)
    }

    @Test func rerunWithAnotherCaseNumberWritesTheStampsAgain() throws {
        let f = try SweepFolder()
        try f.write("in/09ASTANA435.txt", try Fixture.bytes("seeds/09ASTANA435.txt"))
        _ = try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13"))
        var options = try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13")
        options.release.caseID = "F-2027-00001"
        let again = try Sweep.run(options)
        #expect(again.skipped == 0)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: f.path("out/09ASTANA435.txt"))), as: UTF8.self)
        #expect(text.contains("Case No. F-2027-00001"))
        #expect(try f.manifest("out").first?.caseID == "F-2027-00001")
    }

    @Test func sameFolderSpelledAnotherWayIsTheSameInput() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        _ = try Sweep.run(try sweepOptions([corpus], f.path("out"), asOf: "2026-11-27"))
        let again = try Sweep.run(try sweepOptions([corpus + "/../in/."], f.path("out"), asOf: "2026-11-27"))
        #expect(again.skipped == 61)
        #expect(try f.manifest("out").first?.input == corpus + "/00HARARE6677.txt")
    }

    @Test func changedOutputIsWrittenAgain() throws {
        let f = try SweepFolder()
        try f.write("in/09ASTANA435.txt", try Fixture.bytes("seeds/09ASTANA435.txt"))
        try f.write("in/09ASTANA1000.txt", try Fixture.bytes("seeds/09ASTANA1000.txt"))
        _ = try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13"))
        let release = try f.tree("out")["09ASTANA435.txt"]
        try f.write("out/09ASTANA435.txt", Array("edited by hand\n".utf8))
        let again = try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13"))
        #expect(again.skipped == 1)
        #expect(try f.tree("out")["09ASTANA435.txt"] == release)
    }
}
