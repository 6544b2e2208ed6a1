import Testing
@testable import DeclassKit

/// `FieldReaders.looksLikeTagCodes` on the bytes of ASCII lines against its reading over characters: on
/// every corpus line and on random lines of codes, separators, artifacts and non-ASCII letters.
@Suite("Tag code lines")
struct TagCodesTests {
    func expectAgreement(_ s: String) {
        if let fast = FieldReaders.looksLikeTagCodesASCII(s) {
            #expect(fast == FieldReaders.looksLikeTagCodesByCharacters(s), "\(s.debugDescription)")
        }
        #expect(FieldReaders.looksLikeTagCodes(s) == FieldReaders.looksLikeTagCodesByCharacters(s), "\(s.debugDescription)")
    }

    @Test func agreesOnEveryCorpusLine() throws {
        for line in try Fixtures.corpusLines() { expectAgreement(String(line)) }
    }

    @Test func agreesOnRandomLines() {
        let pieces = ["PREL", "KZ", "A", "ECON_", "12", "PGOV", "TOOLONGCODE", "x", " ", ", ", ",", "[PREL](#)", "(", "#", "É", "\r\n", "_"]
        for s in randomTexts(pieces, seed: 0x7A6C, count: 6_000, maxPieces: 20) {
            expectAgreement(s)
        }
    }

    @Test func readsCodesAndRefusesWords() {
        #expect(FieldReaders.looksLikeTagCodes("AF, PK, KZ"))
        #expect(!FieldReaders.looksLikeTagCodes("Afghanistan"))
        #expect(!FieldReaders.looksLikeTagCodes(""))
    }
}
