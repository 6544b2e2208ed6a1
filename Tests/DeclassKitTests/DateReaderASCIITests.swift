import Foundation
import Testing
@testable import DeclassKit

/// `DateReader.readNumericASCII`, the numeric dates of an ASCII E.O. line read on the bytes, against
/// `readNumeric` on the Substring, from every offset of edge cases and random date-like text.
@Suite("Date reader ASCII")
struct DateReaderASCIITests {
    /// Reads `s` both ways from each offset (with two pivots) and expects the same result; returns how many
    /// dates were read.
    @discardableResult
    func expectAgreement(_ s: String) -> Int {
        var read = 0
        var w = s
        w.withUTF8 { buf in
            let t = ByteText(buf)
            for k in 0...buf.count {
                let rest = s[s.utf8.index(s.utf8.startIndex, offsetBy: k)...]
                for pivot in [nil, 2010] as [Int?] {
                    let fast = DateReader.readNumericASCII(t, from: k, pivot: pivot)
                    let spaces = rest.prefix(while: { $0 == " " }).count
                    let reference = DateReader.readNumeric(rest.dropFirst(spaces), pivot: pivot).map {
                        DateReader.Result(date: $0.date, length: $0.length + spaces, twoDigitYear: $0.twoDigitYear, repaired: $0.repaired)
                    }
                    #expect(fast == reference, "\(s.debugDescription) from \(k)")
                    if fast != nil { read += 1 }
                    // And as the E.O. line reader uses it: numeric, else `read`.
                    #expect((fast ?? DateReader.read(rest, pivot: pivot)) == DateReader.read(rest, pivot: pivot), "\(s.debugDescription) from \(k)")
                }
            }
        }
        return read
    }

    @Test func agreesOnEdgeCases() {
        for s in ["03/12/2029", " 6/3/2017", "11/29/10", "2019/12/16", "011/2/2019", "111/2/2019", "13/2/2019", "2/13/2019", "2/30/2019", "1-2-2019",
                  "1/2-2019", "1.2.2019", "1/2/2019A", "1/2/2019/", "1/2/2019.", "1/2/201", "1/2/20190", "2019/1/123", "0000000000000000000001/1/2019",
                  "99999999999999999999/1/2019", "1/2/99999999999999999999", "  12/31/99 X", "JUNE 21, 2006", "30 JUN 2005", "", " ", "/1/2"] {
            expectAgreement(s)
        }
    }

    @Test func agreesOnRandomText() {
        let pieces = ["0", "1", "2", "3", "9", "12", "31", "2019", "99", "011", "/", "-", ".", " ", "A", ",", "JUNE"]
        var read = 0
        for s in randomTexts(pieces, seed: 0xDA7E, count: 1_500, maxPieces: 8) {
            // As drawn, and after a month and day (most drawn texts hold no date).
            read += expectAgreement(s)
            read += expectAgreement("1/2/" + s)
        }
        #expect(read > 100)
    }
}
