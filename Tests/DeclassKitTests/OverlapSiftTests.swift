@testable import DeclassKit
import Testing

/// `OverlapSift`: which released units may repeat six withheld words, told from a sift of their bytes.
@Suite struct OverlapSiftTests {
    /// `text` as `CableText` holds a unit's words: followed by a line break and zero padding.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) + [0x0A] + [UInt8](repeating: 0, count: CableText.padding) }

    /// The sift made from one withheld unit's `text`, with the unit's runs of six words (nil for fewer
    /// than six words).
    static func sift(_ text: String) -> (sift: OverlapSift, runs: ShingleTable)? {
        let b = bytes(text)
        let values = UnsafeMutablePointer<UInt64>.allocate(capacity: b.count)
        let firsts = UnsafeMutablePointer<UInt8>.allocate(capacity: b.count)
        defer { values.deallocate(); firsts.deallocate() }
        return b.withUnsafeBufferPointer { p in
            let n = WordValues.write(p, 0..<(b.count - CableText.padding - 1), to: values)
            #expect(WordValues.writeFirsts(p, 0..<(b.count - CableText.padding - 1), to: firsts) == n)
            // A withheld unit of fewer than six words holds no run (the finder reads none such).
            guard n >= OverlapFinder.shingle else { return nil }
            var runs = ShingleTable(capacity: n)
            OverlapFinder.forEachShingle(UnsafeBufferPointer(start: values, count: n)) { runs.insert($0, owner: 0) }
            return OverlapSift(values: values, firsts: firsts, units: [0..<n], shingle: OverlapFinder.shingle).map { ($0, runs) }
        }
    }

    /// Whether `sift` lets released unit `text` through, the unit at `offset` in its buffer (after that
    /// many bytes of an earlier unit and its line break).
    static func mayRepeat(_ sift: (sift: OverlapSift, runs: ShingleTable), _ text: String, offset: Int = 0) -> Bool {
        let earlier = offset == 0 ? [] : [UInt8](repeating: 0x41, count: offset - 1) + [0x0A]
        let b = earlier + bytes(text)
        return b.withUnsafeBufferPointer { sift.sift.mayRepeat($0, offset..<(b.count - CableText.padding - 1), runs: sift.runs) }
    }

