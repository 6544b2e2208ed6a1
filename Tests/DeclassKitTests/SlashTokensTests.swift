import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// `MarkingReader.slashTokens`, which splits an ASCII mark's text on its bytes, against the split over
/// Characters it replaces (`slashTokensByCharacters`).
@Suite("Slash tokens")
struct SlashTokensTests {
    @Test func agreesWithTheCharacterSplitOnRandomMarks() {
        // Slashes, spaces, tabs, CR LF pairs and letters, with some text that is not ASCII (the other path).
        let pieces = ["/", "//", " ", "  ", "\t", "\r\n", "\r", "\n", "C", "S", "NF", "REL TO USA", "FGI", "x", "é", "/\u{301}", ""]
        var rng = SplitMix64(seed: 0x51A5_4E55)
        var tokens = 0
        for _ in 0..<6_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...7, using: &rng) { text += pieces.randomElement(using: &rng)! }
            let r = MarkingReader.slashTokens(text)
            #expect(r == MarkingReader.slashTokensByCharacters(text), "\(text.debugDescription)")
            tokens += r.count
        }
        #expect(tokens > 5_000)
    }

    @Test func splitsAMarkOnItsSlashes() {
        #expect(MarkingReader.slashTokens("S//NF/ REL TO USA ") == ["S", "NF", "REL TO USA"])
        #expect(MarkingReader.slashTokens("//").isEmpty)
    }
}
