import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// The one-pass scan (`MarkedInput`) gives what its two references give: `InputValidator.validate`'s error,
/// else `BlockMarkers.find`'s markers, on every corpus and seed cable and on random bytes.
@Suite("Marked input")
struct MarkedInputTests {
    /// The scan's reading of `bytes` and the references', as the error or the markers as `pattern:start-end`.
    func readings(_ bytes: [UInt8]) -> (scan: String, reference: String) {
        bytes.withUnsafeBufferPointer { b in
            let t = ByteText(b)
            func show(_ found: [(pattern: Int, range: Range<Int>)]?) -> String {
                found.map { $0.map { "\($0.pattern):\($0.range.lowerBound)-\($0.range.upperBound)" }.joined(separator: " ") } ?? "vectorscan"
            }
            let scan: String
            do throws(CableError) {
                let found = try MarkedInput.scan(t, name: "x")
                scan = show(found.map { $0.map { (Int($0.pattern), $0.range) } })
            } catch { scan = error.description }
            let reference: String
            do throws(CableError) {
                try InputValidator.validate(t, name: "x")
                reference = show(BlockMarkers.find(t).map { $0.map { (Int($0.pattern), $0.range) } })
            } catch { reference = error.description }
            return (scan, reference)
        }
    }

    @Test func agreesWithTheReferencesOnTheCorpus() throws {
        var files = try Fixtures.corpusFiles()
        files += try Fixtures.textFiles(in: Fixtures.url("seeds"))
        #expect(files.count > 60)
        var marked = 0
        for file in files {
            let r = readings([UInt8](try Data(contentsOf: file)))
            #expect(r.scan == r.reference, "\(file.lastPathComponent)")
            if r.scan.contains(":") { marked += 1 }
        }
        #expect(marked > files.count / 2)
    }

    @Test func agreesWithTheReferencesOnRandomBytes() {
        // Marker parts, ASCII, valid and broken UTF-8, NULs and blanks, in runs long enough to fill the
        // scan's blocks of 32 bytes and to end anywhere in one.
        let parts: [[UInt8]] = ["BEGIN ", "END ", "SUMMARY", "COMMENT:", "NOTE:", "XXXXXX", "xx", "no", "mm", " ", "\n", "\t",
                                "é", "’", "ſ", "İ", "℃", "¶", "😀", "abcdefghijklmnop", "0123456789"].map { Array($0.utf8) }
            + [[0x00], [0x80], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xFF], [0xEF, 0xBB, 0xBF]]
        var rng = SplitMix64(seed: 0x3A4B_1D5E)
        var problems = 0, valid = 0
        for round in 0..<4000 {
            var bytes: [UInt8] = []
            let pieces = Int.random(in: 0...60, using: &rng)
            // Most inputs are valid: broken bytes only in one round out of four.
            let broken = round % 4 == 0
            for _ in 0..<pieces { bytes += parts[Int.random(in: 0..<(broken ? parts.count : 21), using: &rng)] }
            let r = readings(bytes)
            if !r.reference.contains("x:") { valid += 1 }
            #expect(r.scan == r.reference, "\(bytes)")
            if r.scan != r.reference { problems += 1 }
            if problems > 3 { return }
        }
        #expect(valid > 2000)
    }

    @Test func reportsTheFirstProblemPastAnASCIIBlock() {
        // The NUL stands after two blocks of plain ASCII and a block with a multi-byte character.
        let text = Array(String(repeating: "a", count: 64).utf8) + Array("é".utf8) + Array(String(repeating: "b", count: 40).utf8) + [0] + Array("\nz".utf8)
        let r = readings(text)
        #expect(r.scan == "x:1: binary data (NUL byte at offset 106): not a cable text file")
        #expect(r.scan == r.reference)
    }

    @Test func countsThePlainBytesBeforeTheFirstHighOrNULByte() {
        // Words of bytes drawn mostly from plain ASCII, with NULs, 0x01, 0x7F, 0x80 and high bytes among them:
        // the count is what a byte loop finds.
        var rng = SplitMix64(seed: 0x9_1A1_8B17)
        let odd: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0x81, 0xC2, 0xFF]
        var short = 0
        for _ in 0..<20_000 {
            let bytes: [UInt8] = (0..<8).map { _ in
                Int.random(in: 0..<6, using: &rng) == 0 ? odd[Int.random(in: 0..<odd.count, using: &rng)] : UInt8.random(in: 0x01...0x7F, using: &rng)
            }
            let expected = bytes.firstIndex(where: { $0 == 0 || $0 >= 0x80 }) ?? 8
            if expected < 8 { short += 1 }
            bytes.withUnsafeBufferPointer { b in
                #expect(InputValidator.plainPrefix8(b.baseAddress!, 0) == expected, "\(bytes)")
            }
        }
        #expect(short > 10_000)
    }
}
