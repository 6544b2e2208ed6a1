import Foundation
import Testing
@testable import DeclassKit

/// `readExemptions` (bytes for ASCII text) against `readExemptionsByCharacters`, the String reader: on every
/// corpus line and its words, edge cases and random text mixing exemption pieces with the characters where
/// bytes and Characters part ways (combining marks, CR LF, the Kelvin sign).
@Suite("ASCII exemptions")
struct ASCIIExemptionsTests {
    /// Checks `s` and its substrings from each of its first few characters.
    func expectAgreement(_ s: String) {
        for sub in leadingSuffixes(s, 4) {
            #expect(DeclassLineReader.readExemptions(sub) == DeclassLineReader.readExemptionsByCharacters(sub), "\(sub.debugDescription)")
        }
    }

    @Test func agreesOnEveryCorpusLine() throws {
        var lines = 0
        for line in try Fixtures.corpusLines() {
            expectAgreement(String(line))
            expectAgreement(line.uppercased())
            if let colon = line.lastIndex(of: ":") { expectAgreement(String(line[line.index(after: colon)...]).trimmingSpaces) }
            lines += 1
        }
        #expect(lines > 1_000)
    }

    @Test func agreesOnEdgeCases() {
        for s in ["", "X", "X1", "x8", "X9", "X0", "X12", "25X", "25X1", "25x1", "25X0", "25X9", "25X1-", "25X1-H", "25X1-HU", "25X1-HUMAN",
                  "50X1-HUM", "50X2-WMD", "75X3", "26X1", "1.6X1", "1.6 X1", "1.6", "X1 AND X2", "X1 and X2", "X1, X2; X3/X4", "X1 GDS X2",
                  "25X1-HUM4N", "25X1-\u{301}A", "X1\u{301}", "X\u{301}1", "X1\r\nX2", "X1\rX2", "\u{212A}", "25X1-H\u{212A}", "AND", "AND X1",
                  "X1 ANDX2", "  X1  ", ",,X5,,", "1.625X1", "X+", "X-1", "25X+1", "25X1+HU"] {
            expectAgreement(s)
        }
    }

    @Test func agreesOnRandomText() {
        let pieces = ["X", "x", "1", "2", "5", "0", "7", "9", "8", ".", "6", "-", "H", "U", "M", "a", "n", " ", ",", ";", "/", "AND", "and",
                      "25X", "50X", "1.6", "\u{301}", "\r", "\n", "\r\n", "\u{212A}", "é", "ß", "+", ":"]
        for s in randomTexts(pieces, seed: 0xE7E1, count: 6_000, maxPieces: 12) {
            expectAgreement(s)
        }
    }
}
