import DeclassKit
import Foundation
import Testing

/// ReleaseWriter.write: an existing output is replaced only with force, an input is never overwritten, and a
/// write leaves no temporary file behind.
@Suite struct WriteTests {
    /// A copy of 09ASTANA435 in a fresh folder, its release under foia-release as of 2029-03-13, and the policy.
    struct Setup {
        let folder: TempFolder
        let input: String
        let cable: Cable
        let release: Release
        let policy: Policy

        init() throws {
            folder = try TempFolder()
            input = try folder.copy("seeds/09ASTANA435.txt")
            cable = try CableInput.load(input)
            let engine = try Fixture.engine("foia-release")
            policy = engine.policy
            release = Release(cable: cable, engine: engine, asOf: day("2029-03-13"), options: goldenOptions)
        }

        func write(to path: String, force: Bool = false, audit: String? = nil) throws(ReleaseWriter.Failure) {
            try ReleaseWriter.write(release, cable: cable, policy: policy, to: path, audit: audit, key: nil,
                                    caseID: "F-2026-01234", docNo: "C05512345", force: force)
        }

        func contents(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
    }

    /// The error's message, or nil when `body` did not throw.
    func failure(_ body: () throws(ReleaseWriter.Failure) -> Void) -> String? {
        do { try body() } catch { return error.description }
        return nil
    }

    @Test func aSuccessfulWritePutsTheReleaseInPlaceAndLeavesNoTemporaryFile() throws {
        let s = try Setup()
        defer { s.folder.remove() }
        let out = s.folder.path("release.txt")
        try s.write(to: out)
        #expect(try s.contents(out) == s.release.text.bytes)
        #expect(try s.folder.names() == ["09ASTANA435.txt", "release.txt"])
        #expect(try s.folder.temporaries() == [])
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func anExistingOutputIsNotReplacedWithoutForce() throws {
        let s = try Setup()
        defer { s.folder.remove() }
        let out = s.folder.path("release.txt")
        try Data("an earlier release\n".utf8).write(to: URL(fileURLWithPath: out))
        let message = failure { () throws(ReleaseWriter.Failure) in try s.write(to: out) }
        #expect(message == "\(out): the output exists; give --force to replace it")
        #expect(try s.contents(out) == Array("an earlier release\n".utf8))
        #expect(try s.folder.temporaries() == [])
    }

    @Test func anExistingOutputIsReplacedWithForce() throws {
        let s = try Setup()
        defer { s.folder.remove() }
        let out = s.folder.path("release.txt")
        try Data("an earlier release\n".utf8).write(to: URL(fileURLWithPath: out))
        try s.write(to: out, force: true)
        #expect(try s.contents(out) == s.release.text.bytes)
        #expect(try s.folder.names() == ["09ASTANA435.txt", "release.txt"])
    }

    @Test func writingOverTheInputIsRefusedEvenWithForceAndTheInputIsUnchanged() throws {
        let s = try Setup()
        defer { s.folder.remove() }
        let before = try s.contents(s.input)
        for force in [false, true] {
            let message = failure { () throws(ReleaseWriter.Failure) in try s.write(to: s.input, force: force) }
            #expect(message == "\(s.input): the output would overwrite an input; choose another path", "force \(force)")
        }
        #expect(try s.contents(s.input) == before)
        #expect(try s.folder.names() == ["09ASTANA435.txt"])
    }

    @Test func writingOverTheInputSpelledAnotherWayIsRefused() throws {
        let s = try Setup()
        defer { s.folder.remove() }
        let before = try s.contents(s.input)
        let other = s.folder.url.path + "/./09ASTANA435.txt"
        let message = failure { () throws(ReleaseWriter.Failure) in try s.write(to: other, force: true) }
        #expect(message == "\(other): the output would overwrite an input; choose another path")
        #expect(try s.contents(s.input) == before)
    }

    @Test func anAuditLogThatCannotBeAppendedLeavesNoOutputAndNoTemporaryFile() throws {
        let s = try Setup()
        defer { s.folder.remove() }
        let out = s.folder.path("release.txt")
        let audit = s.folder.path("audit-is-a-folder")
        try FileManager.default.createDirectory(atPath: audit, withIntermediateDirectories: false)
        let message = failure { () throws(ReleaseWriter.Failure) in try s.write(to: out, audit: audit) }
        #expect(message?.hasSuffix("nothing written") == true, "\(message ?? "no error")")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try s.folder.temporaries() == [])
    }
}
