import Testing
@testable import DeclassKit
import DeclassTestSupport

/// The leak checker's small parts that its speed rests on: the bit filter in front of its n-gram table
/// (never false for an inserted hash) and the ring that keeps the newest six words.
@Suite struct LeakFilterTests {
    /// `count` hashes from a seeded generator.
    static func hashes(_ count: Int, seed: UInt64) -> [UInt64] {
        var g = SplitMix64(seed: seed)
        return (0 ..< count).map { _ in g.next() }
    }

    @Test(arguments: [8, 32])
    func aBitFilterHoldsEveryHashInsertedIntoIt(bitsPerEntry: Int) {
        let inserted = Self.hashes(20_000, seed: 0xB17F)
        var filter = BitFilter(expected: inserted.count, bitsPerEntry: bitsPerEntry)
        for h in inserted { filter.insert(h) }
        #expect(inserted.allSatisfy { filter.contains($0) })
    }

    @Test func aBitFilterOf32BitsPerEntryLetsFewerThanOneOtherHashInAHundredThrough() {
        let inserted = Self.hashes(20_000, seed: 0xB17F)
        var filter = BitFilter(expected: inserted.count, bitsPerEntry: 32)
        for h in inserted { filter.insert(h) }
        let others = Self.hashes(100_000, seed: 0x07E5)
        #expect(others.filter { filter.contains($0) }.count < 1_000)
    }

    @Test(arguments: [1, 300, 20_000])
    func aSingleBitFilterHoldsEveryHashInsertedIntoIt(count: Int) {
        let inserted = Self.hashes(count, seed: 0x51B1)
        var filter = SingleBitFilter(expected: inserted.count)
        for h in inserted { filter.insert(h) }
        #expect(inserted.allSatisfy { filter.contains($0) })
    }

    @Test func aSingleBitFilterOf32BitsPerEntryLetsFewerThanOneOtherHashInTwentyThrough() {
        let inserted = Self.hashes(20_000, seed: 0x51B1)
        var filter = SingleBitFilter(expected: inserted.count)
        for h in inserted { filter.insert(h) }
        let others = Self.hashes(100_000, seed: 0x07E5)
        #expect(others.filter { filter.contains($0) }.count < 5_000)
    }

    @Test func aSingleBitFilterTellsApartHashesThatDifferOnlyInTheirLowBits() {
        // Word hashes before `WordHash.finish`: the filter's multiply must spread their low bits too.
        let inserted = (0 ..< 1_000).map { UInt64($0) * 2 }
        var filter = SingleBitFilter(expected: inserted.count)
        for h in inserted { filter.insert(h) }
        let others = (0 ..< 1_000).map { UInt64($0) * 2 + 1 }
        #expect(others.filter { filter.contains($0) }.count < 100)
    }

    @Test func anEmptySingleBitFilterHoldsNothing() {
        let filter = SingleBitFilter(expected: 0)
        #expect(Self.hashes(1_000, seed: 0xE0).allSatisfy { !filter.contains($0) })
    }

    @Test func theWindowGivesTheSixNewestWordsPushedNewestFirst() {
        var window = GramWindow()
        defer { window.free() }
        for n in 1 ... 20 {
            window.push(UInt64(n) &* 0x9E37_79B9, start: 10 * n)
            #expect(window.count == n)
            for back in 0 ..< min(n, 6) {
                #expect(window.hash(back: back) == UInt64(n - back) &* 0x9E37_79B9)
                #expect(window.start(back: back) == 10 * (n - back))
            }
        }
    }

    @Test func theWordTestOfAScalarValueAgreesWithTheUnicodePropertiesForEveryScalar() {
        var mismatches: [UInt32] = []
        for value in UInt32(0x80) ... 0x10FFFF {
            guard let s = Unicode.Scalar(value) else { continue }
            if LeakWords.isWordValue(value) != LeakWords.isWordScalar(s) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func latin1LettersAreWordCharactersAndItsPunctuationAndGeneralPunctuationSeparate() {
        for c in "ªµºÀÉßéÿ²¼".unicodeScalars { #expect(LeakWords.isWordValue(c.value), "\(c)") }
        for c in "¶§«»×÷\u{A0}’“”–—…".unicodeScalars { #expect(!LeakWords.isWordValue(c.value), "\(c)") }
    }
}
