import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// `HeaderLines.isDTG` and `readDTG` over bytes against the token readers they replace in the layout and in
/// `CableFields` (the line split into Substrings, `DateReader.readDTG`): on every corpus line of letters,
/// digits and spaces, and on random ones.
@Suite("Date-time group bytes")
struct HeaderDTGTests {
    /// Both readings of `line`, which holds only ASCII letters, digits and spaces.
    func readings(_ line: String) -> (bytes: Bool, tokens: Bool) {
        let bytes = Array(line.utf8)
        let (fast, fastRead) = bytes.withUnsafeBufferPointer { (HeaderLines.isDTG(ByteText($0), 0, $0.count), HeaderLines.readDTG(ByteText($0), 0, $0.count)) }
        let read = HeaderLines.readDTG(line)
        #expect(fastRead?.date == read?.date && fastRead?.group == read?.group && fastRead?.precedence == read?.precedence
                && fastRead?.tokens == read?.tokens, "\(line.debugDescription)")
        return (fast, HeaderLines.isDTG(line.split(separator: " ", omittingEmptySubsequences: true)))
    }

    @Test func agreesOnEveryCorpusLineOfLettersDigitsAndSpaces() throws {
        var lines = 0, groups = 0
        for url in try Fixtures.corpusFiles() {
            for line in String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n") {
                let s = String(line)
                guard !s.isEmpty, s.utf8.allSatisfy({ ByteText.isAlnum($0) || $0 == 0x20 }) else { continue }
                let r = readings(s)
                #expect(r.bytes == r.tokens, "\(url.lastPathComponent): \(s)")
                lines += 1
                if r.tokens { groups += 1 }
            }
        }
        #expect(lines > 200)
        #expect(groups >= 50)
    }

    @Test func agreesOnRandomLines() {
        let words = ["O", "R", "OO", "P", "Z", "ZZ", "RR", "OP", "o", "r", "OPR", "120728Z", "291359z", "311259Z", "310230Z", "300230Z",
                     "290230Z", "1207Z", "1207288Z", "12072Z8", "000000Z", "MAR", "Mar", "mar", "FEB", "SEP", "SEPT", "FOO", "JANUARY",
                     "09", "9", "00", "99", "2009", "0A", "X", "DTG", "R", "Z"]
        let spaces = [" ", "  ", "   "]
        var rng = SplitMix64(seed: 0xD7C)
        var groups = 0
        for _ in 0..<6_000 {
            var line = Bool.random(using: &rng) ? "" : " "
            if Bool.random(using: &rng) {
                for _ in 0..<Int.random(in: 1...7, using: &rng) { line += words.randomElement(using: &rng)! + spaces.randomElement(using: &rng)! }
            } else {
                // Shaped like a group: precedence letters, then group, month and year words, then maybe more.
                for _ in 0..<Int.random(in: 0...3, using: &rng) { line += ["O", "R", "OO", "P", "Z", "RR", "o", "OPR"].randomElement(using: &rng)! + " " }
                for choices in [Array(words[11...20]), Array(words[21...28]), Array(words[29...34])] { line += choices.randomElement(using: &rng)! + spaces.randomElement(using: &rng)! }
                for _ in 0..<Int.random(in: 0...2, using: &rng) { line += words.randomElement(using: &rng)! + " " }
            }
            if Bool.random(using: &rng) { line = String(line.dropLast()) }
            let r = readings(line)
            #expect(r.bytes == r.tokens, "\(line.debugDescription)")
            if r.tokens { groups += 1 }
        }
        #expect(groups > 100)
    }
}
