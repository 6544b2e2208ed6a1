import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// The direct marker scan (`BlockMarkers`) finds exactly what the Vectorscan database of `BlockScanner`
/// finds: on every corpus and seed cable, on awkward hand-written cases, and on random mixes of marker parts.
@Suite("Block markers")
struct BlockMarkersTests {
    func readings(_ bytes: [UInt8]) -> (vectorscan: [String], direct: [String]?) {
        bytes.withUnsafeBufferPointer { BlockScanner.markerReadings(ByteText($0)) }
    }

    @Test func agreesWithVectorscanOnTheCorpus() throws {
        var files = try Fixtures.corpusFiles()
        files += try Fixtures.textFiles(in: Fixtures.url("seeds"))
        #expect(files.count > 60)
        var direct = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let r = readings(bytes)
            if let d = r.direct {
                direct += 1
                #expect(d == r.vectorscan, "\(file.lastPathComponent)")
            }
        }
        #expect(direct > files.count / 2)
    }

    static let cases: [String] = [
        "NOTE:NOTE: x", "BEGIN SUMMARY", "begin  \t summary.", "BEGIN\tNOTE", "BEGINNOTE", "XBEGIN NOTE", "_END NOTE",
        "END COMMENTS", "END COMMENT_", "END COMMENT9", "END NOTE", "(END NOTE.)", "END  SUMMARY", "END\t SUMMARY",
        "SUMMARY:", "Summary -", "SUMMARY \t :", "SUMMARY\n:", "xSUMMARY:", "9COMMENT:", "_NOTE:", "NOTE :", "NOTE -",
        "NOTE", "COMMENT", "XXXXX", "XXXXXX", "xXxXxXx", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
        "éNOTE: ok", "NOTEé", "BEGIN NOTEé", "’END COMMENT’", "¶NOTE:", "ſUMMARY: x", "BEGİN NOTE", "END COMMENT: NOTE:",
        "BEGIN BEGIN NOTE", "END END NOTE", "SUMMARYSUMMARY:", "COMMENTCOMMENT -", "SUMMMARY:", "NONOTE:", "NNOTE:",
        String(repeating: "a", count: 40) + "END SUMMARY" + String(repeating: "b", count: 40),
        String(repeating: "a", count: 31) + "XXXXXX" + String(repeating: " ", count: 31) + "NOTE:",
        String(repeating: "a", count: 30) + "BEGIN COMMENT" + String(repeating: "x", count: 33) + "X",
    ]

    @Test func agreesWithVectorscanOnHardCases() {
        for text in Self.cases {
            let r = readings(Array(text.utf8))
            if let d = r.direct { #expect(d == r.vectorscan, "\(text)") }
        }
        // Nothing but the letters the fallback is for is handed to Vectorscan.
        #expect(readings(Array("BEGIN NOTE é ’ ¶".utf8)).direct != nil)
        #expect(readings(Array("ſUMMARY: x".utf8)).direct == nil)
    }

    @Test func agreesWithVectorscanOnRandomMixes() {
        let parts = ["BEGIN", "END", "SUMMARY", "COMMENT", "NOTE", "summary", "Note", " ", "  ", "\t", ":", "-", ".", "(", ")",
                     "X", "XX", "xxx", "_", "a", "9", "é", "’", "\n", "\r\n", "COMMENTS", "NOTES", "begin", "end"]
        var rng = SplitMix64(seed: 0xB10C_4A4B)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &rng) { text += parts[Int.random(in: 0..<parts.count, using: &rng)] }
            let r = readings(Array(text.utf8))
            #expect(r.direct == r.vectorscan, "\(text.debugDescription)")
            if r.direct != r.vectorscan { return }
        }
    }
}
