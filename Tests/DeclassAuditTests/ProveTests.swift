import DeclassKit
import Foundation
import Testing

/// `prove` says whether a candidate is the withheld text: the exact words match (white space folded),
/// anything else does not.
@Suite struct ProveTests {
    @Test func exactWithheldTextMatches() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        let proof = try AuditProver.prove(path: log, entry: 2, candidate: "Zhigalov", key: AuditFixtures.key)
        #expect(proof.matches)
        #expect(proof.description == "entry 2 (09ASTANA435 ¶6, B6): the text matches")
    }

    @Test func nearMissDoesNotMatch() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        let proof = try AuditProver.prove(path: log, entry: 2, candidate: "Zhigalova", key: AuditFixtures.key)
        #expect(!proof.matches)
        #expect(proof.description == "entry 2 (09ASTANA435 ¶6, B6): the text does not match")
    }

    @Test func caseIsNotFolded() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        #expect(try !AuditProver.prove(path: log, entry: 2, candidate: "ZHIGALOV", key: nil).matches)
    }

    @Test func candidateWithOtherLineBreaksAndSpacingMatches() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        let candidate = "  Deputy Foreign Minister Zhigalov told\nthe Ambassador that\r\nKazakhstan would not support the proposal.\n"
        let proof = try AuditProver.prove(path: log, entry: 1, candidate: candidate, key: AuditFixtures.key)
        #expect(proof.description == "entry 1 (09ASTANA435 ¶4, B1): the text matches")
    }

    @Test func candidateMissingAWordDoesNotMatch() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        let candidate = "Deputy Foreign Minister Zhigalov told the Ambassador that Kazakhstan would support the proposal."
        #expect(try !AuditProver.prove(path: log, entry: 1, candidate: candidate, key: nil).matches)
    }

    @Test func keyedEntryNeedsTheKey() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        #expect(throws: AuditProofError.keyRequired(path: log, entry: 2, line: 2)) {
            try AuditProver.prove(path: log, entry: 2, candidate: "Zhigalov", key: nil)
        }
    }

    @Test func wrongKeyIsAUsageErrorNotANoMatch() throws {
        let f = try AuditFixtures()
        let log = try f.log(key: AuditFixtures.key)
        #expect(throws: AuditProofError.wrongKey(path: log, entry: 2, line: 2)) {
            try AuditProver.prove(path: log, entry: 2, candidate: "Zhigalov", key: AuditFixtures.otherKey)
        }
    }

    @Test func documentEntryCannotBeProved() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        #expect(throws: AuditProofError.documentEntry(path: log, entry: 3, line: 3)) {
            try AuditProver.prove(path: log, entry: 3, candidate: "the release", key: nil)
        }
    }

    @Test func entryNumberBeyondTheLogIsRefused() throws {
        let f = try AuditFixtures()
        let log = try f.log()
        let error = #expect(throws: AuditProofError.self) { try AuditProver.prove(path: log, entry: 7, candidate: "x", key: nil) }
        #expect(error == .noSuchEntry(path: log, entry: 7, count: 6))
        #expect(error?.description == "\(log): no entry 7: the log's entries are numbered 1–6")
        #expect(error?.isUsageError == true)
    }
}
