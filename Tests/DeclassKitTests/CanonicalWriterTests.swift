import Testing
@testable import DeclassKit
import DeclassTestSupport

/// `CanonicalJSON.Writer.string`, which tests and copies eight bytes at a time (the last few with the eight
/// that end the string), against `CanonicalJSON`'s byte-by-byte escaping.
@Suite struct CanonicalWriterTests {
    /// Random strings of every length up to 40 mixing plain ASCII, bytes JSON must escape, and non-ASCII.
    static let strings: [String] = {
        var g = SplitMix64(seed: 0xC0FF_EE15)
        let pieces = ["a", "Z", "9", " ", "/", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}", "é", "¶", "—"]
        var out: [String] = []
        for length in 0 ... 40 {
            for _ in 0 ..< 25 {
                var s = ""
                while s.utf8.count < length { s += pieces[Int(g.next() % UInt64(pieces.count))] }
                out.append(s)
            }
        }
        return out
    }()

    /// Strings of 0 to 16 bytes needing no escape, and the same with one byte to escape at each place: the
    /// writer's whole-string copies (the overlapping fours and eights) against the byte-by-byte reference.
    static let shortStrings: [String] = {
        var out: [String] = []
        for length in 0 ... 16 {
            let plain = String((0 ..< length).map { Character(Unicode.Scalar(UInt8(0x61 + $0 % 26))) })
            out.append(plain)
            for at in 0 ..< length {
                for bad in ["\"", "\\", "\n", "\u{01}", "\u{1F}"] {
                    var chars = Array(plain)
                    chars[at] = Character(bad)
                    out.append(String(chars))
                }
            }
        }
        return out
    }()

    @Test func theWriterWritesShortStringsAsCanonicalJSONDoes() {
        for s in Self.shortStrings {
            let written = CanonicalJSON.Writer.bytes(capacity: CanonicalJSON.Writer.bound(s.utf8.count)) { $0.string(s) }
            #expect(written == CanonicalJSON.string(s).bytes, "\(s.debugDescription)")
        }
    }

    @Test func theWriterEscapesEveryStringAsCanonicalJSONDoes() {
        for s in Self.strings {
            let written = CanonicalJSON.Writer.bytes(capacity: CanonicalJSON.Writer.bound(s.utf8.count)) { $0.string(s) }
            #expect(written == CanonicalJSON.string(s).bytes, "\(s.debugDescription)")
        }
    }
}
