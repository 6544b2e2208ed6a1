@testable import DeclassKit
import Testing

/// `GramFilterKey`: the key of a run of words, built by appending words one by one, equals the XOR of each
/// word's term for its place; and rolling it on (the first word's term taken out, a new word appended) gives
/// the key of the next run, which is how the leak checker keys every n-gram of a secret.
@Suite struct GramFilterKeyTests {
    static let words: [UInt64] = [0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB, 0x0123_4567_89AB_CDEF,
                                  0xFEDC_BA98_7654_3210, 0x8000_0000_0000_0001, 0x0000_0000_0000_0001, 0xDEAD_BEEF_CAFE_F00D]

    /// The key of `run` built by appending its words in order.
    static func appended(_ run: ArraySlice<UInt64>) -> UInt64 { run.reduce(0) { GramFilterKey.appending($0, $1) } }

    /// The key of `run` as the XOR of its words' terms, the last word `back` 0.
    static func summed(_ run: ArraySlice<UInt64>) -> UInt64 {
        var key: UInt64 = 0
        for (i, w) in run.enumerated() { key ^= GramFilterKey.term(w, back: run.count - 1 - i) }
        return key
    }

    @Test func appendingWordsGivesTheXorOfTheirTerms() {
        for length in 1 ... 6 {
            for start in 0 ... (Self.words.count - length) {
                let run = Self.words[start ..< start + length]
                #expect(Self.appended(run) == Self.summed(run))
            }
        }
    }

    @Test func rollingOnGivesTheNextRunsKey() {
        let n = 6
        var key = Self.appended(Self.words[0 ..< n])
        for start in 1 ... (Self.words.count - n) {
            key = GramFilterKey.appending(key, Self.words[start + n - 1]) ^ GramFilterKey.term(Self.words[start - 1], back: n)
            #expect(key == Self.appended(Self.words[start ..< start + n]))
        }
    }

    @Test func theSameWordsInAnotherOrderGiveAnotherKey() {
        let run = Self.words[0 ..< 6]
        #expect(Self.appended(run) != Self.appended(ArraySlice(run.reversed())))
        #expect(Self.appended(Self.words[0 ..< 2]) != Self.appended(ArraySlice([Self.words[1], Self.words[0]])))
    }
}
