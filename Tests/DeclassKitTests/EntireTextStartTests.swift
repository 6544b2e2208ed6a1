import Testing
@testable import DeclassKit

/// `CableFields.entireTextStart`, found on the bytes of ASCII text, against `firstRange(of:)` over characters:
/// on random text holding the words, in either case, with line breaks (CR LF among them) and non-ASCII text.
@Suite("ENTIRE TEXT search")
struct EntireTextStartTests {
    func expectAgreement(_ s: String) {
        let u = s.uppercasedFast().prefix(80)
        #expect(CableFields.entireTextStart(in: u) == u.firstRange(of: "ENTIRE TEXT")?.lowerBound, "\(s.debugDescription)")
        let tail = u.dropFirst(3)
        #expect(CableFields.entireTextStart(in: tail) == tail.firstRange(of: "ENTIRE TEXT")?.lowerBound, "\(s.debugDescription)")
    }

    @Test func agreesOnRandomText() {
        let pieces = ["ENTIRE TEXT", "entire text", "ENTIRE", " TEXT", "TEXT", "CONFIDENTIAL - ", "SECRET", " ", "\n", "\r\n", "-", ".", "É", "e\u{301}", "T\u{301}", "x"]
        for s in randomTexts(pieces, seed: 0xE7E7, count: 6_000, maxPieces: 12) {
            expectAgreement(s)
        }
    }

    @Test func readsTheLevelBeforeTheWords() {
        #expect(CableFields.entireTextLevel("CONFIDENTIAL - ENTIRE TEXT.") == .confidential)
        #expect(CableFields.entireTextLevel("Sensitive but unclassified - entire text.") == .sensitiveButUnclassified)
        #expect(CableFields.entireTextLevel("The entire text of the speech follows.") == nil)
    }
}
