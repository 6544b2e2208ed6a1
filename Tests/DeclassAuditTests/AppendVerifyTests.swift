import DeclassKit
import Foundation
import Testing

/// Appending writes numbered, chained entries that verify; refusals leave the log as it was.
@Suite struct AppendVerifyTests {
    @Test func appendedLogVerifiesWithoutKey() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        let result = try AuditVerifier.verify(path: log, key: nil)
        #expect(result.isIntact)
        #expect(result.description == "\(log): 6 entries, chain intact, MACs not checked: the log has none (it was written without a key)")
    }

    @Test func appendedKeyedLogVerifiesWithItsKey() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        let result = try AuditVerifier.verify(path: log, key: AuditFixtures.key)
        #expect(result.description == "\(log): 6 entries, chain intact, MACs verified")
    }

    @Test func keyedLogVerifiedWithoutKeyChecksTheChainAndSaysMACsUnchecked() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        let result = try AuditVerifier.verify(path: log, key: nil)
        #expect(result.isIntact)
        #expect(result.macs == .notCheckedWithoutKey)
        #expect(result.description == "\(log): 6 entries, chain intact, MACs not checked: cannot check the MACs without the key (--key FILE or DECLASS_AUDIT_KEY)")
    }

    @Test func entriesAreNumberedAndChainedAcrossAppends() throws {
        let f = try AuditFixtures()
        let log = try f.log([AuditFixtures.record()])
        let second = try AuditLog.append(records: [AuditFixtures.record()], to: log, key: nil, time: AuditFixtures.time)
        #expect(second.entries.map(\.seq) == [4, 5, 6])
        let lines = try f.lines(log)
        #expect(second.entries[0].prev == AuditDigest.sha256(Array(lines[2].utf8)))
        #expect(try AuditVerifier.verify(path: log, key: nil).isIntact)
    }

    @Test func firstEntryStartsTheChainWithZeros() throws {
        let f = try AuditFixtures()
        let entries = try AuditLog.append(records: [AuditFixtures.record()], to: f.path("a.jsonl"), key: nil).entries
        #expect(entries[0].prev == "sha256:" + String(repeating: "0", count: 64))
        #expect(entries[0].seq == 1)
    }

    @Test func linesAreCanonicalJSONWithSortedKeysAndExplicitNulls() throws {
        let f = try AuditFixtures()
        let log = try f.log([AuditFixtures.record()])
        let lines = try f.lines(log)
        #expect(lines[0].hasPrefix(#"{"action":"withhold","asOf":"2026-11-24","authority":"1.4(B), 1.4(D)","cable":"09ASTANA435","case":"F-2026-01234","digest":"sha256:"#))
        #expect(lines[2].contains(#""exemption":null,"file":"Samples/09ASTANA435.txt","kind":"document","length":null,"line":null,"output":"out/09ASTANA435.txt""#))
        #expect(lines[2].contains(#""stamp":"RELEASE IN PART B1, 1.4(B), 1.4(D), B6""#))
        #expect(lines[0].contains(#""policy":{"digest":"sha256:abab"#))
        #expect(lines[0].contains(#""time":"2027-01-15T08:00:00Z","tool":"declass \#(DeclassVersion.current)","unit":"¶4"}"#))
        #expect(!lines[0].contains("\"mac\""))
    }

    @Test func documentEntryDigestsTheReleaseOutputBytes() throws {
        let entries = try AuditFixtures.record().entries(key: AuditFixtures.key, time: AuditFixtures.time)
        #expect(entries.last?.digest == AuditDigest.sha256(Array("the release\n".utf8)))
        #expect(entries.last?.action == "release-in-part")
    }

    @Test func keyedEntriesCarryAMACOverTheirCanonicalJSON() throws {
        let f = try AuditFixtures()
        let log = try f.log([AuditFixtures.record()], key: AuditFixtures.key)
        let line = try f.lines(log)[0]
        let entry = try JSONDecoder().decode(AuditEntry.self, from: Data(line.utf8))
        #expect(entry.mac == entry.expectedMAC(key: AuditFixtures.key))
        #expect(entry.mac?.hasPrefix("hmac-sha256:") == true)
    }

    @Test func appendRefusesALastLineThatIsNotAnEntryAndWritesNothing() throws {
        let f = try AuditFixtures()
        let log = try f.log([AuditFixtures.record()])
        var lines = try f.lines(log)
        lines[2] = #"{"seq":3,"note":"hand-edited"}"#
        try f.rewrite(log, lines)
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        #expect(throws: AuditLogError.invalidLastLine(path: log, line: 3, reason: "no 'kind'")) {
            try AuditLog.append(records: [AuditFixtures.record()], to: log, key: nil)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before)
    }

    @Test func appendToAKeyedLogWithoutTheKeyIsRefused() throws {
        let f = try AuditFixtures()
        let log = try f.log([AuditFixtures.record()], key: AuditFixtures.key)
        #expect(throws: AuditLogError.keyedLogWithoutKey(path: log, line: 3)) {
            try AuditLog.append(records: [AuditFixtures.record()], to: log, key: nil)
        }
    }

    @Test func appendWithAnotherKeyIsRefused() throws {
        let f = try AuditFixtures()
        let log = try f.log([AuditFixtures.record()], key: AuditFixtures.key)
        #expect(throws: AuditLogError.wrongKey(path: log, line: 3)) {
            try AuditLog.append(records: [AuditFixtures.record()], to: log, key: AuditFixtures.otherKey)
        }
    }

    @Test func appendWithAKeyToAnUnkeyedLogIsRefused() throws {
        let f = try AuditFixtures()
        let log = try f.log([AuditFixtures.record()])
        #expect(throws: AuditLogError.unkeyedLogWithKey(path: log, line: 3)) {
            try AuditLog.append(records: [AuditFixtures.record()], to: log, key: AuditFixtures.key)
        }
    }

    @Test func aReleasedUnitCannotBecomeAWithheldEntry() throws {
        var w = AuditFixtures.record().withheld[0]
        w.action = .release
        #expect(throws: AuditLogError.notWithheld(unit: "¶4", reason: "action is release")) {
            try AuditEntry(withheld: w, context: AuditFixtures.context, key: nil)
        }
    }

    @Test func newLogIsCreatedReadableOnlyByItsOwner() throws {
        let f = try AuditFixtures()
        let log = try f.log([AuditFixtures.record()])
        let mode = try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func emptyLogVerifies() throws {
        let f = try AuditFixtures()
        let log = try f.write("empty.jsonl", "")
        #expect(try AuditVerifier.verify(path: log, key: nil).description == "\(log): 0 entries, chain intact, MACs not checked: the log has none (it was written without a key)")
    }

    @Test func missingLogCannotBeVerified() throws {
        let f = try AuditFixtures()
        #expect(throws: AuditLogError.cannotRead(path: f.path("none.jsonl"), reason: "no such file")) {
            try AuditVerifier.verify(path: f.path("none.jsonl"), key: nil)
        }
    }
}
