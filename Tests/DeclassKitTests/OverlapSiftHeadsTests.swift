@testable import DeclassKit
import Testing

/// `OverlapSift`'s filter on a candidate's first two bytes (`filterHeads`) and the chunked reading of
/// the words' first two bytes it is made from (`WordValues.writeHeads`).
@Suite struct OverlapSiftHeadsTests {
    /// Pieces of words that share first bytes and differ in the second, in either case, of one byte and
    /// of more than eight, with digits and bytes >= 0x80 before letters inside a word.
    static let pieces = ["AB ", "ab ", "Ac ", "a ", "a, ", "A1 ", "7ab ", "éab ", "q ", "QX ", "x7 ", "12 ", "déjà ", "(ab) ",
                         "Extraordinarily ", "AB-", "ab\n", "Z", "zz "]

    /// The first and second bytes of the words of `text` (at `offset` in its buffer, as `CableText`
    /// holds a unit's words), chunked and byte by byte.
    static func heads(_ text: String, offset: Int) -> (chunked: [UInt8], seconds: [UInt8], firsts: [UInt8], plainSeconds: [UInt8]) {
        let earlier = offset == 0 ? [] : [UInt8](repeating: 0x41, count: offset - 1) + [0x0A]
        let b = earlier + OverlapSiftTests.bytes(text)
        let room = b.count
        var firsts = [UInt8](repeating: 0xEE, count: room), seconds = [UInt8](repeating: 0xEE, count: room)
        var plainFirsts = [UInt8](repeating: 0xEE, count: room), plainSeconds = [UInt8](repeating: 0xEE, count: room)
        let range = offset..<(b.count - CableText.padding - 1)
        let (n, m, k) = b.withUnsafeBufferPointer { p in
            (firsts.withUnsafeMutableBufferPointer { f in
                seconds.withUnsafeMutableBufferPointer { s in WordValues.writeHeads(p, range, firsts: f.baseAddress!, seconds: s.baseAddress!) }
            },
             plainFirsts.withUnsafeMutableBufferPointer { WordValues.writeFirsts(p, range, to: $0.baseAddress!) },
             plainSeconds.withUnsafeMutableBufferPointer { WordValues.writeSeconds(p, range, to: $0.baseAddress!) })
        }
        #expect(n == m && m == k)
        return (Array(firsts[0..<n]), Array(seconds[0..<n]), Array(plainFirsts[0..<m]), Array(plainSeconds[0..<k]))
    }

    @Test func theChunkedHeadsAreTheByteAtATimeOnesOnRandomTexts() {
        let texts = randomTexts(Self.pieces, seed: 0x4EAD, count: 500, maxPieces: 16)
        for text in texts {
            for offset in [0, 5, 13] {
                let h = Self.heads(text, offset: offset)
                #expect(h.chunked == h.firsts, "\(text.debugDescription) at \(offset)")
                #expect(h.seconds == h.plainSeconds, "\(text.debugDescription) at \(offset)")
            }
        }
    }

    @Test func aWordOfOneByteHasNoSecondByte() {
        let h = Self.heads("a, Bc q", offset: 0)
        #expect(h.chunked == Array("ABQ".utf8))
        #expect(h.seconds == [0, UInt8(ascii: "c"), 0])
    }

    @Test func aWordsHeadKeyIsTheSameInEitherCase() {
        #expect(OverlapSift.headKey(UInt8(ascii: "R"), UInt8(ascii: "u")) == OverlapSift.headKey(UInt8(ascii: "r"), UInt8(ascii: "U")))
        #expect(OverlapSift.headKey(UInt8(ascii: "R"), UInt8(ascii: "u")) != OverlapSift.headKey(UInt8(ascii: "R"), UInt8(ascii: "e")))
    }

    /// The sift of one withheld unit's `text` with its filter on first two bytes, and the unit's runs.
    static func filteredSift(_ text: String) -> (sift: OverlapSift, runs: ShingleTable)? {
        guard let made = OverlapSiftTests.sift(text) else { return nil }
        let b = OverlapSiftTests.bytes(text)
        let range = 0..<(b.count - CableText.padding - 1)
        var filtered = made.sift
        let firsts = UnsafeMutablePointer<UInt8>.allocate(capacity: b.count), seconds = UnsafeMutablePointer<UInt8>.allocate(capacity: b.count)
        defer { firsts.deallocate(); seconds.deallocate() }
        let n = b.withUnsafeBufferPointer { WordValues.writeHeads($0, range, firsts: firsts, seconds: seconds) }
        filtered.filterHeads(firsts: firsts, seconds: seconds, units: [0..<n])
        return (filtered, made.runs)
    }

    /// On random texts whose words often share a first byte but not a second, sifted from the buffer's
    /// start and from further in, the filtered sift lets a unit through exactly when it repeats six
    /// consecutive withheld words, as the word-by-word search says.
    @Test func theFilteredSiftAgreesWithAWordByWordSearchOnRandomTexts() {
        let texts = randomTexts(Self.pieces, seed: 0x51F8, count: 600, maxPieces: 14)
        var sifts = 0, repeats = 0
        for (i, withheld) in texts.enumerated() where i % 10 == 0 {
            guard let sift = Self.filteredSift(withheld) else { continue }
            sifts += 1
            for released in texts {
                let expected = OverlapSiftTests.repeatsSix(released, withheld)
                repeats += expected ? 1 : 0
                #expect(OverlapSiftTests.mayRepeat(sift, released) == expected, "\(released.debugDescription) / \(withheld.debugDescription)")
                #expect(OverlapSiftTests.mayRepeat(sift, released, offset: 9) == expected, "\(released.debugDescription) / \(withheld.debugDescription)")
            }
        }
        #expect(sifts > 10)
        #expect(repeats > 20)
    }

    @Test func aReleasedRunOfWithheldWordsInAnotherCaseIsLetThroughByTheFilter() throws {
        let sift = try #require(Self.filteredSift(OverlapSiftTests.routing))
        #expect(OverlapSiftTests.mayRepeat(sift, "as sent: de ruehfr 0306 01 0291234 znr uuuuu, then nothing"))
        #expect(!OverlapSiftTests.mayRepeat(sift, "de rubble 0306 01 0291234 znr uuuuu zzz, the first words alike"))
    }
}
