import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// The layout's shortcut for plain paragraph lines (`CableLayout.opensPlainText` and the tests around it)
/// places every line where the full tests of `continueParagraph` place it.
@Suite("Plain line shortcut")
struct PlainLineShortcutTests {
    /// The units and diagnostics of `bytes` laid out with and without the shortcut.
    func layouts(_ bytes: [UInt8]) -> (shortcut: ([CableUnit], [Diagnostic]), full: ([CableUnit], [Diagnostic])) {
        bytes.withUnsafeBufferPointer { b in
            let t = ByteText(b)
            var fast = CableLayout(t: t)
            fast.run()
            var full = CableLayout(t: t)
            full.plainLineShortcut = false
            full.run()
            return ((fast.units, fast.diagnostics), (full.units, full.diagnostics))
        }
    }

    @Test func placesTheCorpusLinesAsTheFullTestsDo() throws {
        var files = try Fixtures.corpusFiles()
        files += try Fixtures.textFiles(in: Fixtures.url("seeds"))
        #expect(files.count > 60)
        for file in files {
            let r = layouts([UInt8](try Data(contentsOf: file)))
            #expect(r.shortcut.0 == r.full.0, "\(file.lastPathComponent)")
            #expect(r.shortcut.1 == r.full.1, "\(file.lastPathComponent)")
        }
    }

    @Test func placesRandomParagraphLinesAsTheFullTestsDo() throws {
        // A real cable's header, then random lines made of what paragraph, heading, page-break and banner
        // tests look for, after blank lines, rules or text.
        let head = "CONFIDENTIAL\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL, PGOV\nSUBJECT: A TEST\n\n1. (C) Opening text of the paragraph.\n"
        let pieces = ["the text goes on", "Continued words", "PAGE 02 ASTANA 00000435 002 OF 003", "CONFIDENTIAL", "SECRET", "Secretary",
                      "Under", "Later", "Tomorrow", "2. (C) Next", "3.", "(C) Marked", "[1](#)4. Text", "¶5. Text", "//HEADING//", "-----",
                      "=====", "SIPDIS", "ASTANA 00000435 002 OF 003", "ends in 42", "A HEADING", "Text.", "é text", "’quoted’", "x",
                      "END SUMMARY", "Signature", "\n", "\n\n", "\n", " ", ".", "?", ","]
        var rng = SplitMix64(seed: 0x91A1_7E55)
        var lines = 0
        for _ in 0..<1500 {
            var text = head
            for _ in 0..<Int.random(in: 1...30, using: &rng) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
                if Int.random(in: 0..<3, using: &rng) > 0 { text += "\n"; lines += 1 }
            }
            let r = layouts(Array(text.utf8))
            #expect(r.shortcut.0 == r.full.0 && r.shortcut.1 == r.full.1, "\(text.debugDescription)")
            if r.shortcut.0 != r.full.0 { return }
        }
        #expect(lines > 10_000)
    }

    @Test func admitsOnlyFirstBytesThatOpenNothingTested() {
        // A line opening with two bytes the shortcut admits (or one, read with a space after it) is no
        // paragraph start, page break, banner repeat or dash rule, whatever follows.
        var admitted = 0
        for c in 0...255 {
            for next in [-1] + Array(0...255) where CableLayout.opensPlainText(UInt8(c), next < 0 ? 0x20 : UInt8(next)) {
                admitted += 1
                for rest in next < 0 ? [""] : ["", "1. (C) x", "NFIDENTIAL", "GE 02 ASTANA 00000435 002 OF 003", "---", "X//"] {
                    let bytes = [UInt8(c)] + (next < 0 ? [] : [UInt8(next)]) + Array(rest.utf8)
                    bytes.withUnsafeBufferPointer { b in
                        let t = ByteText(b)
                        let l = SourceLine(start: 0, end: bytes.count, next: bytes.count, lo: 0, hi: bytes.count)
                        #expect(!LineRecognizers.mayStartParagraph(t, l), "\(bytes)")
                        #expect(LineRecognizers.pageBreak(t, l) != l.hi || ByteText.isDigit(bytes[bytes.count - 1]), "\(bytes)")
                        #expect(!BannerReader.isRepeat(t, l.lo, l.hi), "\(bytes)")
                        #expect(!LineRecognizers.isDashRule(t, l), "\(bytes)")
                        #expect(!t.hasPrefixCI(0, bytes.count, "PAGE "), "\(bytes)")
                        #expect(!(bytes.count >= 2 && bytes[0] == 0x2F && bytes[1] == 0x2F), "\(bytes)")
                    }
                }
            }
        }
        #expect(admitted > 20_000)
        // What opens page headers, banner repeats, numbers, marks, rules and slashed headings is refused.
        for pair in ["PA", "pa", "CO", "Co", "C ", "TO", "SE", "Se", "S ", "UN", "LI", "l ", "[1", "(C", "/ ", "--", "==", "1.", "9 "] {
            let b = Array(pair.utf8)
            #expect(!CableLayout.opensPlainText(b[0], b[1]), "\(pair)")
        }
        for c in Array("CcSsTtUuLl".utf8) { #expect(!CableLayout.opensPlainText(c, 0x20)) }
        for c: UInt8 in [0xC2, 0xE2] { #expect(!CableLayout.opensPlainText(c, 0xB6)) }
        #expect(CableLayout.opensPlainText(0x54, 0x48) && CableLayout.opensPlainText(0x50, 0x52))  // TH, PR
    }
}
