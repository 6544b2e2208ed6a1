@testable import DeclassKit
import Foundation
import Testing

/// A manifest line is the entry's canonical JSON (keys sorted, absent members left out), and reads back as
/// the same entry.
@Suite struct ManifestLineTests {
    static let bare = SweepEntry(id: nil, input: "/in/a.txt", inputSHA256: "sha256:00", disposition: .error, format: "text",
                                 policyDigest: "ab", asOf: "2026-11-27")

    @Test func lineWithOnlyTheRequiredMembers() throws {
        var entry = Self.bare
        entry.tool = "declass 0.1.0"
        #expect(String(decoding: entry.line, as: UTF8.self)
            == #"{"as-of":"2026-11-27","disposition":"error","format":"text","input":"/in/a.txt","input-sha256":"sha256:00","policy-digest":"ab","tool":"declass 0.1.0"}"#)
        #expect(entry.line == entry.canonical.bytes)
        #expect(try SweepEntry.decode(entry.line) == entry)
    }

    @Test func lineWithEveryMemberAndStringsThatNeedEscaping() throws {
        var entry = Self.bare
        entry.id = "09ASTANA435"
        entry.input = "/in/quote\"back\\slash\ttab\u{1}/Zürich — 東京.txt"
        entry.disposition = .stillClassified
        entry.until = "2029-03-12"
        entry.basis = "declassification-date"
        entry.stamp = "RELEASE IN PART B1, 1.4(B)"
        entry.output = "out/a\nb.txt"
        entry.outputSHA256 = "sha256:11"
        entry.classification = "C"
        entry.origin = "ASTANA"
        entry.caseID = "F-2026-01234"
        entry.reviewAuthority = "A/GIS/IPS"
        entry.error = "leak check: \"x\""
        #expect(entry.line == entry.canonical.bytes)
        #expect(try SweepEntry.decode(entry.line) == entry)
    }
}
