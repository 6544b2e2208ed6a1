import Testing
@testable import DeclassKit

/// `Character.isASCIIDigit`, read from the character's bytes, against `asciiValue`: on every scalar of the
/// first planes' start, digits with combining marks, CR LF and other clusters.
@Suite("ASCII digit characters")
struct ASCIIDigitTests {
    func reference(_ c: Character) -> Bool { c.asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }

    @Test func agreesOnScalarsAndClusters() {
        var characters: [Character] = (0..<0x3000).compactMap { Unicode.Scalar($0).map(Character.init) }
        characters += ["1\u{301}", "9\u{308}", "\r\n", "0\u{FE0F}\u{20E3}", "\u{FF11}", "\u{0661}", "\u{1F1FA}\u{1F1F8}", "5\u{200D}"]
        for c in characters { #expect(c.isASCIIDigit == reference(c), "\(String(c).debugDescription)") }
        #expect(Character("7").isASCIIDigit && !Character("7\u{301}").isASCIIDigit)
    }
}
