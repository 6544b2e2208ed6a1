import Foundation
import Testing
@testable import DeclassKit

/// `DeclassLineReader.read` (bytes for ASCII lines, `ASCIIDeclassLine`) against `readByCharacters`, the
/// String reader: instruction and diagnostics, on every corpus line (from its `E.O.` on, after its colons, and
/// whole), edge cases and random text mixing the keywords, dates and codes with the characters where bytes and
/// Characters part ways (combining marks, CR LF, the Kelvin sign).
@Suite("ASCII E.O. line")
struct ASCIIDeclassLineTests {
    /// Checks `s` read with a few pivots, and its substrings from each of its first few characters.
    func expectAgreement(_ s: String) {
        for sub in leadingSuffixes(s, 3) {
            for pivot in [nil, 1979, 2009] {
                var d1: [Diagnostic] = [], d2: [Diagnostic] = []
                let a = DeclassLineReader.read(String(sub), line: 3, pivot: pivot, diagnostics: &d1)
                let b = DeclassLineReader.readByCharacters(String(sub), line: 3, pivot: pivot, diagnostics: &d2)
                #expect(a == b, "\(sub.debugDescription) \(String(describing: pivot))")
                #expect(d1 == d2, "\(sub.debugDescription) \(String(describing: pivot)) diagnostics")
            }
        }
    }

    @Test func agreesOnEveryCorpusLine() throws {
        var lines = 0
        for line in try Fixtures.corpusLines() {
            expectAgreement(String(line))
            if let r = line.range(of: "E.O.") { expectAgreement(String(line[r.upperBound...])) }
            if let colon = line.firstIndex(of: ":") { expectAgreement(String(line[line.index(after: colon)...])) }
            lines += 1
        }
        #expect(lines > 1_000)
    }

    @Test func agreesOnEdgeCases() {
        for s in ["", " ", "12958", "12958:", "12958: DECL: 03/12/2029", "12356: OADR", "11652: XGDS-2", "12065: RDS-4 6/5/99", "12065: GDS 12/31/1984",
                  "12958: N/A", "12958: NA", "12958: na", "12958: As Amended; DECL: 1/1/2020", "12958 AS AMENDED", "13526: DECLASSIFIED 2/2/2012",
                  "13526: DECLASSIFIED", "12065: DNG CONFIDENTIAL 3/4/85", "12065: DNG C 3/4/85", "12065: DNG XX 3/4/85", "12065: DNG SECRETLY 3/4/85",
                  "12958: DECLX: 1.6X1, X5", "12958: DECLASSIFY ON: 25X1-HUMAN", "12958: DECL: MR", "12958: MANUAL REVIEW", "12958: DECL: MR 2",
                  "12958: DECL: UPON THE END OF TALKS", "12958: DECL: WHEN", "12958: 3/12/2029", "12958: SOMETHING", "12958;, DECL 2019-03-12",
                  "12958:\tDECL:\t03/12/2029 ", "12958: DECL:\r\n03/12/2029", "12958: DECL\r03/12/2029", "12958: DECL\u{301}: 1/1/2020",
                  "12958: D\u{212A}CL: X1", "12958: DECL: 1/1/2020\u{301}", "1295é: DECL: X1", "123456: DECL: X1", "1234: GDS", "DECL 1/1/20",
                  "12958: DECL: X1 AND X6", "12958: decl: x1", "12958: DECL: 25X1-H", "12958: DECL 06/05/2017 ", "12958: RDS", "12958: XGDS,3"] {
            expectAgreement(s)
        }
    }

    @Test func agreesOnRandomText() {
        let pieces = ["12958", "12065", ": ", ":", " ", "  ", ",", ";", "DECL", "decl", "DECLASSIFIED", "DECLASSIFY", "AS AMENDED", "N/A", "NA", "DNG",
                      "XGDS", "RDS", "GDS", "-", "2", "OADR", "MR", "MANUAL REVIEW", "X1", "25X1", "-HUMAN", "1.6", "AND", "03/12/2029", "6/5/99",
                      "2019-03-12", "JAN 1 2020", "C", "SECRET", "ON", "\t", "\u{301}", "\r", "\r\n", "\u{212A}", "é", "X"]
        for s in randomTexts(pieces, seed: 0xEC1A, count: 3_000, maxPieces: 9) {
            expectAgreement(s)
        }
    }
}
