import Testing
@testable import DeclassKit

/// `CableFields.firstRange(of:in:)`, found on the bytes of ASCII text, against `firstRange(of:)` over
/// characters: on random upper-cased text holding the words, with line breaks (CR LF among them) and non-ASCII
/// text (a combining accent after a letter of the words among it).
@Suite("DECLASSIFY ON search")
struct DerivativeSearchTests {
    @Test func agreesWithTheCharacterSearchOnRandomText() {
        let pieces = ["DECLASSIFY ON", "DECLASSIFY", " ON", "ON", "DECLASSIFY  ON", "SOURCE MARKED", ": ", "25X1-HUMAN", " ", "\n", "\r\n",
                      ",", "É", "N\u{301}", "x"]
        var found = 0
        for s in randomTexts(pieces, seed: 0xDEC1_A55, count: 6_000, maxPieces: 12) {
            let u = s.uppercasedFast()
            let fast = CableFields.firstRange(of: "DECLASSIFY ON", in: u)
            let reference = u.firstRange(of: "DECLASSIFY ON")
            #expect(fast == reference, "\(s.debugDescription)")
            if let fast, fast == reference { found += 1 }
        }
        #expect(found > 1_000)
    }

    @Test func findsTheFirstOfTwo() {
        let u = "DERIVED FROM: X DECLASSIFY ON: 25X1 DECLASSIFY ON: 2018"
        let r = CableFields.firstRange(of: "DECLASSIFY ON", in: u)
        #expect(r.map { u[$0.upperBound...] } == ": 25X1 DECLASSIFY ON: 2018")
    }
}

/// `CableFields.containsCI`, eight bytes a test, against the byte loop (`containsCIByBytes`): on random
/// text holding the words in either case, for every range of it that starts and ends within its first bytes.
@Suite("Caseless word search")
struct CaselessWordSearchTests {
    @Test func agreesWithTheByteLoopOnRandomText() {
        let pieces = ["DECLASSIFY ON", "declassify on", "Declassify", " ON", "ENTIRE TEXT", "entire text", "ENTIRE", " TEXT", "D", "d", "E", "e",
                      "$", "D\u{301}", "é", " ", "\n", "\r\n", "x", "0123456789"]
        var found = 0
        for s in randomTexts(pieces, seed: 0xC0A5_E1, count: 1_500, maxPieces: 12) {
            let bytes = Array(s.utf8)
            bytes.withUnsafeBufferPointer { b in
                let t = ByteText(b)
                for lo in 0...min(bytes.count, 9) {
                    for hi in stride(from: bytes.count, through: lo, by: -1).prefix(10) {
                        for word: StaticString in ["DECLASSIFY ON", "ENTIRE TEXT", "$X"] {
                            let fast = CableFields.containsCI(t, lo..<hi, word)
                            #expect(fast == CableFields.containsCIByBytes(t, lo..<hi, word), "\(s.debugDescription) \(lo)..<\(hi) \(word)")
                            if fast { found += 1 }
                        }
                    }
                }
            }
        }
        #expect(found > 1_000)
    }
}
