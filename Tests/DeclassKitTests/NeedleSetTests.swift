@testable import DeclassKit
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
}
