import Foundation
import Testing
@testable import DeclassKit

/// `CableLayout.containsSentenceBreak`, which finds the dots with `memchr`, against its byte-by-byte reference:
/// on every line of the corpus and on random lines made of dots, spaces, letters and other bytes.
@Suite("Sentence break search")
struct SentenceBreakTests {
    /// The two readings of every line of `bytes`, and how many lines hold a break.
    func expectAgreement(_ bytes: [UInt8], _ label: String) -> Int {
        bytes.withUnsafeBufferPointer { b in
            let layout = CableLayout(t: ByteText(b))
            var breaks = 0
            for l in layout.lines {
                let found = layout.containsSentenceBreak(l)
                #expect(found == layout.containsSentenceBreakByBytes(l), "\(label) line at \(l.start)")
                if found { breaks += 1 }
            }
            return breaks
        }
    }

    @Test func agreesOnTheCorpusLines() throws {
        var breaks = 0
        for file in try Fixtures.corpusFiles() {
            breaks += expectAgreement([UInt8](try Data(contentsOf: file)), file.lastPathComponent)
        }
        #expect(breaks > 1_000)
    }

    @Test func agreesOnRandomLines() {
        let pieces = [".", ". ", "a. ", "ab. ", "AB.", "A. B", "..", " ", "x", "Mr", "1. ", "é. ", "\n", ".\n", "  ", "U.S. ", "e.g. x"]
        var breaks = 0
        for s in randomTexts(pieces, seed: 0x5E7_B4EA, count: 4_000, maxPieces: 14) {
            breaks += expectAgreement(Array(s.utf8), s.debugDescription)
        }
        #expect(breaks > 500)
    }
}
