import Foundation
import Testing
@testable import DeclassKit

/// `CableFields.subject(of:)`, which reads ASCII words on their bytes, against its reference over characters
/// (`subjectByCharacters`): on the words of every corpus SUBJECT and on random words.
@Suite("Subject reading")
struct SubjectReadingTests {
    func expectAgreement(_ words: String) {
        let fast = CableFields.subject(of: words), reference = CableFields.subjectByCharacters(words)
        #expect(fast.0 == reference.0 && fast.1 == reference.1, "\(words.debugDescription)")
    }

    @Test func agreesOnTheCorpusSubjects() throws {
        var subjects = 0
        for file in try Fixtures.corpusFiles() {
            let cable = try CableParser.parse([UInt8](try Data(contentsOf: file)), name: file.lastPathComponent)
            for k in cable.units.indices where cable.units[k].kind == .subject {
                expectAgreement(cable.words(ofUnitAt: k))
                subjects += 1
            }
        }
        #expect(subjects > 50)
    }

    @Test func agreesOnRandomWords() {
        // Field names in either case, the punctuation after them, marks at either end (read, unknown or not
        // marks at all), artifacts, spaces, line breaks (CR LF among them) and non-ASCII text.
        let pieces = ["SUBJECT", "Subj", "SUBJ", ":", ".", " ", "  ", "\t", "\n", "\r\n", "(C)", "(S//NF)", "(SBU)", "(U)", "(LOU)", "(a)",
                      "(Ref A)", "(", ")", "[1](#)", "[X](#)", "[", "](#)", "KAZAKHSTAN", "talks", "-", "É", "’"]
        for s in randomTexts(pieces, seed: 0x5B_7EC7, count: 8_000, maxPieces: 10) {
            expectAgreement(s)
        }
    }

    @Test func readsAMarkAtEitherEnd() {
        #expect(CableFields.subject(of: "SUBJECT: (C) KAZAKHSTAN TALKS").0 == "KAZAKHSTAN TALKS")
        #expect(CableFields.subject(of: "SUBJECT: (C) KAZAKHSTAN TALKS").1?.classification == .confidential)
        #expect(CableFields.subject(of: "SUBJ: KAZAKHSTAN TALKS (S//NF)").1?.classification == .secret)
    }
}
