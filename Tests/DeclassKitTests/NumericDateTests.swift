import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// `DateReader.numericParts` on ASCII bytes against its reading by Characters: on every corpus line (from
/// each of its first characters and after each colon) and on random text of digits, separators and letters.
@Suite("Numeric date bytes")
struct NumericDateTests {
    func expectAgreement(_ s: Substring) {
        let fast = DateReader.numericParts(s), slow = DateReader.numericPartsByCharacters(s)
        #expect(fast?.0 == slow?.0 && fast?.1 == slow?.1 && fast?.2 == slow?.2 && fast?.3 == slow?.3, "\(s.debugDescription)")
    }

    @Test func agreesOnEveryCorpusLine() throws {
        var found = 0
        for line in try Fixtures.corpusLines() {
            var s = line[...]
            while !s.isEmpty {
                expectAgreement(s)
                if DateReader.numericPartsByCharacters(s) != nil { found += 1 }
                guard let next = s.firstIndex(where: { $0 == ":" || $0 == " " }) else { break }
                s = s[s.index(after: next)...]
            }
        }
        #expect(found >= 40)
    }

    @Test func agreesOnRandomText() {
        let pieces = ["0", "1", "2", "9", "03", "12", "2029", "011", "/", "-", ".", " ", "A", "x", ":", ",", "\r", "\r\n", "\n", "\t", "é",
                      "\u{301}", "٣", "²", "//", "2019-12-16", "3/12/29"]
        var rng = SplitMix64(seed: 0xDA7E)
        var found = 0
        for _ in 0..<6_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { s += pieces.randomElement(using: &rng)! }
            expectAgreement(s[...])
            if DateReader.numericPartsByCharacters(s[...]) != nil { found += 1 }
        }
        #expect(found > 100)
    }
}
