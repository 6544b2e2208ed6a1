import Foundation
import Testing
@testable import DeclassKit

/// `BannerReader.readASCII`, the banner read as bytes on ASCII lines, against `readByStrings` (the upper-cased
/// line split into String tokens) on every corpus line, banner-shaped edge cases and random banner-like text.
@Suite("Banner reader ASCII")
struct BannerReaderASCIITests {
    /// Reads `s` both ways and expects the same banner (or none); returns whether a banner was read.
    @discardableResult
    func expectAgreement(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { buf in
            let t = ByteText(buf)
            let fast = BannerReader.read(t, 0, bytes.count), reference = BannerReader.readByStrings(t, 0, bytes.count)
            #expect(fast == reference, "\(s.debugDescription)")
            return fast != nil
        }
    }

    @Test func agreesOnEveryCorpusLine() throws {
        var banners = 0
        for line in try Fixtures.corpusLines() where expectAgreement(String(line)) { banners += 1 }
        #expect(banners > 50)
    }

    @Test func agreesOnEdgeCases() {
        for s in ["C O N F I D E N T I A L SECTION 01 OF 03 ASTANA 000435", "S e c r e t section 01 of 02 nairobi 002497", "UNCLAS SAO PAULO 000660",
                  "CONFIDENTIAL", "CONFIDENTIAL PTQ1865", "SECRET NOFORN", "SECRET //NOFORN SIPDIS NF LONDON 001234", "SECRET NOFORN NOFORN PARIS 12",
                  "CONFIDENTIAL E F T O ROME 000123", "CONFIDENTIAL ROME E F T O 000123", "CONFIDENTIAL EFTO ROME 000123", "SECRET A B C D E 000001",
                  "SECRET A B C D 000001", "SECRET SECTION 1 OF 2 A B C D 000001", "SECRET A SECTION +1 OF -2 B 000001", "SECRET SECTION X OF 2 ROME 01",
                  "SECRET SECTION 01 OF ROME 01", "SECRET ROME 1", "SECRET ROME 99999999999999999999999", "SECRET ROME 9223372036854775807",
                  "SECRET\tROME\t000123\t", "SECRET ROME 000123  ", "SECRET RO1ME 000123", "SECRET O'HARE ST.-LOUIS 000123", "SECRET // ROME 01",
                  "SECRET //SIPDIS ROME 01", "SECRET /SIPDIS ROME 01", "SECRET sipdis exdis nodis limdis sensitive efto rome 01", "SECRET ROME\r 01",
                  "TOP SECRET EXDIS WASHINGTON 000001", "LIMITED OFFICIAL USE BONN 004321", "UNCLASSIFIED 000123", "SECRET 000123", "secret rome 0a1"] {
            expectAgreement(s)
        }
    }

    @Test func agreesOnRandomText() {
        let pieces = [" ", "  ", "\t", "SECRET ", "S E C R E T ", "SECTION", "section", "OF", "of", "01", "2", "+3", "NOFORN", "//", "NF", "SIPDIS", "EFTO",
                      "E", "F", "T", "O", "ROME", "sao", "-", ".", "'", "1", "000435", "X9", "\r", "EXDIS", "limdis", "SENSITIVE"]
        var banners = 0
        for s in randomTexts(pieces, seed: 0xBA22, count: 8_000, maxPieces: 12) {
            // As written, and closed by a serial (most random lines end in none).
            if expectAgreement("SECRET " + s) { banners += 1 }
            if expectAgreement("SECRET " + s + " 000123") { banners += 1 }
        }
        #expect(banners > 100)
    }
}
