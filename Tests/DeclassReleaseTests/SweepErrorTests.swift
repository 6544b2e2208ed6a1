import DeclassKit
import DeclassTestSupport
import Foundation
import Testing

/// Broken cables and bad sweeps: a broken cable is listed with its error and does not stop the sweep; a
/// sweep that cannot start says why and writes nothing.
@Suite struct SweepErrorTests {
    @Test func brokenCablesAreListedWithTheirErrorsAndTheOthersReleased() throws {
        let f = try SweepFolder()
        try f.write("in/09ASTANA435.txt", try Fixture.bytes("seeds/09ASTANA435.txt"))
        let empty = try f.write("in/empty.txt", [])
        let binary = try f.write("in/binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02])
        let summary = try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13"))
        #expect(summary.failed == 2)
        let entries = try f.manifest("out")
        #expect(entries.map(\.disposition) == [.releasedInPart, .error, .error])
        #expect(entries[1].input == binary)
        #expect(entries[1].error == "\(binary):1: binary data (NUL byte at offset 4): not a cable text file")
        #expect(entries[2].input == empty)
        #expect(entries[2].error == "\(empty): empty file: no cable text")
        #expect(entries[1].output == nil && entries[2].output == nil)
        #expect(summary.errors == [entries[1].input + ": " + entries[1].error!, entries[2].input + ": " + entries[2].error!])
    }

    @Test func sweepCommandExitsOneWhenACableFailed() throws {
        let f = try SweepFolder()
        try f.write("in/09ASTANA435.txt", try Fixture.bytes("seeds/09ASTANA435.txt"))
        let empty = try f.write("in/empty.txt", [])
        let r = try DeclassProcess.run(["sweep", f.path("in"), "--policy", Fixture.path("policies/foia-release.yaml"),
                                        "--as-of", "2029-03-13", "--out", f.path("out")])
        #expect(r.status == 1)
        #expect(r.out.contains("errors (1):\n  \(empty): \(empty): empty file: no cable text\n"))
        #expect(r.out.contains("  released-in-part   1\n"))
    }

    @Test func outputFolderInsideTheInputIsRefused() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        #expect(throws: SweepError.outputInsideInput(output: corpus + "/out", input: corpus)) {
            try Sweep.run(try sweepOptions([corpus], corpus + "/out", asOf: "2026-11-27"))
        }
    }

    @Test func folderWithoutCablesIsRefused() throws {
        let f = try SweepFolder()
        try f.write("in/README.md", Array("no cables".utf8))
        #expect(throws: SweepError.noCables(paths: [f.path("in")])) {
            try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2026-11-27"))
        }
    }

    @Test func missingInputIsRefusedWithItsPath() throws {
        let f = try SweepFolder()
        let r = try DeclassProcess.run(["sweep", f.path("nope"), "--policy", Fixture.path("policies/foia-release.yaml"),
                                        "--as-of", "2026-11-27", "--out", f.path("out")])
        #expect(r.status == 2)
        #expect(r.err.hasSuffix("declass: \(f.path("nope")): no such file or folder\n"))
        #expect(!FileManager.default.fileExists(atPath: f.path("out")))
    }

    @Test func progressBarShowsCountRateAndTimeLeft() {
        let p = SweepProgress(done: 250, total: 1000, bytes: 5_000_000, seconds: 2)
        #expect(p.bar(width: 10) == "[##········] 250/1000 25% 125 cables/s 2.5 MB/s 0:06 left")
        #expect(p.jsonLine == #"{"done":250,"total":1000,"bytes":5000000,"seconds":2.000,"rate":125.0,"eta":6.0}"#)
    }

    @Test func outputFolderInsideTheInputIsNotCreated() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        #expect(throws: SweepError.self) { try Sweep.run(try sweepOptions([corpus], corpus + "/out", asOf: "2026-11-27")) }
        #expect(!FileManager.default.fileExists(atPath: corpus + "/out"))
    }

    @Test func keyedAuditLogWithoutItsKeyIsRefusedBeforeAnyCableIsDecided() throws {
        let f = try SweepFolder()
        try f.write("in/09ASTANA435.txt", try Fixture.bytes("seeds/09ASTANA435.txt"))
        var keyed = try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13")
        keyed.key = try AuditKey(bytes: Array("correct horse battery staple".utf8))
        _ = try Sweep.run(keyed)
        let before = try f.tree("out")
        #expect(throws: SweepError.audit("\(f.path("out/audit.jsonl")):23: the log's entries carry MACs but no key was given: give the log's key (--audit-key FILE or DECLASS_AUDIT_KEY) or write to a new log")) {
            try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2030-01-01"))
        }
        #expect(try f.tree("out") == before)
    }

    @Test func unreadableFolderIsListedAsAnError() throws {
        guard getuid() != 0 else { return }  // root reads every folder
        let f = try SweepFolder()
        try f.write("in/a/09ASTANA435.txt", try Fixture.bytes("seeds/09ASTANA435.txt"))
        try f.write("in/b/09ASTANA1000.txt", try Fixture.bytes("seeds/09ASTANA1000.txt"))
        chmod(f.path("in/b"), 0o000)
        defer { chmod(f.path("in/b"), 0o755) }
        let summary = try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13"))
        #expect(summary.errors == ["\(f.path("in/b")): \(f.path("in/b")): cannot read the folder: Permission denied"])
    }

    @Test func calendarToBeforeTodayWithoutFromIsAUsageError() throws {
        let r = try DeclassProcess.run(["calendar", ".", "--to", "2020-01-01"])
        #expect(r.status == 2)
        #expect(r.err == "declass: --to (2020-01-01) is before --from (\(CivilDate.today()), today)\n")
    }
}
