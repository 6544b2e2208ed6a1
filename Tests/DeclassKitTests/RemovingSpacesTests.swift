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
        for line in try Fixtures.corpusLines() {
            expectAgreement(String(line))
            lines += 1
        }
        #expect(lines > 1_000)
    }

    @Test func agreesOnEdgeCasesAndRandomText() {
        for s in ["", " ", "   ", "SAO PAULO", " A B ", "A\r\nB", "A \r\n B", " \u{301}", "É VORA", "\u{00A0}", "A\tB"] { expectAgreement(s) }
        let pieces = [" ", "A", "b", "\r", "\n", "\r\n", "\u{301}", "é", "\t", "\u{00A0}", "SAO", "PAULO"]
        for s in randomTexts(pieces, seed: 0x5AC3, count: 4_000, maxPieces: 10) {
            expectAgreement(s)
        }
    }
}
