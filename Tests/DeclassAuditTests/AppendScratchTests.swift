@testable import DeclassKit
import Crypto
import DeclassTestSupport
import Foundation
import Testing

/// Appends that build their lines in one kept buffer (`AuditLog.append(_:to:key:scratch:each:)`, what a
/// sweep's committer does batch after batch) write what appends with a buffer of their own write, and the
/// `prev` written in place is the digest `prefixedHex` spells.
@Suite struct AppendScratchTests {
    /// Batches that grow and shrink, so that the kept buffer both grows and is reused larger than needed.
    static func batches() -> [[AuditRecord]] {
        let r = AuditFixtures.record(), awkward = AppendLineTests.awkwardRecord()
        return [[r], [r, awkward, r], [awkward], [r, r, r, awkward, r], [r], []]
    }

    @Test(arguments: [false, true])
    func appendsThroughOneKeptBufferWriteWhatAppendsOfTheirOwnWrite(keyed: Bool) throws {
        let key = keyed ? AuditFixtures.key : nil
        let f = try AuditFixtures()
        let kept = f.path("kept.jsonl"), own = f.path("own.jsonl")
        var scratch: [UInt8] = []
        for records in Self.batches() {
            let sets = try records.map { try PreparedAuditEntries($0, key: key, time: AuditFixtures.time) }
            try AuditLog.append(sets, to: kept, key: key, scratch: &scratch)
            AuditLogTail.shared.forget()
            // The entries' own path: built as `AuditEntry` values, chained through `each`.
            try AuditLog.append(records: records, to: own, key: key, time: AuditFixtures.time)
            AuditLogTail.shared.forget()
        }
        #expect(try f.lines(kept) == f.lines(own))
        #expect(try f.lines(kept).count == Self.batches().joined().map { $0.withheld.count + 1 }.reduce(0, +))
        #expect(try AuditVerifier.verify(path: kept, key: key).isIntact)
    }

    @Test func theKeptBufferHoldsOnlyTheLastBatchsLines() throws {
        let f = try AuditFixtures()
        let log = f.path("audit.jsonl")
        var scratch: [UInt8] = []
        let big = try [AuditFixtures.record(), AuditFixtures.record()].map { try PreparedAuditEntries($0, key: nil, time: AuditFixtures.time) }
        try AuditLog.append(big, to: log, key: nil, scratch: &scratch)
        let small = try PreparedAuditEntries(AuditFixtures.record(), key: nil, time: AuditFixtures.time)
        try AuditLog.append([small], to: log, key: nil, scratch: &scratch)
        let lines = try f.lines(log)
        #expect(scratch == Array((lines.suffix(small.count).joined(separator: "\n") + "\n").utf8))
    }

    @Test func prevWrittenInPlaceIsThePrefixedHexOfTheDigest() {
        var rng = SplitMix64(seed: 0x5EED_AD16)
        var out = Array("left over from the entry before, longer than a digest: sha256:0123456789abcdef0123456789abcdef".utf8)
        for n in [0, 1, 7, 64, 65, 700, 4096] {
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let digest = SHA256.hash(data: bytes)
            AuditDigest.writePrefixedHex(AuditDigest.sha256Prefix, digest, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == AuditDigest.prefixedHex(AuditDigest.sha256Prefix, digest))
            #expect(String(decoding: out, as: UTF8.self) == AuditDigest.sha256(bytes))
        }
    }
}
