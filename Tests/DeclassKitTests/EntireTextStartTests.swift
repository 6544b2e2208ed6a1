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

    @Test func readsTheLevelFromTheBytesAsFromTheString() {
        // Heads of up to 80 bytes with a level, punctuation and the words; the byte reading answers for ASCII
        // text without CR and must give what the string reading gives.
        let pieces = ["CONFIDENTIAL", "Confidential", "SECRET", "secret", "UNCLASSIFIED", "SBU", "Sensitive but unclassified", "C", "TS",
                      " - ", "-", ":", ",", ".", " ", "ENTIRE TEXT", "entire text", "ENTIRE", " TEXT", "The ", "x", "\n", "\r\n", "É"]
        var read = 0
        for s in randomTexts(pieces, seed: 0xE7_1E7E, count: 8_000, maxPieces: 9) {
            let bytes = Array(s.utf8)
            bytes.withUnsafeBufferPointer { b in
                let t = ByteText(b)
                let head = 0..<min(bytes.count, 80)
                guard let level = CableFields.entireTextLevel(t, head) else { return }
                read += 1
                #expect(level == CableFields.entireTextLevel(String(decoding: b[head], as: UTF8.self)), "\(s.debugDescription)")
            }
        }
        #expect(read > 4_000)
    }

    @Test func leavesOtherTextToTheStringReading() {
        for s in ["CONFIDENTIAL \u{E9} ENTIRE TEXT", "SECRET\r\nENTIRE TEXT"] {
            let bytes = Array(s.utf8)
            bytes.withUnsafeBufferPointer { b in
                #expect(CableFields.entireTextLevel(ByteText(b), 0..<bytes.count) == nil, "\(s.debugDescription)")
            }
        }
    }
}
