import DeclassKit
import Foundation
import Testing

/// `redact --out-dir` with two inputs of the same name: the second would replace the first's release
/// within the same run, so it is refused whatever `--force` says.
@Suite struct DuplicateTargetTests {
    /// The audit log's entries of kind `document`, as JSON objects.
    static func documents(_ log: String) throws -> [[String: Any]] {
        try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").compactMap { line in
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return o?["kind"] as? String == "document" ? o : nil
        }
    }

    @Test func aSecondInputWithTheSameTargetIsRefusedEvenWithForce() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let od = folder.path("od"), other = folder.path("other")
        try FileManager.default.createDirectory(atPath: od, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
        let first = Fixture.path("seeds/09ASTANA435.txt")
        // Another cable under the same file name.
        let second = other + "/09ASTANA435.txt"
        try Data(try Fixture.bytes("seeds/09ASTANA1000.txt")).write(to: URL(fileURLWithPath: second))
        let log = folder.path("audit.jsonl")
        let r = try DeclassBinary.run(["redact", first, second, "--policy", Fixture.path("policies/foia-release.yaml"),
                                       "--as-of", "2026-11-24", "--out-dir", od, "--force", "--audit", log])
        #expect(r.status == 1)
        let target = od + "/09ASTANA435.txt"
        #expect(r.err.contains("declass: \(second): its release would go to \(target), where this run writes the release of \(first); nothing written for \(second)"),
                "\(r.err)")
        // The first input's release stays: it is the release of 09ASTANA435, not of 09ASTANA1000.
        let written = try String(contentsOfFile: target, encoding: .utf8)
        let expected = try DeclassBinary.run(["redact", first, "--policy", Fixture.path("policies/foia-release.yaml"), "--as-of", "2026-11-24"])
        #expect(expected.status == 0)
        #expect(written == expected.out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: od) == ["09ASTANA435.txt"])
        let documents = try Self.documents(log)
        #expect(documents.count == 1)
        #expect(documents.first?["output"] as? String == target)
    }

    @Test func distinctNamesAreStillReleasedTogether() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let od = folder.path("od")
        try FileManager.default.createDirectory(atPath: od, withIntermediateDirectories: false)
        let r = try DeclassBinary.run(["redact", Fixture.path("seeds/09ASTANA435.txt"), Fixture.path("seeds/09ASTANA1000.txt"),
                                       "--policy", Fixture.path("policies/foia-release.yaml"), "--as-of", "2026-11-24", "--out-dir", od])
        #expect(r.status == 0, "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: od).sorted() == ["09ASTANA1000.txt", "09ASTANA435.txt"])
    }
}
