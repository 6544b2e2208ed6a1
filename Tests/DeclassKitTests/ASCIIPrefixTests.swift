import Foundation
import Testing
@testable import DeclassKit

/// `hasASCIIPrefix`, the byte test the E.O. line reader uses, against `hasPrefix` (Characters, canonical
/// equivalence), and `hasASCIIPrefixCI` against upper-casing then `hasPrefix` (`ß` and `ﬁ` upper-case to two letters): on every corpus line and on random text mixing ASCII with the characters where bytes and
/// Characters part ways (combining marks, CR LF, the Kelvin sign and the Greek question mark that are
/// canonically `K` and `;`).
@Suite("ASCII prefix")
struct ASCIIPrefixTests {
    static let prefixes: [StaticString] = ["AS AMENDED", "N/A", "DECLASSIFIED", "DNG", "XGDS", "RDS", "GDS", "DECL", "DECLASSIFY",
                                           "OADR", "MR ", "MANUAL REVIEW", "1.6", "25X", "50X", "75X", "-", "K", ";", "E", "",
                                           "TAGS", "REFERENCES", "REFERENCE", "REFTELS", "REFTEL", "REFS", "REF", "FI", "SS"]

    /// Checks `s` and its substrings from each of its first few characters, as String and Substring.
    func expectAgreement(_ s: String) {
        for p in Self.prefixes {
            #expect(s.hasASCIIPrefix(p) == s.hasPrefix(p.description), "\(s.debugDescription) \(p)")
            #expect(s.hasASCIIPrefixCI(p) == s.uppercasedFast().hasPrefix(p.description), "\(s.debugDescription) \(p) caseless")
            for sub in leadingSuffixes(s, 3) {
                #expect(sub.hasASCIIPrefix(p) == sub.hasPrefix(p.description), "\(sub.debugDescription) \(p)")
                #expect(sub.hasASCIIPrefixCI(p) == sub.uppercasedFast().hasPrefix(p.description), "\(sub.debugDescription) \(p) caseless")
            }
        }
    }

    @Test func agreesOnEveryCorpusLine() throws {
        var lines = 0
        for line in try Fixtures.corpusLines() {
            let upper = line.uppercased()
            expectAgreement(upper)
            if let colon = upper.firstIndex(of: ":") { expectAgreement(String(upper[upper.index(after: colon)...]).trimmingSpaces) }
            lines += 1
        }
        #expect(lines > 1_000)
    }

    @Test func agreesOnEdgeCases() {
        for s in ["", "D", "DEC", "DECL", "DECL\u{301}", "DECL\u{301}:", "DEC\u{301}L", "N/A\r\n", "MR\r\nX", "\u{212A}", "\u{37E}", "K\u{301}",
                  ";\u{301}", "\u{301}DECL", "é", "DECLé", "25X1", "25X1-HUMAN", "50X\u{0301}1", "1.6X1", "MR", "MR \u{301}", "OADR\r", "-\u{301}"] {
            expectAgreement(s)
        }
    }

    @Test func agreesOnRandomText() {
        let pieces = ["D", "E", "C", "L", "A", "S", "I", "F", "Y", "N", "/", "G", "R", "X", "O", "M", " ", "1", ".", "6", "2", "5", "0", "7", "-",
                      ":", ";", "K", "\u{301}", "\u{308}", "\r", "\n", "\r\n", "\u{212A}", "\u{37E}", "é", "E\u{301}", "\u{1F1FA}\u{1F1F8}", "ß",
                      "t", "a", "g", "s", "r", "e", "f", "\u{FB01}", "T", "ſ"]
        for s in randomTexts(pieces, seed: 0xA5C1, count: 4_000, maxPieces: 14) {
            expectAgreement(s)
        }
    }
}
