@testable import DeclassKit
import Foundation
import Testing

/// An append that finds the line this process appended last still last in the log continues from what it
/// remembers of it; any other last line is read in full, so the log is the same either way.
@Suite struct AuditLogTailTests {
    @Test(arguments: [false, true])
    func appendsAfterOwnLineWriteWhatAppendsAfterAReadLineWrite(keyed: Bool) throws {
        let key = keyed ? AuditFixtures.key : nil
        let f = try AuditFixtures()
        let remembered = f.path("remembered.jsonl"), read = f.path("read.jsonl")
        for record in [AuditFixtures.record(), AppendLineTests.awkwardRecord(), AuditFixtures.record()] {
            _ = try AuditLog.appendRecords([record], to: remembered, key: key, time: AuditFixtures.time)
            AuditLogTail.shared.forget()
            _ = try AuditLog.appendRecords([record], to: read, key: key, time: AuditFixtures.time)
        }
        #expect(try f.lines(remembered) == f.lines(read))
        #expect(try AuditVerifier.verify(path: remembered, key: key).isIntact)
    }

    @Test func aLastLineEditedAfterOwnAppendIsReadAndRefused() throws {
        let f = try AuditFixtures()
        let log = f.path("audit.jsonl")
        _ = try AuditLog.appendRecords([AuditFixtures.record()], to: log, key: AuditFixtures.key, time: AuditFixtures.time)
        var lines = try f.lines(log)
        lines[lines.count - 1] = lines[lines.count - 1].replacingOccurrences(of: "release-in-part", with: "release-in-full")
        try f.rewrite(log, lines)
        #expect(throws: AuditLogError.wrongKey(path: log, line: 3)) {
            _ = try AuditLog.appendRecords([AuditFixtures.record()], to: log, key: AuditFixtures.key, time: AuditFixtures.time)
        }
    }

    @Test func ownLastLineAppendedToWithAnotherKeyIsRefused() throws {
        let f = try AuditFixtures()
        let log = f.path("audit.jsonl")
        _ = try AuditLog.appendRecords([AuditFixtures.record()], to: log, key: AuditFixtures.key, time: AuditFixtures.time)
        #expect(throws: AuditLogError.wrongKey(path: log, line: 3)) {
            _ = try AuditLog.appendRecords([AuditFixtures.record()], to: log, key: AuditFixtures.otherKey, time: AuditFixtures.time)
        }
        #expect(throws: AuditLogError.keyedLogWithoutKey(path: log, line: 3)) {
            _ = try AuditLog.appendRecords([AuditFixtures.record()], to: log, key: nil, time: AuditFixtures.time)
        }
    }

    @Test func aRememberedLineIsKnownOnlyForItsBytesAndKey() throws {
        let tail = AuditLogTail()
        let bytes = Array(#"{"seq":7}"#.utf8)
        tail.remember(AuditLogTail.Line(bytes: bytes, seq: 7, key: AuditFixtures.key, digest: "sha256:ab"))
        #expect(tail.known(bytes, key: AuditFixtures.key)?.seq == 7)
        #expect(tail.known(bytes, key: AuditFixtures.key)?.digest == "sha256:ab")
        #expect(tail.known(bytes, key: AuditFixtures.otherKey) == nil)
        #expect(tail.known(bytes, key: nil) == nil)
        #expect(tail.known(Array(#"{"seq":8}"#.utf8), key: AuditFixtures.key) == nil)
        tail.forget()
        #expect(tail.known(bytes, key: AuditFixtures.key) == nil)
    }
}
