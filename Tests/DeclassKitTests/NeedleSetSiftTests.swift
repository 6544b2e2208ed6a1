@testable import DeclassKit
import DeclassTestSupport
import Testing

/// `NeedleSet.occurrences` with one to five sifts (the loop comparing only the sifts a set has), on
/// padded hays (sixteen bytes at a time to the range's end) and on hays ending where the range does
/// (the eight-byte and byte-at-a-time loops), against the naive search.
@Suite struct NeedleSetSiftTests {
    /// Needles with first bytes of their own: `n` of them make `n` sifts.
    static let needles: [(bytes: [UInt8], caseless: Bool)] = [(Array("RUEHC/".utf8), false), (Array("aged 54".utf8), true),
                                                               (Array("54".utf8), false), (Array("/".utf8), false), (Array("é".utf8), true)]

    static func check(padded: Bool, seed: UInt64) -> Int {
        let pieces = ["RUEHC/", "ruehc/", "R", "RU ", " ", "aged 54", "AGED 54", "Aged", "x", "é", "/", "-", "54 ", "5"]
        let texts = randomTexts(pieces, seed: seed, count: 300, maxPieces: 20)
        var found = 0
        for (t, text) in texts.enumerated() {
            let chosen = Array(Self.needles.prefix(t % 5 + 1))
            var set = NeedleSet()
            for (r, n) in chosen.enumerated() { set.add(n.bytes, rule: r, caseless: n.caseless) }
            for offset in [0, 7] {
                let prefix: [UInt8] = offset == 0 ? [] : [UInt8](repeating: 0x5A, count: offset - 1) + [0x0A]
                let hay = prefix + Array(text.utf8) + (padded ? [0x0A] + [UInt8](repeating: 0, count: CableText.padding) : [])
                let range = offset..<(offset + text.utf8.count)
                let got = set.occurrences(in: hay, within: range), expected = NeedleSetTests.naive(chosen, in: hay, within: range)
                #expect(got.map(\.0) == expected.map(\.0) && got.map(\.1) == expected.map(\.1), "\(text.debugDescription) at \(offset)")
                found += expected.count
            }
        }
        return found
    }

    @Test func oneToFiveSiftsFindWhatTheNaiveSearchFindsInAPaddedHay() {
        #expect(Self.check(padded: true, seed: 0x51F1) > 300)
    }

    @Test func oneToFiveSiftsFindWhatTheNaiveSearchFindsInAHayEndingWithTheRange() {
        #expect(Self.check(padded: false, seed: 0x51F2) > 300)
    }
}
