import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// The readers that work eight or sixteen bytes at a time (`UnitText`'s and `Cable.words`' verbatim copy,
/// the leak checker's `SixteenByteWords`) against byte-at-a-time references, on the corpus, the seeds
/// and random texts (ASCII prose, white space runs, punctuation, non-ASCII letters and invalid UTF-8).
@Suite struct ChunkedTextTests {
    /// Every corpus, seed and sample cable, parsed.
    static let cables: [Cable] = {
        var urls = (try? Fixtures.corpusFiles()) ?? []
        urls += (try? Fixtures.textFiles(in: Fixtures.url("seeds"))) ?? []
        urls += (try? Fixtures.textFiles(in: Fixtures.samples)) ?? []
        return urls.compactMap { url in
            guard let data = try? Data(contentsOf: url) else { return nil }
            return try? CableParser.parse([UInt8](data), name: url.lastPathComponent)
        }
    }()

    /// Random texts mixing the bytes the readers treat differently, at every length up to 70 and a few long ones.
    static let texts: [[UInt8]] = {
        var g = SplitMix64(seed: 0x0C4A_B5ED_7E27_0001)
        let pieces: [[UInt8]] = ["SECRET", "ambassador", "Zhigalov", "1.4(B)", "49", "a", " ", "  ", "\n", "\r\n", "\t",
                                 ".", ",", "--", "(C)", "ÉCOLE", "Straße", "Москва", "\u{00A0}", "x\u{0301}", "日本"]
            .map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0x80, 0x41], [0x7F], [0x00]]
        var out: [[UInt8]] = []
        for length in 0..<70 {
            for _ in 0..<6 {
                var t: [UInt8] = []
                while t.count < length { t += pieces[Int(g.next() % UInt64(pieces.count))] }
                out.append(Array(t.prefix(length)))
            }
        }
        for _ in 0..<20 {
            var t: [UInt8] = []
            while t.count < 2000 { t += pieces[Int(g.next() % UInt64(pieces.count))] }
            out.append(t)
        }
        return out
    }()

    /// The leak checker's words read one byte at a time (the reader `LeakWords.forEach` falls back on).
    static func scalarLeakWords(_ bytes: [UInt8]) -> [[UInt64]] {
        var out: [[UInt64]] = []
        bytes.withUnsafeBufferPointer { b in
            _ = LeakWords.scalarWords(b, from: 0, until: Int.max) { h, s, e in out.append([h, UInt64(s), UInt64(e)]); return true }
        }
        return out
    }

    static func leakWords(_ bytes: [UInt8]) -> [[UInt64]] {
        var out: [[UInt64]] = []
        bytes.withUnsafeBufferPointer { b in
            LeakWords.forEach(b) { h, s, e in out.append([h, UInt64(s), UInt64(e)]); return true }
        }
        return out
    }

    /// A unit's words and the source offset of each byte, folded one byte at a time.
    static func referenceText(_ cable: Cable, _ unit: CableUnit, excluding: [Range<Int>] = []) -> (bytes: [UInt8], sources: [Int]) {
        var bytes: [UInt8] = [], sources: [Int] = []
        let cuts = unit.interruptions.map(\.range) + excluding
        var pending = -1
        for i in unit.contentRange {
            if cuts.contains(where: { $0.contains(i) }) {
                if !bytes.isEmpty, pending < 0 { pending = i }
                continue
            }
            let c = cable.source[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                if !bytes.isEmpty, pending < 0 { pending = i }
                continue
            }
            if pending >= 0 {
                bytes.append(0x20)
                sources.append(i - 1)
                pending = -1
            }
            bytes.append(c)
            sources.append(i)
        }
        return (bytes, sources)
    }

    @Test func leakWordsMatchTheByteAtATimeReaderOnRandomTexts() {
        for (k, t) in Self.texts.enumerated() {
            #expect(Self.leakWords(t) == Self.scalarLeakWords(t), "text \(k): \(t)")
        }
    }

    @Test func leakWordsMatchTheByteAtATimeReaderOnLongWordsAcrossSixteenByteBlocks() {
        var g = SplitMix64(seed: 0x0C4A_B5ED_7E27_0003)
        let pieces: [[UInt8]] = ["internationalization", "COUNTERINTELLIGENCEOPERATIONS", "Ab", "x", "1234567", "12345678",
                                 "abcdefghijklmnop", " ", ".", "\n", "¶", "’", "Straße"].map { Array($0.utf8) }
        for length in [15, 16, 17, 31, 32, 33, 47, 48, 49, 64, 100, 500, 1000] {
            for _ in 0..<40 {
                var t: [UInt8] = []
                while t.count < length { t += pieces[Int(g.next() % UInt64(pieces.count))] }
                t = Array(t.prefix(length))
                #expect(Self.leakWords(t) == Self.scalarLeakWords(t), "\(t)")
            }
        }
    }

    @Test func sixteenByteWordBitsAreTheLettersAndDigitsOrNilForAByteAbove0x7F() {
        var g = SplitMix64(seed: 0x0C4A_B5ED_7E27_0004)
        for round in 0..<20_000 {
            // Mostly ASCII, so that most rounds have bits to compare; every byte value turns up.
            let bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: round % 4 == 0 ? g.next() : g.next() % 128) }
            let v = bytes.withUnsafeBufferPointer { SixteenByteWords.load16($0, 0) }
            let expected: UInt64? = bytes.contains { $0 >= 0x80 } ? nil
                : bytes.enumerated().reduce(0) { bits, b in
                    let c = b.element
                    let word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                    return bits | (word ? 1 << UInt64(b.offset) : 0)
                }
            #expect(SixteenByteWords.wordBits(v) == expected, "\(bytes)")
        }
    }

    @Test func leakWordsMatchTheByteAtATimeReaderOnEveryCable() {
        for cable in Self.cables {
            #expect(Self.leakWords(cable.source) == Self.scalarLeakWords(cable.source), "\(cable.name)")
        }
        #expect(Self.cables.count > 60)
    }

    @Test func leakWordsStopWhenTheBodySaysSo() {
        let text = Array("one two three four five six seven eight nine ten eleven twelve".utf8)
        for limit in 1...12 {
            var seen = 0
            text.withUnsafeBufferPointer { b in
                LeakWords.forEach(b) { _, _, _ in
                    seen += 1
                    return seen < limit
                }
            }
            #expect(seen == limit)
        }
    }

    @Test func cableTextsMatchTheByteAtATimeFoldOnEveryCable() {
        var units = 0
        for cable in Self.cables {
            let text = CableText(cable, including: { _ in true })
            for (k, unit) in cable.units.enumerated() {
                let words = text.words(of: k)
                let bytes = Array(text.bytes[words])
                let reference = Self.referenceText(cable, unit)
                #expect(bytes == reference.bytes, "\(cable.name) \(unit.label)")
                guard bytes == reference.bytes else { continue }
                #expect(text.bytes[words.upperBound] == 0x0A, "\(cable.name) \(unit.label): a line break ends the unit")
                for i in bytes.indices where text.sourceRange((words.lowerBound + i)..<(words.lowerBound + i + 1)) != reference.sources[i]..<(reference.sources[i] + 1) {
                    Issue.record("\(cable.name) \(unit.label): byte \(i) maps to \(text.sourceRange((words.lowerBound + i)..<(words.lowerBound + i + 1))), not \(reference.sources[i])")
                    break
                }
                units += 1
            }
        }
        #expect(units > 1000)
    }

    @Test func unitWordsMatchTheByteAtATimeFoldOnEveryCableWithAndWithoutExcludedRanges() {
        var g = SplitMix64(seed: 0x0C4A_B5ED_7E27_0002)
        for cable in Self.cables {
            for unit in cable.units {
                #expect(Array(cable.words(of: unit).utf8) == Self.referenceText(cable, unit).bytes, "\(cable.name) \(unit.label)")
                let r = unit.contentRange
                guard r.count > 2 else { continue }
                var cuts: [Range<Int>] = []
                for _ in 0..<Int(g.next() % 4) {
                    let a = r.lowerBound + Int(g.next() % UInt64(r.count))
                    cuts.append(a..<min(r.upperBound, a + 1 + Int(g.next() % 12)))
                }
                // A cut may split a UTF-8 sequence: both sides repair it the same way.
                #expect(cable.words(of: unit, excluding: cuts) == String(decoding: Self.referenceText(cable, unit, excluding: cuts).bytes, as: UTF8.self),
                        "\(cable.name) \(unit.label) \(cuts)")
            }
        }
    }

    /// The leak checker's words (hashes only) of `b`'s bytes in `ranges`, each range read on its own.
    static func leakWordHashes(_ b: [UInt8], _ ranges: [Range<Int>]) -> [UInt64] {
        var out: [UInt64] = []
        b.withUnsafeBufferPointer { b in
            for r in ranges { LeakWords.forEach(UnsafeBufferPointer(rebasing: b[r])) { h, _, _ in out.append(h); return true } }
        }
        return out
    }

    @Test func unitWordRangesHoldTheUnitsWordsOnEveryCableWithAndWithoutExcludedRanges() {
        var g = SplitMix64(seed: 0x0C4A_B5ED_7E27_0005)
        var cut = 0
        for cable in Self.cables {
            for unit in cable.units {
                var ranges: [Range<Int>] = []
                cable.appendWordRanges(of: unit, excluding: [], to: &ranges)
                #expect(Self.leakWordHashes(cable.source, ranges) == Self.leakWordHashes(Array(cable.words(of: unit).utf8), [0 ..< cable.words(of: unit).utf8.count]),
                        "\(cable.name) \(unit.label)")
                let r = unit.contentRange
                guard r.count > 2 else { continue }
                // Cuts between ASCII bytes (a cut splitting a UTF-8 sequence is repaired in the copy, not in place).
                var cuts: [Range<Int>] = []
                for _ in 0..<Int(g.next() % 4) {
                    let a = r.lowerBound + Int(g.next() % UInt64(r.count))
                    let b = min(r.upperBound, a + 1 + Int(g.next() % 12))
                    guard cable.source[a] < 0x80, a == 0 || cable.source[a - 1] < 0x80,
                          b == cable.source.count || cable.source[b] < 0x80, cable.source[b - 1] < 0x80 else { continue }
                    cuts.append(a..<b)
                }
                cut += cuts.count
                ranges = []
                cable.appendWordRanges(of: unit, excluding: cuts, to: &ranges)
                let words = Array(cable.words(of: unit, excluding: cuts).utf8)
                #expect(Self.leakWordHashes(cable.source, ranges) == Self.leakWordHashes(words, [0 ..< words.count]), "\(cable.name) \(unit.label) \(cuts)")
                #expect(ranges.allSatisfy { r in !r.isEmpty && cuts.allSatisfy { !$0.overlaps(r) } && unit.interruptions.allSatisfy { !$0.range.overlaps(r) } })
            }
        }
        #expect(cut > 1_000)
    }

    @Test func verbatimChunksAreExactlyThoseTheFoldLeavesAlone() {
        // Every byte pattern of spaces, letters, a tab and a high byte at eight places.
        let alphabet: [UInt8] = [0x41, 0x20, 0x09, 0xC3]
        for code in 0..<(1 << 16) {
            let chunk = (0..<8).map { alphabet[(code >> (2 * $0)) & 3] }
            let x = chunk.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let plain = !chunk.contains(0x09) && chunk.last != 0x20 && !zip(chunk, chunk.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
            #expect(VerbatimChunk.isVerbatim(x) == plain, "\(chunk)")
        }
    }
}
