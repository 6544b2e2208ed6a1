import DeclassKit
import Foundation
import Testing

/// `Sweep.run`: every cable under a folder decided as of a date, releases written mirroring the tree, one
/// audit log, a manifest in input order, resumable, identical for any number of jobs.
@Suite struct SweepTests {
    /// The ids of the corpus cables a date leaves classified, with the date each becomes eligible (nil: never).
    func stillClassified(_ entries: [SweepEntry]) -> [String: String?] {
        Dictionary(uniqueKeysWithValues: entries.filter { $0.disposition == .stillClassified }.map { ($0.id ?? $0.input, $0.until) })
    }

    func counts(_ entries: [SweepEntry]) -> [SweepDisposition: Int] {
        entries.reduce(into: [:]) { $0[$1.disposition, default: 0] += 1 }
    }

    @Test func corpusAsOf20261127LeavesTheTenCablesWhoseDatesHaveNotComeClassified() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        let summary = try Sweep.run(try sweepOptions([corpus], f.path("out"), asOf: "2026-11-27"))
        let entries = try f.manifest("out")
        #expect(entries.count == 61)
        #expect(summary.total == 61)
        #expect(counts(entries) == [.releasedInFull: 8, .releasedInPart: 43, .stillClassified: 10])
        #expect(stillClassified(entries) == [
            "07ALGIERS1809": "2027-12-19", "08ABUJA320": "2033-02-18", "08SHANGHAI422": "2033-09-26",
            "08STATE116943": nil, "09SHENYANG4": "2034-12-31", "09USNATO464": "2034-12-31", "10BRUSSELS4": "2029-01-04",
            "10MADRID154": "2035-02-08", "10STATE9565": "2035-01-29", "10USNATO35": "2030-01-22",
        ])
    }

    @Test func corpusAsOf20300101ReleasesTheCablesDeclassifiedInBetween() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        _ = try Sweep.run(try sweepOptions([corpus], f.path("out"), asOf: "2030-01-01"))
        let entries = try f.manifest("out")
        #expect(stillClassified(entries) == [
            "08ABUJA320": "2033-02-18", "08SHANGHAI422": "2033-09-26", "08STATE116943": nil, "09SHENYANG4": "2034-12-31",
            "09USNATO464": "2034-12-31", "10MADRID154": "2035-02-08", "10STATE9565": "2035-01-29", "10USNATO35": "2030-01-22",
        ])
        let algiers = try #require(entries.first { $0.id == "07ALGIERS1809" })
        #expect(algiers.disposition.wroteOutput)
        #expect(algiers.output == "07ALGIERS1809.txt")
        #expect(FileManager.default.fileExists(atPath: f.path("out/07ALGIERS1809.txt")))
    }

    @Test func stillClassifiedCablesGetNoOutput() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        _ = try Sweep.run(try sweepOptions([corpus], f.path("out"), asOf: "2026-11-27"))
        let abuja = try #require(try f.manifest("out").first { $0.id == "08ABUJA320" })
        #expect(abuja.output == nil)
        #expect(abuja.stamp == nil)
        #expect(!FileManager.default.fileExists(atPath: f.path("out/08ABUJA320.txt")))
    }

    @Test func eachWrittenOutputIsTheReleaseRedactWrites() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in")
        _ = try Sweep.run(try sweepOptions([corpus], f.path("out"), asOf: "2026-11-27"))
        let written = try f.manifest("out").filter { $0.disposition.wroteOutput }
        #expect(written.count == 51)
        for e in written {
            let cable = try CableParser.parse(try Fixture.bytes("corpus/" + (e.input as NSString).lastPathComponent), name: e.input)
            let expected = try release(cable, "foia-release", "2026-11-27")
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: f.path("out/" + e.output!))))
            #expect(bytes == expected.text.bytes, "\(e.input)")
            #expect(e.stamp == expected.review.stampLine)
        }
    }

    @Test func outputsMirrorTheInputTree() throws {
        let f = try SweepFolder()
        let seed = try Fixture.bytes("seeds/09ASTANA435.txt")
        try f.write("in/2009/03/09ASTANA435.txt", seed)
        try f.write("in/2009/06/09ASTANA1000.txt", try Fixture.bytes("seeds/09ASTANA1000.txt"))
        try f.write("in/notes/README.md", Array("not a cable".utf8))
        try f.write("in/.hidden/09ASTANA435.txt", seed)
        _ = try Sweep.run(try sweepOptions([f.path("in")], f.path("out"), asOf: "2029-03-13"))
        let entries = try f.manifest("out")
        #expect(entries.map(\.output) == ["2009/03/09ASTANA435.txt", "2009/06/09ASTANA1000.txt"])
        #expect(FileManager.default.fileExists(atPath: f.path("out/2009/03/09ASTANA435.txt")))
        #expect(FileManager.default.fileExists(atPath: f.path("out/2009/06/09ASTANA1000.txt")))
    }

    @Test func oneAndTwoJobsWriteIdenticalTreesManifestsAndAuditLogs() throws {
        let f = try SweepFolder()
        let corpus = try f.copyCorpus(to: "in", copies: 3)
        var trees: [[String: [UInt8]]] = []
        for jobs in [1, 2] {
            _ = try Sweep.run(try sweepOptions([corpus], f.path("out"), asOf: "2026-11-27", jobs: jobs))
            var tree = try f.tree("out")
            #expect(tree.removeValue(forKey: "summary.json") != nil)  // holds the time taken and the job count
            trees.append(tree)
            try FileManager.default.removeItem(atPath: f.path("out"))
        }
        #expect(trees[0].count == 51 * 3 + 3)  // the releases, manifest.jsonl, audit.jsonl, .declass-sweep.lock
        #expect(trees[0]["audit.jsonl"] != nil)
        #expect(trees[0] == trees[1])
    }
}
