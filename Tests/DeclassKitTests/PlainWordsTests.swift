import Foundation
import Testing
@testable import DeclassKit

/// `MarkingReader.isPlainWords` and `acronymMark`, the byte tests that refuse parenthesised words or read
/// acronyms as unknown marks before `parse` builds strings: whatever the first refuses, `parse` gives nil for,
/// and what the second reads, `parse` reads the same; on every parenthesised text of the corpus that `read`
/// lets through, edge cases and random text of the bytes it lets through.
@Suite("Plain words in parentheses")
struct PlainWordsTests {
    func expectAgreement(_ inner: String) {
        let bytes = Array(inner.utf8)
        bytes.withUnsafeBufferPointer { buf in
            if MarkingReader.isPlainWords(ByteText(buf), 0, bytes.count) {
                #expect(MarkingReader.parse(inner) == nil, "\(inner.debugDescription)")
            }
            if let m = MarkingReader.acronymMark(ByteText(buf), 0, bytes.count) {
                #expect(m == MarkingReader.parse(inner), "\(inner.debugDescription) acronym")
            }
        }
    }

    @Test func agreesOnEveryCorpusParenthesis() throws {
        var seen = 0
        for url in try Fixtures.corpusFiles() {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            for part in text.split(separator: "(").dropFirst() {
                guard let close = part.firstIndex(of: ")") else { continue }
                expectAgreement(String(part[..<close]))
                seen += 1
            }
        }
        #expect(seen > 100)
    }

    @Test func agreesOnEdgeCases() {
        for s in ["", " ", "C", "c", " C ", "S", "U", "TS", "ts", "SBU", "B", "D", "LOU", "lou", "X/NF", "S//NF", "REFTEL", "Ref A", "TOP SECRET", "top secret",
                  "TOP  SECRET", "SENSITIVE BUT UNCLASSIFIED", "Sensitive", "UNCLAS", "Confidential", "SECRET ", " SECRET", "S NF", "AB", "A-B", "A,B",
                  "ABCDE", "1", "12", "1A", "A1", "PSOE", " WFP ", "EU", "SBU", "TS", "C", "S", "U", "SBU ", "UNCL", "X-1", "A,", ",,", "PP", "b,d", "SEPBLAC", "U FOUO", "C/REL NATO", "-", "--", "S-", "TS,"] {
            expectAgreement(s)
        }
    }

    @Test func agreesOnRandomText() {
        let pieces = ["C", "S", "U", "T", "B", "N", "F", "O", "c", "s", "u", "a", "x", "/", " ", ",", "-", "1", "SECRET", "TOP", "UNCLAS", "CONFIDENTIAL",
                      "SENSITIVE", "BUT", "UNCLASSIFIED", "REL", "NATO", "FOUO"]
        for s in randomTexts(pieces, seed: 0x9A2E, count: 8_000, maxPieces: 6) {
            expectAgreement(s)
        }
    }
}
