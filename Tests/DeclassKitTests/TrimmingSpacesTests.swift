import Foundation
import Testing
@testable import DeclassKit

/// `trimmingSpaces` on the bytes of ASCII text against its reading by Characters: on every corpus line and
/// on random text of spaces, tabs, line breaks (CR LF pairs among them) and other characters.
@Suite("Trimming spaces")
struct TrimmingSpacesTests {
    func expectAgreement(_ s: String) {
        #expect(s.trimmingSpaces == s.trimmingSpacesByCharacters, "\(s.debugDescription)")
        let sub = s.dropFirst()
        #expect(sub.trimmingSpaces == sub.trimmingSpacesByCharacters, "\(sub.debugDescription)")
    }

    @Test func agreesOnEveryCorpusLine() throws {
        for url in try Fixtures.corpusFiles() {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { expectAgreement(String(line)) }
            expectAgreement(String(text.prefix(200)))
        }
    }

    @Test func agreesOnRandomText() {
        let pieces = [" ", "  ", "\t", "\n", "\r", "\r\n", "\n\r", "a", "B", "1", ":", "é", "\u{301}", "\u{600}", "x\r", "\r\nx"]
        for s in randomTexts(pieces, seed: 0x7817, count: 6_000, maxPieces: 8) {
            expectAgreement(s)
        }
    }
}
