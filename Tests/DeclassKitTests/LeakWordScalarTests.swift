@testable import DeclassKit
import Testing

/// `LeakWords.isWord`: the tables of word scalars agree with the Unicode properties they were made from.
@Suite struct LeakWordScalarTests {
    @Test func theTabledScalarsAreWordScalarsExactlyWhenThePropertiesSaySo() {
        var words = 0, others = 0
        for v in UInt32(0)..<0x3000 {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(LeakWords.isWord(s) == LeakWords.isWordScalar(s), "U+\(String(v, radix: 16))")
            if LeakWords.isWord(s) { words += 1 } else { others += 1 }
        }
        #expect(words > 1000 && others > 100)
    }

    @Test func curlyQuotesAndThePilcrowSeparateWordsAndAccentedLettersDoNot() {
        #expect(!LeakWords.isWord("\u{2019}"))
        #expect(!LeakWords.isWord("\u{201C}"))
        #expect(!LeakWords.isWord("¶"))
        #expect(!LeakWords.isWord("\u{2014}"))
        #expect(LeakWords.isWord("é"))
        #expect(LeakWords.isWord("ł"))
        #expect(LeakWords.isWord("²"))
    }
}
