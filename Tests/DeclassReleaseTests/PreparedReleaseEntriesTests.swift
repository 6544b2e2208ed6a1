import DeclassKit
import Foundation
import Testing

/// A release's audit entries serialized from its parts where they stand (`PreparedAuditEntries(release:…)`,
/// what `declass redact` and sweeps append) are those of the record `AuditRecord(release:…)` makes of it.
@Suite struct PreparedReleaseEntriesTests {
    @Test(arguments: ["foia-release", "public-summary"], [false, true])
    func everyCorpusReleaseGivesItsRecordsEntries(policy: String, keyed: Bool) throws {
        let engine = try Fixture.engine(policy)
        let key = keyed ? try AuditKey(bytes: Array("prepared release key".utf8)) : nil
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        var parts = 0
        for file in try Fixture.corpusFiles() + Fixture.seedFiles {
            let cable = try CableInput.load(Fixture.path(file))
            let r = Release(cable: cable, engine: engine, asOf: day("2026-11-24"), options: goldenOptions)
            let record = AuditRecord(release: r.withheld, review: r.review, cable: cable, policy: engine.policy, output: "out/" + file,
                                     bytes: r.text.bytes, caseID: goldenOptions.caseID, docNo: goldenOptions.docNo)
            let direct = try PreparedAuditEntries(release: r.withheld, review: r.review, cable: cable, policy: engine.policy, output: "out/" + file,
                                                  bytes: r.text.bytes, caseID: goldenOptions.caseID, docNo: goldenOptions.docNo, key: key, time: time)
            #expect(direct == (try PreparedAuditEntries(record, key: key, time: time)), "\(file)")
            parts += r.withheld.count
        }
        #expect(parts > 100, "the corpus withholds too little to test this")
    }
}
