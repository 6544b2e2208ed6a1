import Testing
@testable import DeclassKit
import DeclassTestSupport

/// Readers that answer from a table or a word instead of building strings or walking a byte at a time: each
/// agrees with the reading it replaces.
@Suite("Table and word readings")
struct ByteSpelledTests {
    @Test func writtenNumberIsTheTokensString() {
        var tokens = (0..<1000).map { String($0) } + ["00", "05", "007", "¶4", "¶ 12", "[1](#)2", "1a", "a1", "", "99", "100"]
        tokens += (0..<10).map { "0\($0)" }
        tokens += tokens.map { "¶" + $0 } + ["¶", "¶¶1", "¶ 1", "¶a"]
        for token in tokens {
            let bytes = Array(token.utf8)
            bytes.withUnsafeBufferPointer { b in
                let t = ByteText(b)
                #expect(CableLayout.writtenNumber(t, 0..<bytes.count) == t.string(0, bytes.count), "\(token)")
            }
        }
    }

    @Test func commonMarkIsTheListedMark() {
        let texts = ["C", "U", "S", "SBU", "TS", "S//NF", "C//NF", "S/NF", "C/NF", "SBU/NF", "c", "s", "T", "TS/NF", "SBU/N", "S//NX", "C/NX",
                     "SBUNF", "SB", "S/N", "", "CONFIDENTIAL", "S//NF ", " C", "U//FOUO", "C/REL"]
        var found = 0
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                let t = ByteText(b)
                let fast = MarkingReader.common(t, 0, bytes.count), listed = MarkingReader.commonByList(t, 0, bytes.count)
                #expect(fast == listed, "\(text)")
                if fast != nil { found += 1 }
            }
        }
        #expect(found == 10)
    }

    @Test func upperTokensByWordsAgreesWithTheByteTest() {
        // Every byte value, at every place of a word, in lines of letters, digits and spaces.
        var rng = SplitMix64(seed: 0x70CE_45A1)
        let plain = Array("ABCXYZabcxyz0189 ".utf8)
        var checked = 0, accepted = 0
        for round in 0..<6000 {
            var bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in plain[Int.random(in: 0..<plain.count, using: &rng)] }
            if round % 3 != 0, !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8(round % 256) }
            bytes.withUnsafeBufferPointer { b in
                let t = ByteText(b)
                for from in 0...min(3, bytes.count) {
                    let fast = t.isUpperTokens(from, bytes.count), slow = t.isUpperTokensByBytes(from, bytes.count)
                    #expect(fast == slow, "\(bytes) from \(from)")
                    checked += 1
                    if fast { accepted += 1 }
                }
            }
        }
        #expect(checked > 20_000 && accepted > 4_000)
    }

    @Test func spelledAuthorityMarkersAgreeWithTheList() {
        let pieces = [" FOR REASON", ", REASON", ". REASON", "; REASON", ": REASON", " REASON", " FOR 1.", " 1.4", " 1.5", ", 1.4", ": 1.4",
                      ", 1.5", ": 1.5", " FOR", " REASONS", "REASON", "1.4", " 1.", ",", ":", ".", ";", " ", "AMBASSADOR", "B", "(D)", " 1.6", ",1.4"]
        var found = 0
        for text in randomTexts(pieces, seed: 0xA17B_0E55, count: 4000, maxPieces: 8) {
            let upper = Array(text.utf8)
            let fast = AuthorityReader.firstMarker(in: upper), listed = AuthorityReader.firstMarkerByList(in: upper)
            #expect(fast == listed, "\(text)")
            if fast != nil { found += 1 }
        }
        #expect(found > 2000)
    }
}
