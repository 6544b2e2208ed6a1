@testable import DeclassKit
import DeclassTestSupport
import Foundation
import Testing

/// A record's entries serialized straight from its parts (`PreparedAuditEntries(_:key:time:)`, what releases
/// and sweeps append) are the pieces of the entries `AuditRecord.entries(key:time:)` builds, whatever the
/// strings and texts hold.
@Suite struct PreparedRecordTests {
    /// A record with texts not in normal form (CR LF, tabs, Unicode white space, combining marks, emoji),
    /// no case, no cable, no rule, and strings that need escaping.
    static func unusualRecord() -> AuditRecord {
        var context = AuditFixtures.context
        context.cable = nil
        context.caseID = nil
        context.docNo = "doc\u{7F}\u{1F}"
        return AuditRecord(
            context: context,
            withheld: [
                AuditWithheld(kind: .unit, unit: "routing@3", line: 2, action: .withhold, rule: nil, rules: [], exemption: nil,
                              authority: nil, text: "  line one\r\nline\ttwo\u{2003}em\u{00A0}nbsp e\u{0301}t\u{00E9} 👍🏽 \r\n"),
                AuditWithheld(kind: .unit, unit: "¶1", line: 9, action: .redact, rule: "whole", rules: ["whole", "other"],
                              exemption: Exemption("B7(C)"), authority: "x\\y", text: ""),
                AuditWithheld(kind: .span, unit: "¶2", line: 10, action: .redact, rule: "r", rules: ["r"], exemption: Exemption("B6"),
                              authority: nil, text: "Zürich—“Genève” São Paulo"),
            ],
            document: AuditDocument(disposition: .deniedInFull, stamp: "DENIED IN FULL", output: "-", bytes: []))
    }

    static let records = [AuditFixtures.record(), AppendLineTests.awkwardRecord(), unusualRecord(),
                          AuditRecord(context: AuditFixtures.context, withheld: [], document: AuditFixtures.record().document)]

    @Test(arguments: [false, true])
    func recordPiecesAreThePiecesOfItsEntries(keyed: Bool) throws {
        let key = keyed ? AuditFixtures.key : nil
        for record in Self.records {
            let entries = try record.entries(key: key, time: AuditFixtures.time)
            #expect(try PreparedAuditEntries(record, key: key, time: AuditFixtures.time) == PreparedAuditEntries(entries))
        }
    }

    @Test(arguments: [false, true])
    func randomRecordPiecesAreThePiecesOfItsEntries(keyed: Bool) throws {
        let key = keyed ? AuditFixtures.key : nil
        var rng = SplitMix64(seed: keyed ? 7 : 11)
        for _ in 0..<300 {
            let record = Self.randomRecord(&rng)
            let entries = try record.entries(key: key, time: AuditFixtures.time)
            #expect(try PreparedAuditEntries(record, key: key, time: AuditFixtures.time) == PreparedAuditEntries(entries))
        }
    }

    @Test(arguments: [false, true])
    func documentDigestIsTheDocumentEntrysDigest(keyed: Bool) throws {
        let key = keyed ? AuditFixtures.key : nil
        for record in Self.records {
            let digest = try PreparedAuditEntries.record(record, key: key, time: AuditFixtures.time).documentDigest
            #expect(digest == AuditDigest.sha256(record.document.bytes))
        }
    }

    @Test func aDocumentKindIsRefusedAsEntriesRefuseIt() throws {
        var record = AuditFixtures.record()
        record.withheld[1].kind = .document
        #expect(throws: AuditLogError.notWithheld(unit: "¶6", reason: "kind is document")) {
            try PreparedAuditEntries(record, key: nil, time: AuditFixtures.time)
        }
    }

    @Test func aReleaseActionIsRefusedAsEntriesRefuseIt() throws {
        var record = AuditFixtures.record()
        record.withheld[0].action = .release
        #expect(throws: AuditLogError.notWithheld(unit: "¶4", reason: "action is release")) {
            try PreparedAuditEntries(record, key: nil, time: AuditFixtures.time)
        }
    }

    @Test(arguments: [false, true])
    func appendRecordsWritesTheLogAppendWrites(keyed: Bool) throws {
        let key = keyed ? AuditFixtures.key : nil
        let f = try AuditFixtures()
        let a = f.path("a.jsonl"), b = f.path("b.jsonl")
        for _ in 0..<2 {
            try AuditLog.append(records: Self.records, to: a, key: key, time: AuditFixtures.time)
            _ = try AuditLog.appendRecords(Self.records, to: b, key: key, time: AuditFixtures.time)
        }
        #expect(try f.lines(a) == f.lines(b))
    }

    /// A record of up to five parts whose strings mix plain words with characters that need escaping,
    /// Unicode white space, combining marks and emoji.
    static func randomRecord(_ rng: inout SplitMix64) -> AuditRecord {
        let pieces = ["word", "Zhigalov", " ", "  ", "\n", "\r\n", "\t", "\"", "\\", "\u{1}", "\u{7F}", "\u{A0}", "\u{2028}", "\u{3000}",
                      "é", "e\u{301}", "—", "“", "東京", "👍🏽", "🇰🇿", "¶", "1.4(B)", ",", "."]
        func text(_ max: Int) -> String {
            var s = ""
            for _ in 0..<Int(rng.next() % UInt64(max + 1)) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            return s
        }
        func maybe(_ max: Int) -> String? { rng.next() % 3 == 0 ? nil : text(max) }
        var context = AuditFixtures.context
        context.cable = maybe(3)
        context.file = text(6)
        context.caseID = maybe(2)
        context.docNo = maybe(2)
        context.policy = AuditPolicy(name: text(2), version: text(1), digest: "sha256:" + text(2))
        let parts = (0..<Int(rng.next() % 6)).map { _ in
            let redact = rng.next() % 2 == 0
            return AuditWithheld(kind: redact && rng.next() % 2 == 0 ? .span : .unit, unit: text(2), line: Int(rng.next() % 1000),
                                 action: redact ? .redact : .withhold, rule: maybe(2), rules: (0..<Int(rng.next() % 3)).map { _ in text(2) },
                                 exemption: rng.next() % 2 == 0 ? Exemption("B6") : nil, authority: maybe(3), text: text(40))
        }
        let dispositions: [Disposition] = [.releaseInFull, .releaseInPart, .deniedInFull]
        return AuditRecord(context: context, withheld: parts,
                           document: AuditDocument(disposition: dispositions[Int(rng.next() % 3)], stamp: text(4), output: text(3),
                                                   bytes: Array(text(60).utf8)))
    }
}
