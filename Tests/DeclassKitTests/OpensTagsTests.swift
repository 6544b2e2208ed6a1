import Testing
@testable import DeclassKit

/// `LineRecognizers.opensTags`, tested at the line's start only, against `tagsField` found at the start.
@Suite("TAGS at the start of a line")
struct OpensTagsTests {
    func expectAgreement(_ s: String) {
        let bytes = Array(s.utf8)
        bytes.withUnsafeBufferPointer { b in
            let t = ByteText(b)
            let lines = SourceLines.split(t, from: 0)
            for l in lines {
                #expect(LineRecognizers.opensTags(t, l) == (LineRecognizers.tagsField(t, from: l.lo, l.hi) == l.lo), "\(s.debugDescription)")
            }
        }
    }

    @Test func agreesOnRandomLines() {
        let pieces = ["TAGS", "tags", "Tags:", "TAG", "S", " ", ":", "\n", "E.O. 12958: DECL: 1/1/2019 ", "PREL", "x"]
        for s in randomTexts(pieces, seed: 0x7A65, count: 4_000, maxPieces: 8) {
            expectAgreement(s)
        }
    }

    @Test func agreesOnEveryCorpusLine() throws {
        for url in try Fixtures.corpusFiles() {
            expectAgreement(String(decoding: try Fixtures.bytes("corpus/" + url.lastPathComponent), as: UTF8.self))
        }
    }
}
