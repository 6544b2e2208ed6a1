import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// `ASCIIMonth.month` (bytes of upper-case ASCII words) against `DateReader.month` (a String, upper-cased):
/// on every upper-cased letter word of the corpus, every prefix of every month name, and random letter words.
@Suite("ASCII month")
struct ASCIIMonthTests {
    func expectAgreement(_ word: String) {
        let w = Array(word.utf8)
        #expect(ASCIIMonth.month(w[...]) == DateReader.month(word), "\(word)")
    }

    @Test func agreesOnEveryCorpusWord() throws {
        var words = 0
        for url in try Fixtures.corpusFiles() {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self).uppercased()
            for w in text.utf8.split(whereSeparator: { !ByteText.isUpper($0) }) {
                expectAgreement(String(decoding: w, as: UTF8.self))
                words += 1
            }
        }
        #expect(words > 10_000)
    }

    @Test func agreesOnMonthPrefixesAndEdgeCases() {
        for name in DateReader.fullMonths {
            for k in 0...name.count { expectAgreement(String(name.prefix(k))) }
            expectAgreement(name + "S")
            expectAgreement(name + name)
        }
        for s in ["", "SEPT", "SEPTE", "SEPTS", "JUNO", "MAYBE", "MAYO", "JA", "DECEMBERS", "OCTOBERFEST", "AUGUSTA", "MARCHING"] { expectAgreement(s) }
    }

    @Test func agreesOnRandomWords() {
        let letters = Array("JANFEBMRPYULGSOCTVDEHIQKWXZ")
        var rng = SplitMix64(seed: 0x3017)
        for _ in 0..<6_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...10, using: &rng) { s.append(letters.randomElement(using: &rng)!) }
            expectAgreement(s)
        }
    }
}
