import Foundation
import Testing
@testable import DeclassKit

/// `removingSpaces` (bytes for ASCII text) against `filter { $0 != " " }` over Characters: on every corpus
/// line, edge cases and random text mixing spaces with CR LF, combining marks and non-ASCII letters.
@Suite("Removing spaces")
struct RemovingSpacesTests {
    func expectAgreement(_ s: String) {
        #expect(s.removingSpaces() == String(s.filter { $0 != " " }), "\(s.debugDescription)")
        let sub = Substring(s).dropFirst()
        #expect(sub.removingSpaces() == String(sub.filter { $0 != " " }), "\(sub.debugDescription)")
    }

    @Test func agreesOnEveryCorpusLine() throws {
        var lines = 0
        for url in try Fixtures.corpusFiles() {
            for line in String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n") {
                expectAgreement(String(line))
                lines += 1
            }
        }
        #expect(lines > 1_000)
    }

    @Test func agreesOnEdgeCasesAndRandomText() {
        for s in ["", " ", "   ", "SAO PAULO", " A B ", "A\r\nB", "A \r\n B", " \u{301}", "É VORA", "\u{00A0}", "A\tB"] { expectAgreement(s) }
        let pieces = [" ", "A", "b", "\r", "\n", "\r\n", "\u{301}", "é", "\t", "\u{00A0}", "SAO", "PAULO"]
        var rng = SplitMix64(seed: 0x5AC3)
        for _ in 0..<4_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...10, using: &rng) { s += pieces.randomElement(using: &rng)! }
            expectAgreement(s)
        }
    }
}
