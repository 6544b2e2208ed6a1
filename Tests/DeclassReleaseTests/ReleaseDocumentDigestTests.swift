@testable import DeclassKit
import Foundation
import Testing

/// `PreparedAuditEntries.release(…)` (what a sweep's workers call) gives the entries `init(release:…)` gives,
/// which no longer makes the document digest's string, and the `sha256:` digest of the output's bytes.
@Suite struct ReleaseDocumentDigestTests {
    @Test(arguments: [false, true])
    func releaseGivesTheInitsEntriesAndTheOutputsDigest(keyed: Bool) throws {
        let engine = try Fixture.engine("foia-release")
        let key = keyed ? try AuditKey(bytes: Array("document digest key".utf8)) : nil
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        for file in try Fixture.corpusFiles().prefix(12) + Fixture.seedFiles {
            let cable = try CableInput.load(Fixture.path(file))
            let r = Release(cable: cable, engine: engine, asOf: day("2026-11-24"), options: goldenOptions)
            let swept = try PreparedAuditEntries.release(r.withheld, review: r.review, cable: cable, policy: engine.policy, output: file,
                                                         bytes: r.text.bytes, caseID: "F-1", docNo: nil, key: key, time: time)
            let direct = try PreparedAuditEntries(release: r.withheld, review: r.review, cable: cable, policy: engine.policy, output: file,
                                                  bytes: r.text.bytes, caseID: "F-1", docNo: nil, key: key, time: time)
            #expect(swept.entries == direct, "\(file)")
            #expect(swept.documentDigest == AuditDigest.sha256(r.text.bytes), "\(file)")
        }
    }
}
