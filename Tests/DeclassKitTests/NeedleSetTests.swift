@testable import DeclassKit
import DeclassTestSupport
import Testing

/// `NeedleSet`: every whole-word occurrence of several needles in one pass, as a byte-by-byte search
/// finds them.
@Suite struct NeedleSetTests {
    /// The occurrences of `needles` (all of rule 0 but the n-th, of rule n) in `text` followed by a line
    /// break and zero padding, as `CableText` holds a unit's words.
    static func find(_ needles: [String], caseless: Bool = false, in text: String) -> [(Range<Int>, Int)] {
        var set = NeedleSet()
        for (r, n) in needles.enumerated() { set.add(Array(n.utf8), rule: r, caseless: caseless) }
        let hay = Array(text.utf8) + [0x0A] + [UInt8](repeating: 0, count: CableText.padding)
        return set.occurrences(in: hay, within: 0..<text.utf8.count)
    }

    @Test func aNeedleLongerThanEightBytesIsFoundWhole() {
        let found = NeedleSetTests.find(["AMEMBASSY NAIROBI"], in: "TO AMEMBASSY NAIROBI AND AMEMBASSY NAIROBX")
        #expect(found.map(\.0) == [3..<20])
    }

    @Test func aCaseSensitiveNeedleIsNotFoundInTheOtherCase() {
        #expect(NeedleSetTests.find(["RUEHC/"], in: "ruehc/ RUEHC/").map(\.0) == [7..<13])
    }

    @Test func aCaselessNeedleIsFoundInEitherCase() {
        #expect(NeedleSetTests.find(["aged 54"], caseless: true, in: "AGED 54, Aged 54").map(\.0) == [0..<7, 9..<16])
    }

    @Test func aCaselessNeedleDoesNotTakeAPunctuationMarkForAnother() {
        // `@` and a backquote differ only in 0x20, as the two cases of a letter do.
        #expect(NeedleSetTests.find(["a@b"], caseless: true, in: "a`b A@B").map(\.0) == [4..<7])
    }

    @Test func needlesSharingAFirstByteAreAllTried() {
        let found = NeedleSetTests.find(["RUEHC/", "RUEHDC/", "R"], in: "RUEHDC/ RUEHC/ R")
        #expect(found.map(\.0) == [0..<7, 8..<14, 15..<16])
        #expect(found.map(\.1) == [1, 0, 2])
    }

    @Test func aNeedleRunningPastTheRangeIsNotFound() {
        #expect(NeedleSetTests.find(["NAIROBI"], in: "NAIRO").isEmpty)
    }

    @Test func aNeedleInsideAWordIsNotFound() {
        #expect(NeedleSetTests.find(["ROBI"], in: "NAIROBI ROBI").map(\.0) == [8..<12])
    }

    /// Every whole-word occurrence of `needles` (each with its case rule) inside `hay[range]`, trying
    /// each byte and each needle in the order added: what `occurrences` finds.
    static func naive(_ needles: [(bytes: [UInt8], caseless: Bool)], in hay: [UInt8], within range: Range<Int>) -> [(Range<Int>, Int)] {
        var out: [(Range<Int>, Int)] = []
        for i in range {
            for (r, n) in needles.enumerated() where i + n.bytes.count <= range.upperBound {
                let equal = n.bytes.indices.allSatisfy { j in
                    n.caseless ? ByteText.upper(hay[i + j]) == ByteText.upper(n.bytes[j]) : hay[i + j] == n.bytes[j]
                }
                if equal, ByteSearch.isWhole(i..<(i + n.bytes.count), n.bytes, hay) { out.append((i..<(i + n.bytes.count), r)) }
            }
        }
        return out
    }

