import DeclassKit
import Foundation
import Testing

/// `show` counts withheld units, redacted spans and characters per exemption, rule and cable, and
/// documents per disposition.
@Suite struct SummaryTests {
    private func summary() throws -> AuditSummary {
        let f = try AuditFixtures()
        var denied = AuditFixtures.record(cable: "09ASTANA1000", file: "Samples/09ASTANA1000.txt")
        denied.withheld.removeLast()
        denied.document.disposition = .deniedInFull
        var full = AuditFixtures.record(cable: "09ASTANA999", file: "x.txt")
        full.withheld = []
        full.document.disposition = .releaseInFull
        let log = try f.log([AuditFixtures.record(), AuditFixtures.record(), denied, full])
        return try AuditSummary.load(path: log)
    }

    @Test func countsPerExemption() throws {
        let s = try summary()
        let p4 = AuditFixtures.paragraph4.count
        #expect(s.exemptions == [AuditSummary.Row(key: "B1", units: 3, spans: 0, characters: 3 * p4),
                                 AuditSummary.Row(key: "B6", units: 0, spans: 2, characters: 16)])
    }

    @Test func countsPerRule() throws {
        let s = try summary()
        #expect(s.rules.map(\.key) == ["classified-not-declassified", "personal-details"])
        #expect(s.rules.map(\.units) == [3, 0])
        #expect(s.rules.map(\.spans) == [0, 2])
    }

    @Test func countsPerCable() throws {
        let s = try summary()
        #expect(s.cables.map(\.key) == ["09ASTANA1000", "09ASTANA435"])
        #expect(s.cables.map(\.units) == [1, 2])
        #expect(s.cables.map(\.spans) == [0, 2])
    }

    @Test func countsDocumentsPerDisposition() throws {
        let s = try summary()
        #expect(s.documents == ["release-in-part": 2, "denied-in-full": 1, "release-in-full": 1])
        #expect(s.entries == 9)
    }

    @Test func textTableListsEachSection() throws {
        let text = try summary().text()
        let p4 = AuditFixtures.paragraph4.count
        #expect(text.hasPrefix("9 entries: 3 withheld units, 2 redacted spans, \(3 * p4 + 16) characters withheld\n"))
        #expect(text.contains("\nexemption  units   spans   characters\nB1         3       0       \(3 * p4)\nB6         0       2       16\n"))
        #expect(text.contains("\ndocuments\nrelease-in-full   1\nrelease-in-part   2\ndenied-in-full    1\n"))
    }

    @Test func jsonHoldsTheSameCounts() throws {
        let s = try summary()
        let decoded = try JSONDecoder().decode(AuditSummary.self, from: Data(s.json().utf8))
        #expect(decoded == s)
    }

    @Test func lineThatIsNotAnEntryIsNamed() throws {
        let f = try AuditFixtures()
        let log = try f.write("bad.jsonl", "{}\n")
        #expect(throws: AuditLogError.invalidLine(path: log, line: 1, reason: "no 'seq'")) { try AuditSummary.load(path: log) }
    }
}
