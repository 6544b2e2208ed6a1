import Testing
@testable import DeclassKit
import DeclassTestSupport

/// The leak checker's 64-byte word reader (`SixtyFourByteWords`, which `LeakWords.forEach` reads all but
/// the last 80 bytes of a text with) against the byte-at-a-time reader, on random texts long enough for
/// many blocks: words of every length across block boundaries, runs holding bytes >= 0x80, early stops.
@Suite struct LeakWordBlockTests {
    /// The words (hash, start, end) `LeakWords.forEach` gives for `bytes`.
    static func blockWords(_ bytes: [UInt8]) -> [[UInt64]] {
        var out: [[UInt64]] = []
        bytes.withUnsafeBufferPointer { b in
            LeakWords.forEach(b) { h, s, e in out.append([h, UInt64(s), UInt64(e)]); return true }
        }
        return out
    }

    /// The words (hash, start, end) read one byte at a time.
    static func referenceWords(_ bytes: [UInt8]) -> [[UInt64]] {
        var out: [[UInt64]] = []
        bytes.withUnsafeBufferPointer { b in
            _ = LeakWords.scalarWords(b, from: 0, until: Int.max) { h, s, e in out.append([h, UInt64(s), UInt64(e)]); return true }
        }
        return out
    }

    /// A random text of about `length` bytes made of `pieces`.
    static func text(_ g: inout SplitMix64, _ pieces: [[UInt8]], _ length: Int) -> [UInt8] {
        var t: [UInt8] = []
        while t.count < length { t += pieces[Int(g.next() % UInt64(pieces.count))] }
        return Array(t.prefix(length))
    }

    @Test func asciiWordsOfEveryLengthUpTo40MatchTheByteAtATimeReader() {
        var g = SplitMix64(seed: 0x64B1_0C4E_0000_0001)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
        let separators: [[UInt8]] = [" ", "  ", ".", ", ", "\n", "\r\n", "(", ")", "-", "\t", "/"].map { Array($0.utf8) }
        var words = 0
        for round in 0 ..< 400 {
            var t: [UInt8] = []
            while t.count < 80 + round * 3 {
                let length = 1 + Int(g.next() % 40)
                t += (0 ..< length).map { _ in letters[Int(g.next() % UInt64(letters.count))] }
                t += separators[Int(g.next() % UInt64(separators.count))]
            }
            let found = Self.blockWords(t)
            #expect(found == Self.referenceWords(t), "round \(round): \(t)")
            words += found.count
        }
        #expect(words > 10_000)
    }

    @Test func runsHoldingNonASCIIBytesMatchTheByteAtATimeReader() {
        var g = SplitMix64(seed: 0x64B1_0C4E_0000_0002)
        let pieces: [[UInt8]] = ["SECRET", "ambassador", "internationalization", "x", "1.4(B)", " ", " ", " ", ".", "\n",
                                 "ÉCOLE", "Straße", "Москва", "’", "¶", "“", "\u{00A0}", "x\u{0301}", "日本", "word’s"]
            .map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0x80, 0x41]]
        for length in [80, 81, 127, 128, 129, 143, 144, 145, 200, 500, 2_000] {
            for round in 0 ..< 60 {
                let t = Self.text(&g, pieces, length)
                #expect(Self.blockWords(t) == Self.referenceWords(t), "length \(length) round \(round): \(t)")
            }
        }
    }

    @Test func mostlyASCIITextWithARareHighByteMatchesTheByteAtATimeReader() {
        // One high byte now and then, so that blocks without one follow runs holding one that go on past a block.
        var g = SplitMix64(seed: 0x64B1_0C4E_0000_0003)
        let pieces: [[UInt8]] = ["the", "embassy", "counterintelligence", "a", " ", " ", " ", ", ", "\n",
                                 "ab", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"].map { Array($0.utf8) }
        for round in 0 ..< 300 {
            var t = Self.text(&g, pieces, 100 + round * 5)
            for _ in 0 ..< 1 + round % 3 {
                let at = Int(g.next() % UInt64(t.count))
                t.replaceSubrange(at ..< at, with: round % 2 == 0 ? Array("é".utf8) : [0xFF])
            }
            #expect(Self.blockWords(t) == Self.referenceWords(t), "round \(round): \(t)")
        }
    }

    @Test func theBranchFreeHashIsTheSixteenByteReadersHashForEveryLength() {
        var g = SplitMix64(seed: 0x64B1_0C4E_0000_0004)
        let bytes = (0 ..< 4_096).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        bytes.withUnsafeBufferPointer { b in
            for length in 1 ... 40 {
                for _ in 0 ..< 50 {
                    let start = Int(g.next() % UInt64(b.count - 56))
                    #expect(SixtyFourByteWords.hash(b, start, start + length) == SixteenByteWords.hash(b, start, start + length),
                            "length \(length) at \(start)")
                }
            }
        }
    }

    @Test func theBlockReaderStopsAtTheWordTheBodySaysSo() {
        var g = SplitMix64(seed: 0x64B1_0C4E_0000_0005)
        let pieces: [[UInt8]] = ["one", "two", "three", "Straße", "’", " ", " ", ".", "internationalization"].map { Array($0.utf8) }
        let t = Self.text(&g, pieces, 1_200)
        let all = Self.referenceWords(t)
        #expect(all.count > 50)
        for limit in 1 ... all.count {
            var seen: [[UInt64]] = []
            t.withUnsafeBufferPointer { b in
                LeakWords.forEach(b) { h, s, e in
                    seen.append([h, UInt64(s), UInt64(e)])
                    return seen.count < limit
                }
            }
            #expect(seen == Array(all.prefix(limit)), "limit \(limit)")
        }
    }
}
