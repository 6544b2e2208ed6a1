import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// `CableFields.yearFromFileName`, which finds the file's stem in place, against the reading that split the
/// whole path (kept here as the reference): on the corpus file names and on random paths.
@Suite("Year from the file name")
struct FileNameYearTests {
    /// The reading by splitting: last path component, its first dot-separated piece, as Characters.
    func reference(_ name: String, origin: String, serial: Int) -> String? {
        let base = name.split(separator: "/").last.map { $0.split(separator: ".").first ?? $0 } ?? Substring(name)
        let chars = Array(base.uppercasedFast())
        guard chars.count > 2, chars[0].isASCIIDigit, chars[1].isASCIIDigit,
              String(chars[2...]) == origin.uppercasedFast() + String(serial) else { return nil }
        return String(chars[0...1])
    }

    @Test func agreesOnCorpusNames() throws {
        var years = 0
        for url in try Fixtures.corpusFiles() {
            let stem = url.deletingPathExtension().lastPathComponent
            let origin = String(stem.dropFirst(2).prefix(while: { !$0.isNumber }))
            let serial = Int(stem.dropFirst(2 + origin.count)) ?? 0
            for name in [url.path, url.lastPathComponent, stem, "./" + url.lastPathComponent + "/", url.path.lowercased()] {
                let r = CableFields.yearFromFileName(name, origin: origin, serial: serial)
                #expect(r == reference(name, origin: origin, serial: serial), "\(name)")
                if r != nil { years += 1 }
            }
        }
        #expect(years > 100)
    }

    @Test func agreesOnRandomPaths() {
        let pieces = ["/", "//", ".", "..", "09", "9", "ASTANA", "astana", "435", "0435", "x", "é", "\u{301}", "txt", " "]
        var rng = SplitMix64(seed: 0xF11E)
        var years = 0
        for _ in 0..<6_000 {
            var name = ""
            for _ in 0..<Int.random(in: 0...4, using: &rng) { name += pieces.randomElement(using: &rng)! }
            if Bool.random(using: &rng) {
                // Shaped like a cable's file name, with random text around it.
                name += ["09", "9", "x9"].randomElement(using: &rng)! + ["ASTANA", "astana", "ASTANA\u{301}"].randomElement(using: &rng)!
                    + ["435", "0435", "4350"].randomElement(using: &rng)!
                for _ in 0..<Int.random(in: 0...3, using: &rng) { name += pieces.randomElement(using: &rng)! }
            }
            let r = CableFields.yearFromFileName(name, origin: "ASTANA", serial: 435)
            #expect(r == reference(name, origin: "ASTANA", serial: 435), "\(name.debugDescription)")
            if r != nil { years += 1 }
        }
        #expect(years > 20)
    }

    @Test func bytesAgreeWithCharactersOnRandomASCIIPaths() {
        // ASCII names read on their bytes, with CR LF pairs, dots, slashes and either case around an id, for
        // origins in either case: as the Character reading reads them.
        let pieces = ["/", "//", ".", "..", "\r\n", "\r", "09", "9", "ASTANA", "astana", "AsTaNa", "435", "0435", "-435", "x", "txt", " "]
        var rng = SplitMix64(seed: 0xA5C1_1F11)
        var years = 0
        for _ in 0..<6_000 {
            var name = ""
            for _ in 0..<Int.random(in: 0...5, using: &rng) { name += pieces.randomElement(using: &rng)! }
            let origin = ["ASTANA", "astana", "AS", ""].randomElement(using: &rng)!
            let serial = [435, -435, 0].randomElement(using: &rng)!
            if Bool.random(using: &rng) {
                // Shaped like the id, in either case, with random text after it.
                name += ["09", "9", "x9"].randomElement(using: &rng)! + [origin, origin.lowercased(), "ASTANA"].randomElement(using: &rng)!
                    + ["\(serial)", "0\(serial)", "435"].randomElement(using: &rng)!
                for _ in 0..<Int.random(in: 0...2, using: &rng) { name += pieces.randomElement(using: &rng)! }
            }
            let r = CableFields.yearFromFileName(name, origin: origin, serial: serial)
            #expect(r == CableFields.yearFromFileNameByCharacters(name, origin: origin, serial: serial), "\(name.debugDescription) \(origin) \(serial)")
            if r != nil { years += 1 }
        }
        #expect(years > 20)
    }
}
