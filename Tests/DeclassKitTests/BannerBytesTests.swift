import Foundation
import Testing
@testable import DeclassKit

/// `BannerBytes`, the byte tests `BannerReader` makes on ASCII lines, against the String readers: the repeat
/// tail against `isRepeatTailByCharacters`, and `lacksSection` against splitting the upper-cased line (a line
/// it passes holds no SECTION token), on every corpus line, edge cases and random text.
@Suite("Banner bytes")
struct BannerBytesTests {
    /// Checks the bytes of `s` from each of its first few bytes.
    func expectAgreement(_ s: String) {
        let bytes = Array(s.utf8)
        bytes.withUnsafeBufferPointer { buf in
            let t = ByteText(buf)
            for after in 0..<min(4, bytes.count + 1) {
                if let fast = BannerBytes.isRepeatTail(t, after, bytes.count) {
                    #expect(fast == BannerReader.isRepeatTailByCharacters(t, after, bytes.count), "\(s.debugDescription) from \(after)")
                }
                if BannerBytes.lacksSection(t, after, bytes.count) {
                    #expect(!t.string(after, bytes.count).uppercased().split(separator: " ").contains("SECTION"), "\(s.debugDescription) from \(after)")
                }
            }
        }
    }

    @Test func agreesOnEveryCorpusLine() throws {
        var lines = 0
        for line in try Fixtures.corpusLines() {
            expectAgreement(String(line))
            expectAgreement(" " + line.trimmingCharacters(in: .whitespaces))
            lines += 1
        }
        #expect(lines > 1_000)
    }

    @Test func agreesOnEdgeCases() {
        for s in ["", " ", "  ", " NOFORN", " noforn ", " //NOFORN", " //noforn", "/NOFORN", " SIPDIS", " SIPDIS X", " PTQ1865", " ptq1865 ", " PTQ", " 123",
                  " ABCDEFGHI1", " ABCDEFGHIJ1", " PT-1865", " PTQ1865 NOFORN", "\tNOFORN", " NOFORN\t", " PTQ\r1", " PTQ1\r", " PTQ1865\u{301}",
                  " \u{FF11}", " ſIPDIS", " SECTION 01 OF 02", " ſection 01", " section", " SECTIO", "SECTIONS", " XSECTIONX", " Sec tion", " é1"] {
            expectAgreement(s)
        }
    }

    @Test func agreesOnRandomText() {
        let pieces = [" ", "  ", "N", "O", "F", "R", "/", "S", "I", "P", "D", "E", "C", "T", "s", "e", "c", "t", "i", "o", "n", "1", "8", "6", "5", "Q",
                      "-", "\t", "\r", "\u{301}", "é", "ſ", "\u{FF11}", "SECTION", "NOFORN", "SIPDIS"]
        for s in randomTexts(pieces, seed: 0xBA77, count: 6_000, maxPieces: 12) {
            expectAgreement(s)
        }
    }
}
