import Testing
@testable import DeclassKit

/// `BannerReader.readLevel`, which refuses a line on its first two bytes, against reading the level words
/// of every line that opens with one of their first letters: on every corpus line and on random lines.
@Suite("Level prefix")
struct LevelPrefixTests {
    func expectAgreement(_ s: String) {
        let bytes = Array(s.utf8)
        bytes.withUnsafeBufferPointer { b in
            let t = ByteText(b)
            for lo in 0..<min(b.count, 3) {
                let reference: (Classification, Int)? = lo < b.count && [0x43, 0x53, 0x54, 0x55, 0x4C].contains(ByteText.upper(t[lo]))
                    ? BannerReader.readLevelWord(t, lo, b.count) : nil
                let fast = BannerReader.readLevel(t, lo, b.count)
                #expect(fast?.0 == reference?.0 && fast?.1 == reference?.1, "\(s.debugDescription) from \(lo)")
            }
        }
    }

    @Test func agreesOnEveryCorpusLine() throws {
        for line in try Fixtures.corpusLines() { expectAgreement(String(line)) }
    }

    @Test func agreesOnRandomLines() {
        let pieces = ["C", "c", "S", "T", "U", "L", "O", "E", "N", "I", " ", "ONFIDENTIAL", "ECRET", "OP SECRET", "NCLAS", "NCLASSIFIED",
                      "IMITED OFFICIAL USE", "C O N F I D E N T I A L", "S E C R E T", "he", "x", "é"]
        for s in randomTexts(pieces, seed: 0x1E7E, count: 6_000, maxPieces: 6) {
            expectAgreement(s)
        }
    }
}
