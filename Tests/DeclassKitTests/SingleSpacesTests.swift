import Foundation
import Testing
@testable import DeclassKit

/// `MarkingReader.hasSingleSpaces`, the test that lets `canonicalControl` skip splitting a token on spaces
/// and joining it again: whenever it holds, the split and join give the token back. Checked on the tokens
/// of every corpus line and on random text.
@Suite("Single spaces")
struct SingleSpacesTests {
    func expectIdentity(_ s: String) {
        if MarkingReader.hasSingleSpaces(s) {
            #expect(s.split(separator: " ").joined(separator: " ") == s, "\(s.debugDescription)")
        }
    }

    @Test func holdsOnCorpusTokens() throws {
        var held = 0
        for line in try Fixtures.corpusLines() {
            for token in line.split(separator: "/") {
                expectIdentity(String(token))
                if MarkingReader.hasSingleSpaces(String(token)) { held += 1 }
            }
        }
        #expect(held > 1_000)
    }

    @Test func holdsOnRandomText() {
        let pieces = [" ", "  ", "N", "F", "REL", "TO", "\r\n", "\r", "\n", "\t", "é", "\u{301}", "\u{600}", ","]
        for s in randomTexts(pieces, seed: 0x5E1, count: 6_000, maxPieces: 8) {
            expectIdentity(s)
        }
        #expect(!MarkingReader.hasSingleSpaces(" NF") && !MarkingReader.hasSingleSpaces("REL  TO") && MarkingReader.hasSingleSpaces("REL TO USA"))
    }
}
