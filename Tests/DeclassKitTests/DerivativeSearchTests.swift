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
