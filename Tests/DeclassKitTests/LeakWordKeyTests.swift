import Testing
@testable import DeclassKit
import DeclassTestSupport

/// The keys the leak checker's words' filter is probed with (`LeakWord.key`): every reader gives a word the
/// same key, equal words (case folded, as their hashes fold it) have equal keys, and a key is the word's
/// first eight folded bytes with its length.
@Suite struct LeakWordKeyTests {
    /// The words (key, unmixed hash, start, end) `LeakWords.forEachWord` gives for `bytes`.
    static func blockWords(_ bytes: [UInt8]) -> [[UInt64]] {
        var out: [[UInt64]] = []
        bytes.withUnsafeBufferPointer { b in
            LeakWords.forEachWord(b) { w in out.append([w.key, w.unmixed(b), UInt64(w.start), UInt64(w.end)]); return true }
        }
        return out
    }

    /// The words (key, unmixed hash, start, end) read one byte at a time.
    static func referenceWords(_ bytes: [UInt8]) -> [[UInt64]] {
        var out: [[UInt64]] = []
        bytes.withUnsafeBufferPointer { b in
            _ = LeakWords.scalarWords(b, from: 0, until: Int.max, end: b.count) { w in
                out.append([w.key, w.unmixed(b), UInt64(w.start), UInt64(w.end)])
                return true
            }
        }
        return out
    }

    /// `LeakWord.key` as defined: the first min(length, 8) folded bytes, the first the most significant,
    /// with the length in the top byte.
    static func definedKey(_ folded: [UInt8]) -> UInt64 {
        var c: UInt64 = 0
        for x in folded.prefix(8) { c = c << 8 | UInt64(x) }
        return c ^ UInt64(folded.count) << 56
    }

    @Test func everyReaderGivesTheSameKeysAndHashes() {
        var g = SplitMix64(seed: 0x4B45_5953_0000_0001)
        let pieces: [[UInt8]] = ["SECRET", "ambassador", "internationalization", "x", "1.4(B)", " ", " ", " ", ".", "\n",
                                 "ÉCOLE", "Straße", "Москва", "’", "¶", "\u{00A0}", "x\u{0301}", "word’s", "abcdefgh", "ABCDEFGHI",
                                 "abcdefghijklmno", "abcdefghijklmnop", "\u{212A}ELVIN"]
            .map { Array($0.utf8) } + [[0xFF], [0xC3]]
        var words = 0
        for length in [10, 79, 80, 81, 127, 128, 129, 200, 500, 2_000] {
            for round in 0 ..< 40 {
                var t: [UInt8] = []
                while t.count < length { t += pieces[Int(g.next() % UInt64(pieces.count))] }
                let found = Self.blockWords(t)
                #expect(found == Self.referenceWords(t), "length \(length) round \(round): \(t)")
                words += found.count
            }
        }
        #expect(words > 5_000)
    }

    @Test func equalWordsHaveEqualKeysWhateverTheirCaseOrReader() {
        // Each word in a long ASCII text (read in 64-byte blocks), in a short one (16 bytes at a time) and
        // next to a non-ASCII byte (byte by byte); the Kelvin sign folds to `k`.
        let forms = [["kelvin", "KELVIN", "\u{212A}elvin"], ["internationalization", "INTERNATIONALIZATION"],
                     ["abcdefgh", "ABCDEFGH"], ["ab12", "AB12"], ["ambassadors", "Ambassadors"]]
        let filler = String(repeating: "lorem ipsum ", count: 10)
        for words in forms {
            var keys: Set<UInt64> = []
            var hashes: Set<UInt64> = []
            for w in words {
                for text in [w, filler + w + " " + filler, "¶ " + w + " ¶"] {
                    for word in Self.blockWords(Array(text.utf8)) where Int(word[3] - word[2]) == w.utf8.count {
                        keys.insert(word[0])
                        hashes.insert(word[1])
                    }
                }
            }
            #expect(keys.count == 1, "\(words)")
            #expect(hashes.count == 1, "\(words)")
            #expect(keys.first == Self.definedKey(Array(words[0].lowercased().utf8)), "\(words)")
        }
    }

    @Test func aWordsKeyIsItsFirstEightFoldedBytesAndItsLength() {
        for w in ["a", "Ab", "z9", "Embassy", "EMBASSYX", "ambassador", "counterintelligence", "0123456789ABCDEFGHIJ"] {
            let bytes = Array(w.utf8)
            var key: UInt64 = 0
            bytes.withUnsafeBufferPointer { b in
                LeakWords.forEachWord(b) { word in
                    key = word.key
                    return false
                }
            }
            #expect(key == Self.definedKey(Array(w.lowercased().utf8)), "\(w)")
        }
    }
}
