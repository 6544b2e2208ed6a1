import DeclassKit
import Foundation
import Testing

/// Appending writes each entry as its canonical line (`AuditEntry.lineBytes`), numbered, chained and MACed,
/// whatever its strings hold: the serialized-ahead pieces splice `seq`, `prev` and `mac` in their places.
@Suite struct AppendLineTests {
    /// A record whose strings need escaping or are not ASCII, with no rules on one entry and several on another.
    static func awkwardRecord() -> AuditRecord {
        var context = AuditFixtures.context
        context.cable = "09ASTANA435"
        context.file = "Samples/quote\"back\\slash\ttab\u{1}ctl/Zürich — 東京.txt"
        context.caseID = nil
        return AuditRecord(
            context: context,
            withheld: [
                AuditWithheld(kind: .unit, unit: "¶4", line: 31, action: .withhold, rule: "a\"b", rules: [],
                              exemption: Exemption("B1"), authority: nil, text: "Withheld text with \"quotes\" and\nlines."),
                AuditWithheld(kind: .span, unit: "SUBJECT", line: 7, action: .redact, rule: "names",
                              rules: ["names", "b\\c", "ümlaut"], exemption: nil, authority: "1.4(B)", text: "Dariga Nazarbayeva"),
            ],
            document: AuditDocument(disposition: .releaseInPart, stamp: "RELEASE IN PART B1, B6", output: "out/Zürich \"1\".txt",
                                    bytes: Array("the release\n".utf8)))
    }

    @Test(arguments: [false, true])
    func eachLineIsTheEntrysCanonicalLine(keyed: Bool) throws {
        let f = try AuditFixtures()
        let key = keyed ? AuditFixtures.key : nil
        let log = f.path("audit.jsonl")
        let first = try AuditLog.append(records: [AuditFixtures.record(), Self.awkwardRecord()], to: log, key: key, time: AuditFixtures.time)
        let second = try AuditLog.append(records: [Self.awkwardRecord()], to: log, key: key, time: AuditFixtures.time)
        let entries = first.entries + second.entries
        let lines = try f.lines(log)
        #expect(lines.count == 9)
        #expect(entries.map(\.seq) == Array(1...9))
        for (entry, line) in zip(entries, lines) {
            #expect(Array(line.utf8) == entry.lineBytes)
            #expect(entry.mac == (key.map { entry.expectedMAC(key: $0) }))
        }
        #expect(entries[0].prev == AuditDigest.genesis)
        for i in 1..<entries.count { #expect(entries[i].prev == AuditDigest.sha256(Array(lines[i - 1].utf8))) }
        #expect(try AuditVerifier.verify(path: log, key: key).isIntact)
    }
}
