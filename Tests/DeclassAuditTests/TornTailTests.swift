import DeclassKit
import Foundation
import Testing

/// A line left incomplete by a writer that died is removed by the next append, which says so.
@Suite struct TornTailTests {
    private func tear(_ log: String, with bytes: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes.utf8))
        try handle.close()
    }

    @Test func appendRemovesAnIncompleteLastLineAndReportsIt() throws {
        let f = try AuditFixtures()
        let log = try f.log([AuditFixtures.record()])
        let torn = #"{"action":"withhold","asOf":"2026-11-"#
        try tear(log, with: torn)
        let result = try AuditLog.append(records: [AuditFixtures.record()], to: log, key: nil, time: AuditFixtures.time)
        #expect(result.repairedBytes == torn.utf8.count)
        #expect(result.warnings == ["audit: removed an incomplete last line (\(torn.utf8.count) bytes) left by an interrupted write"])
        #expect(result.entries.map(\.seq) == [4, 5, 6])
        #expect(try AuditVerifier.verify(path: log, key: nil).description.hasPrefix("\(log): 6 entries, chain intact"))
    }

    @Test func appendToALogThatIsOnlyATornLineStartsAfresh() throws {
        let f = try AuditFixtures()
        let log = try f.write("torn.jsonl", #"{"act"#)
        let result = try AuditLog.append(records: [AuditFixtures.record()], to: log, key: nil)
        #expect(result.repairedBytes == 5)
        #expect(result.entries.first?.seq == 1)
        #expect(try AuditVerifier.verify(path: log, key: nil).isIntact)
    }

    @Test func appendToAWholeLogReportsNoRepair() throws {
        let f = try AuditFixtures()
        let log = try f.log([AuditFixtures.record()])
        let result = try AuditLog.append(records: [AuditFixtures.record()], to: log, key: nil)
        #expect(result.repairedBytes == 0)
        #expect(result.warnings.isEmpty)
    }
}