    /// On random texts (routing indicators, ages, either case, bytes >= 0x80), at several offsets in their
    /// buffer and with up to five needles, some caseless, the sifted search finds what the naive one does:
    /// sixteen bytes, eight bytes and one byte at a time alike.
    @Test func occurrencesAgreeWithANaiveSearchOnRandomTexts() {
        let pieces = ["RUEHC/", "ruehc/", "RUEHDC/", "R", "RU ", " ", "aged 54", "AGED 54", "Aged", "x", "é", "/", "-", "RUEHC", "54 "]
        let texts = randomTexts(pieces, seed: 0x7E3D, count: 400, maxPieces: 16)
        let choices: [(bytes: [UInt8], caseless: Bool)] = [(Array("RUEHC/".utf8), false), (Array("RUEHDC/".utf8), false), (Array("aged 54".utf8), true),
                                                           (Array("R".utf8), false), (Array("é".utf8), true), (Array("54".utf8), false), (Array("/".utf8), false),
                                                           (Array("ru".utf8), true)]
        var found = 0
        var rng = SplitMix64(seed: 0x4EED)
        for (t, text) in texts.enumerated() {
            var needles: [(bytes: [UInt8], caseless: Bool)] = []
            for _ in 0...(t % 5) { needles.append(choices.randomElement(using: &rng)!) }
            var set = NeedleSet()
            for (r, n) in needles.enumerated() { set.add(n.bytes, rule: r, caseless: n.caseless) }
            for offset in [0, 3, 17] {
                let prefix: [UInt8] = offset == 0 ? [] : [UInt8](repeating: 0x5A, count: offset - 1) + [0x0A]
                let hay = prefix + Array(text.utf8) + [0x0A] + [UInt8](repeating: 0, count: CableText.padding)
                let range = offset..<(offset + text.utf8.count)
                let got = set.occurrences(in: hay, within: range), expected = Self.naive(needles, in: hay, within: range)
                #expect(got.map(\.0) == expected.map(\.0) && got.map(\.1) == expected.map(\.1), "\(text.debugDescription) at \(offset)")
                found += expected.count
            }
        }
        #expect(found > 500)
    }

    /// One set emptied (`removeAll`) and refilled for each random text, as an engine reuses it from cable
    /// to cable, finds what the naive search does: no needle of an earlier text is left behind.
    @Test func anEmptiedSetFindsOnlyItsNewNeedles() {
        let pieces = ["RUEHC/", "ruehc/", "RUEHDC/", "R", "RU ", " ", "aged 54", "AGED 54", "Aged", "x", "é", "/", "-", "RUEHC", "54 "]
        let texts = randomTexts(pieces, seed: 0x7E3E, count: 300, maxPieces: 16)
        let choices: [(bytes: [UInt8], caseless: Bool)] = [(Array("RUEHC/".utf8), false), (Array("RUEHDC/".utf8), false), (Array("aged 54".utf8), true),
                                                           (Array("R".utf8), false), (Array("é".utf8), true), (Array("54".utf8), false), (Array("/".utf8), false),
                                                           (Array("ru".utf8), true), (Array("x".utf8), true), (Array("-".utf8), false)]
        var found = 0
        var rng = SplitMix64(seed: 0x4EEE)
        var set = NeedleSet()
        for (t, text) in texts.enumerated() {
            var needles: [(bytes: [UInt8], caseless: Bool)] = []
            for _ in 0...(t % 6) { needles.append(choices.randomElement(using: &rng)!) }
            set.removeAll()
            for (r, n) in needles.enumerated() { set.add(n.bytes, rule: r, caseless: n.caseless) }
            let hay = Array(text.utf8) + [0x0A] + [UInt8](repeating: 0, count: CableText.padding)
            let range = 0..<text.utf8.count
            let got = set.occurrences(in: hay, within: range), expected = Self.naive(needles, in: hay, within: range)
            #expect(got.map(\.0) == expected.map(\.0) && got.map(\.1) == expected.map(\.1), "\(text.debugDescription)")
            found += expected.count
        }
        #expect(found > 300)
    }
}
