import Testing
@testable import DeclassKit

/// The byte appends the release text and its stamp are written with, against the strings they stand for.
@Suite struct ByteAppendTests {
    @Test func decimalDigitsAreThoseOfStringOfTheNumber() {
        for n in [0, 1, 9, 10, 99, 100, 2026, 9999, 10_000, 123_456_789, Int.max, -1, -2026, Int.min] {
            var b: [UInt8] = [0x41]
            b.appendDecimal(n)
            #expect(b == [0x41] + Array(String(n).utf8), "\(n)")
        }
    }

    @Test func stringsAndLiteralsAreAppendedAsTheirUTF8Bytes() {
        var b: [UInt8] = []
        for s in ["", "B6", "1.4(B), 1.4(D)", "Zürich “quoted” text that is longer than fifteen bytes", "é"] {
            b.appendUTF8(s)
        }
        b.appendLiteral("…) AS OF: ")
        #expect(b == Array(("B61.4(B), 1.4(D)Zürich “quoted” text that is longer than fifteen bytesé" + "…) AS OF: ").utf8))
    }

    @Test func aPrefixOfSixteenIsThatOfStringPrefixForAnyText() {
        let texts = [
            "02da05d0df04a996e1b3c3f7a8f0d2c19b7e0b5c5b1f7c2a", "short", "", "0123456789abcdef",
            "0123456789abcde\r\nrest", "0123456789abcdee\u{301}f", "0123456789abcdef\u{301}", "àbcdefghijklmnopq",
            "0123456789abcd\r\n", "0123456789abcdef\r\n", "🇺🇸🇺🇸🇺🇸🇺🇸🇺🇸🇺🇸🇺🇸🇺🇸🇺🇸",
        ]
        for t in texts {
            var b: [UInt8] = []
            ReleaseStamp.appendPrefix16(t, to: &b)
            #expect(b == Array(String(t.prefix(16)).utf8), "\(t.debugDescription)")
        }
    }
}
