import DeclassKit
import Foundation
import Testing

/// A record's entries (one time formatted once for all of them) and a policy reference's digest prefix.
@Suite struct RecordEntriesTests {
    @Test(arguments: [false, true])
    func recordEntriesEqualEntriesBuiltOneByOne(keyed: Bool) throws {
        let key = keyed ? AuditFixtures.key : nil
        let record = AuditFixtures.record()
        var expected: [AuditEntry] = []
        for w in record.withheld { expected.append(try AuditEntry(withheld: w, context: record.context, key: key, time: AuditFixtures.time)) }
        expected.append(AuditEntry(document: record.document, context: record.context, time: AuditFixtures.time))
        let entries = try record.entries(key: key, time: AuditFixtures.time)
        #expect(entries == expected)
        #expect(entries.allSatisfy { $0.time == "2027-01-15T08:00:00Z" })
    }

    @Test func bareDigestIsGivenTheSHA256Prefix() {
        let hex = String(repeating: "ab", count: 32)
        #expect(AuditPolicy(name: "p", version: "1", digest: hex).digest == "sha256:" + hex)
    }

    @Test func prefixedDigestIsKeptAsGiven() {
        #expect(AuditPolicy(name: "p", version: "1", digest: "sha256:abcd").digest == "sha256:abcd")
        #expect(AuditPolicy(name: "p", version: "1", digest: "other:abcd").digest == "other:abcd")
    }
}
