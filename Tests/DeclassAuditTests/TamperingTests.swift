import DeclassKit
import Foundation
import Testing

/// Each way of tampering with a log is found at the right line with the right message. The log is six
/// entries: two releases of three entries (¶4 withheld, a span of ¶6 redacted, the document).
@Suite struct TamperingTests {
    private func verify(_ log: String, key: AuditKey? = nil) throws -> String {
        let result = try AuditVerifier.verify(path: log, key: key)
        #expect(!result.isIntact)
        return result.description
    }

    @Test func changedFieldIsFoundByTheNextEntrysPrev() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines[1] = lines[1].replacingOccurrences(of: #""length":8"#, with: #""length":9"#)
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):2: changed: entry 2 does not hash to the prev recorded by entry 3 on line 3 (this line was edited, or the next line was inserted)")
    }

    @Test func changedFieldIsFoundByItsMAC() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        var lines = try f.lines(log)
        lines[1] = lines[1].replacingOccurrences(of: #""exemption":"B6""#, with: #""exemption":"B5""#)
        try f.rewrite(log, lines)
        #expect(try verify(log, key: AuditFixtures.key) == "\(log):2: changed: entry 2's MAC does not match its content (or the key is not the one the log was written with)")
    }

    @Test func changedLastEntryIsFoundByItsMAC() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        var lines = try f.lines(log)
        lines[5] = lines[5].replacingOccurrences(of: "release-in-part", with: "release-in-full")
        try f.rewrite(log, lines)
        #expect(try verify(log, key: AuditFixtures.key) == "\(log):6: changed: entry 6's MAC does not match its content (or the key is not the one the log was written with)")
    }

    @Test func changedMACIsFoundWithTheKey() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        var lines = try f.lines(log)
        let entry = try JSONDecoder().decode(AuditEntry.self, from: Data(lines[3].utf8))
        let mac = try #require(entry.mac)
        let flipped = String(mac.dropLast()) + (mac.hasSuffix("0") ? "1" : "0")
        lines[3] = lines[3].replacingOccurrences(of: mac, with: flipped)
        try f.rewrite(log, lines)
        #expect(try verify(log, key: AuditFixtures.key) == "\(log):4: changed: entry 4's MAC does not match its content (or the key is not the one the log was written with)")
    }

    @Test func changedMACIsFoundByTheChainWithoutTheKey() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        var lines = try f.lines(log)
        let entry = try JSONDecoder().decode(AuditEntry.self, from: Data(lines[3].utf8))
        let mac = try #require(entry.mac)
        lines[3] = lines[3].replacingOccurrences(of: mac, with: String(mac.dropLast()) + (mac.hasSuffix("0") ? "1" : "0"))
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):4: changed: entry 4 does not hash to the prev recorded by entry 5 on line 5 (this line was edited, or the next line was inserted)")
    }

    @Test func removedLineIsFoundWhereTheGapIs() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines.remove(at: 2)
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):3: removed: entry 3 is missing (seq goes from 2 to 4)")
    }

    @Test func removedLinesAreCounted() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines.removeSubrange(1...3)
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):2: removed: entries 2–4 are missing (seq goes from 1 to 5)")
    }

    @Test func removedFirstLineIsFound() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines.removeFirst()
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):1: removed: entry 1 is missing (the log starts at entry 2)")
    }

    @Test func swappedLinesAreFoundAsReordered() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines.swapAt(1, 2)
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):2: reordered: entry 3 stands before entry 2 (line 3)")
    }

    @Test func lineMovedBackIsFoundAsReordered() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        let moved = lines.remove(at: 1)
        lines.append(moved)
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):2: reordered: entry 3 stands before entry 2 (line 6)")
    }

    @Test func insertedCopyIsFoundAsInserted() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines.insert(lines[1], at: 2)
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):3: inserted: entry 2 appears a second time (first at line 2)")
    }

    @Test func insertedCopyFurtherOnIsFoundAsInserted() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines.insert(lines[0], at: 4)
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):5: inserted: entry 1 appears a second time (first at line 1)")
    }

    @Test func truncatedLastLineIsFound() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: log))
        try bytes.prefix(bytes.count - 40).write(to: URL(fileURLWithPath: log))
        #expect(try verify(log) == "\(log):6: truncated: the last line has no newline: the log was cut or a write was interrupted")
    }

    @Test func lastLineThatIsNotJSONIsFoundAsTruncated() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines[5] = String(lines[5].prefix(30))
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):6: truncated: the last line is not a valid entry (not JSON): the log was cut")
    }

    @Test func middleLineThatIsNotJSONIsFoundAsChanged() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines[2] = "garbage"
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):3: changed: not a valid audit entry (not JSON)")
    }

    @Test func reformattedLineIsFoundAsChanged() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines[5] = lines[5].replacingOccurrences(of: #","kind":"#, with: #", "kind":"#)
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):6: changed: entry 6 is not written the way declass writes it (its JSON was edited)")
    }

    @Test func wrongKeyFailsAtTheFirstEntry() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        #expect(try verify(log, key: AuditFixtures.otherKey) == "\(log):1: changed: entry 1's MAC does not match its content (or the key is not the one the log was written with)")
    }

    @Test func strippedMACsAreFoundWhenAKeyIsGiven() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        #expect(try verify(log, key: AuditFixtures.key) == "\(log):1: changed: entry 1 has no MAC, but a key was given (the log was written without a key, or its MACs were removed)")
    }

    @Test func firstEntryWithAnotherPrevIsFound() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines[0] = lines[0].replacingOccurrences(of: "sha256:" + String(repeating: "0", count: 64), with: "sha256:" + String(repeating: "1", count: 64))
        try f.rewrite(log, lines)
        #expect(try verify(log) == "\(log):1: changed: entry 1's prev is not the chain's start (sha256: and 64 zeros)")
    }

    @Test func entriesBeforeTheProblemAreCounted() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        var lines = try f.lines(log)
        lines.remove(at: 4)
        try f.rewrite(log, lines)
        #expect(try AuditVerifier.verify(path: log, key: nil).entries == 4)
    }
}
