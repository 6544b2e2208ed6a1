@testable import DeclassKit
import Testing

/// `OverlapSift`: which released units may repeat six withheld words, told from a sift of their bytes.
@Suite struct OverlapSiftTests {
    /// `text` as `CableText` holds a unit's words: followed by a line break and zero padding.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) + [0x0A] + [UInt8](repeating: 0, count: CableText.padding) }

    /// The sift made from one withheld unit's `text`.
    static func sift(_ text: String) -> OverlapSift? {
        let b = bytes(text)
        let values = UnsafeMutablePointer<UInt64>.allocate(capacity: b.count)
        let firsts = UnsafeMutablePointer<UInt8>.allocate(capacity: b.count)
        defer { values.deallocate(); firsts.deallocate() }
        return b.withUnsafeBufferPointer { p in
            let n = WordValues.write(p, 0..<(b.count - CableText.padding - 1), to: values)
            #expect(WordValues.writeFirsts(p, 0..<(b.count - CableText.padding - 1), to: firsts) == n)
            return OverlapSift(values: values, firsts: firsts, units: [0..<n], shingle: OverlapFinder.shingle)
        }
    }

    /// Whether `sift` lets released unit `text` through.
    static func mayRepeat(_ sift: OverlapSift, _ text: String) -> Bool {
        let b = bytes(text)
        return b.withUnsafeBufferPointer { sift.mayRepeat($0, 0..<(b.count - CableText.padding - 1)) }
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