    /// The words of `text` as the overlap finder reads them (`OverlapReferenceTests.words`).
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var word: [UInt8] = []
        for c in Array(text.utf8) + [0x20] {
            if WordValues.isWordByte(c) {
                word.append(ByteText.upper(c))
            } else if !word.isEmpty {
                out.append(String(decoding: word, as: UTF8.self))
                word.removeAll()
            }
        }
        return out
    }

    /// Whether `released` repeats six consecutive words of `withheld`, word by word.
    static func repeatsSix(_ released: String, _ withheld: String) -> Bool {
        let w = words(withheld), r = words(released)
        guard w.count >= 6, r.count >= 6 else { return false }
        let runs = Set((0...(w.count - 6)).map { Array(w[$0..<($0 + 6)]) })
        return (0...(r.count - 6)).contains { runs.contains(Array(r[$0..<($0 + 6)])) }
    }

    static let routing = "VZCZCXRO0306 PP RUEHAG DE RUEHFR #0306/01 0291234 ZNR UUUUU ZZH P 291234Z JAN 07"

    @Test func aReleasedUnitRepeatingSixWithheldWordsIsLetThrough() throws {
        let sift = try #require(Self.sift(Self.routing))
        #expect(Self.mayRepeat(sift, "as sent: de ruehfr 0306 01 0291234 znr uuuuu, then nothing"))
    }

    @Test func aReleasedUnitHoldingNoWithheldWordIsSkipped() throws {
        let sift = try #require(Self.sift(Self.routing))
        #expect(!Self.mayRepeat(sift, "The minister met the ambassador on Tuesday to discuss the ruling party's plans."))
    }

    @Test func aWithheldWordInsideALongerReleasedWordDoesNotCount() throws {
        let sift = try #require(Self.sift(Self.routing))
        #expect(!Self.mayRepeat(sift, "XZNR XUUUUU X0291234 XRUEHFR XPP XDE XJAN X07 XP"))
    }

    @Test func aReleasedUnitHoldingWithheldWordsButNoRunOfSixIsSkipped() throws {
        let sift = try #require(Self.sift(Self.routing))
        #expect(!Self.mayRepeat(sift, "de ruehfr 0306 01 0291234 then znr uuuuu zzh p 291234z, the same words in other runs"))
    }

    @Test func aRunAtTheStartOrTheEndOfAUnitIsFound() throws {
        let sift = try #require(Self.sift(Self.routing))
        #expect(Self.mayRepeat(sift, "VZCZCXRO0306 PP RUEHAG DE RUEHFR #0306 and more"))
        #expect(Self.mayRepeat(sift, "and at the end ZNR UUUUU ZZH P 291234Z JAN"))
        #expect(Self.mayRepeat(sift, "and at the end ZNR UUUUU ZZH P 291234Z JAN", offset: 21))
    }

    /// On random texts of words from a few (either case, digits, bytes >= 0x80, punctuation), sifted
    /// from the buffer's start and from further in, the sift lets a unit through exactly when it repeats
    /// six consecutive withheld words (hash collisions aside, which these texts do not meet).
    @Test func theSiftAgreesWithAWordByWordSearchOnRandomTexts() {
        let pieces = ["AB ", "ab ", "Cd ", "x7 ", "12 ", "déjà ", "ZZ, ", "q ", "(ab) ", "AB-", "é ", "ab\n"]
        let texts = randomTexts(pieces, seed: 0x51F7, count: 600, maxPieces: 14)
        var sifts = 0, repeats = 0
        for (i, withheld) in texts.enumerated() where i % 20 == 0 {
            guard let sift = Self.sift(withheld) else { continue }
            sifts += 1
            for released in texts {
                let expected = Self.repeatsSix(released, withheld)
                repeats += expected ? 1 : 0
                #expect(Self.mayRepeat(sift, released) == expected, "\(released.debugDescription) / \(withheld.debugDescription)")
                #expect(Self.mayRepeat(sift, released, offset: 9) == expected, "\(released.debugDescription) / \(withheld.debugDescription)")
            }
        }
        #expect(sifts > 10)
        #expect(repeats > 20)
    }

    /// At every word start of random texts, and every byte inside a word, `repeats` (the streak of
    /// withheld words around it) agrees with reading the runs of the eleven words around it
    /// (`repeatsAround`) wherever the word is a withheld one, and is false elsewhere.
    @Test func theStreakOfWithheldWordsAgreesWithReadingTheElevenWordsAround() {
        let pieces = ["AB ", "ab ", "Cd ", "x7 ", "12 ", "déjà ", "ZZ, ", "q ", "(ab) ", "AB-", "é ", "ab\n", "7q "]
        let texts = randomTexts(pieces, seed: 0x57EA, count: 300, maxPieces: 16)
        var agreed = 0, found = 0
        for (i, withheld) in texts.enumerated() where i % 15 == 0 {
            guard let sift = Self.sift(withheld) else { continue }
            let w = Set(Self.words(withheld))
            for released in texts {
                let b = Self.bytes(released)
                let range = 0..<(b.count - CableText.padding - 1)
                b.withUnsafeBufferPointer { p in
                    for q in range where WordValues.isWordByte(p[q]) {
                        let streak = sift.sift.repeats(p, q, range, sift.runs)
                        guard q == 0 || !WordValues.isWordByte(p[q - 1]) else {
                            #expect(!streak, "inside a word: \(released.debugDescription) at \(q)")
                            continue
                        }
                        let word = Self.words(String(decoding: p[q..<range.upperBound], as: UTF8.self))[0]
                        guard w.contains(word) else {
                            #expect(!streak, "not withheld: \(released.debugDescription) at \(q)")
                            continue
                        }
                        let around = OverlapSift.repeatsAround(p, q, range, sift.runs)
                        #expect(streak == around, "\(released.debugDescription) at \(q) / \(withheld.debugDescription)")
                        agreed += 1
                        found += around ? 1 : 0
                    }
                }
            }
        }
        #expect(agreed > 1000)
        #expect(found > 20)
    }

    @Test func withheldTextNeedingManyKindsOfFirstBytesMakesNoSift() {
        // Five runs of six words, each run's words starting with a letter of its own: five kinds.
        let runs = ["a", "b", "c", "d", "e"].map { l in (1...6).map { "\(l)\($0)x" }.joined(separator: " ") }
        #expect(Self.sift(runs.joined(separator: " ")) == nil)
    }
}

/// `WordValues.value`: the value of one word, as `write` gives it.
@Suite struct WordValueAtTests {
    @Test func aWordsValueIsWhatWriteGivesItShortOrLong() {
        let b = OverlapSiftTests.bytes("ab Extraordinarily, (c) déclassification 12345678 x")
        let values = UnsafeMutablePointer<UInt64>.allocate(capacity: b.count)
        defer { values.deallocate() }
        b.withUnsafeBufferPointer { p in
            let n = WordValues.write(p, 0..<(b.count - CableText.padding - 1), to: values)
            var starts: [Int] = []
            for i in 0..<(b.count - CableText.padding - 1) where WordValues.isWordByte(p[i]) && (i == 0 || !WordValues.isWordByte(p[i - 1])) {
                starts.append(i)
            }
            #expect(starts.count == n)
            #expect(starts.indices.allSatisfy { WordValues.value(UnsafeRawPointer(p.baseAddress!), starts[$0]) == values[$0] })
        }
    }
}
