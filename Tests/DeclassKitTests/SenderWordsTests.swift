import Testing
@testable import DeclassKit

/// `CableFields.droppingFirst3`, which cuts the `FM ` off a sender line on its bytes, against
/// `String(dropFirst(3))` over characters: on random words with combining marks, CR LF pairs and other text.
@Suite("Sender words")
struct SenderWordsTests {
    @Test func dropsWhatDroppingThreeCharactersDrops() {
        let pieces = ["FM", "FM ", "F", "M", " ", "AMEMBASSY", "ASTANA", "\r\n", "\r", "\n", "\u{301}", "e\u{301}", "É", "’", "x"]
        var cut = 0
        for s in randomTexts(pieces, seed: 0xF1_5E4D, count: 6_000, maxPieces: 6) {
            let expected = String(s.dropFirst(3))
            #expect(CableFields.droppingFirst3(s) == expected, "\(s.debugDescription)")
            if expected.utf8.count + 3 == s.utf8.count { cut += 1 }
        }
        #expect(cut > 2_000)
    }
}
