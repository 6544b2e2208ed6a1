@testable import DeclassKit
import Testing

/// Rewriting a banner to a level below CONFIDENTIAL drops NOFORN, NF and ORCON (any case, with or without
/// `//`) and keeps everything else as written, spaces included.
@Suite struct LapsedControlTests {
    /// The rule as first written, on Strings: the reference the byte version must match.
    static func reference(_ rest: String) -> String {
        rest.split(separator: " ", omittingEmptySubsequences: false).filter {
            !["NOFORN", "//NOFORN", "NF", "//NF", "ORCON", "//ORCON"].contains($0.uppercased())
        }.joined(separator: " ")
    }

    static func dropped(_ rest: String) -> String {
        var out: [UInt8] = []
        Array(rest.utf8).withUnsafeBufferPointer { ReleaseText.dropLapsedControls($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: [
        ("//NOFORN", ""), (" NOFORN", ""), (" noforn SIPDIS", " SIPDIS"), ("  NF  ", "   "), (" //orcon//x", " //orcon//x"),
        ("", ""), (" ", " "), ("SIPDIS", "SIPDIS"), (" NFX NF", " NFX"), (" NOFORN  SIPDIS ", "  SIPDIS "),
        (" Noforn\tX", " Noforn\tX"), (" ÑF NF", " ÑF"),
    ])
    func lapsedControlsAreDroppedAndTheRestKept(rest: String, expected: String) {
        #expect(Self.dropped(rest) == expected)
        #expect(Self.reference(rest) == expected)
    }

    @Test func byteVersionAgreesWithTheReferenceOnRandomBannerTails() {
        var rng = SystemRandomNumberGenerator()
        let words = ["NOFORN", "//NOFORN", "noforn", "NF", "nf", "//NF", "ORCON", "//orcon", "SIPDIS", "X", "", "ÑF", "ＮＦ", "NÖFORN", "N", "//", "\t"]
        for _ in 0..<5000 {
            let n = Int.random(in: 0...6, using: &rng)
            let rest = (0..<n).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            let tail = Bool.random(using: &rng) ? " " + rest : rest
            #expect(Self.dropped(tail) == Self.reference(tail), "\(tail)")
        }
    }

    /// The token test on its own against the reference's (`uppercased()` in the list), on random tokens of
    /// one to nine bytes, zero bytes and letters of either case included.
    @Test func tokenTestAgreesWithTheReferenceOnRandomTokens() {
        var rng = SystemRandomNumberGenerator()
        let controls = ["NOFORN", "//NOFORN", "NF", "//NF", "ORCON", "//ORCON"]
        let bytes: [UInt8] = Array("NOFRCnofrc/X".utf8) + [0, 0x7F, 0xC3, 0x91]
        var lapsed = 0
        for _ in 0..<20000 {
            var token: [UInt8]
            if Bool.random(using: &rng) {
                // A control, its case shuffled, sometimes with a byte more.
                token = controls.randomElement(using: &rng)!.utf8.map { Bool.random(using: &rng) && $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
                if Int.random(in: 0..<4, using: &rng) == 0 { token.append(bytes.randomElement(using: &rng)!) }
            } else {
                token = (0..<Int.random(in: 1...9, using: &rng)).map { _ in bytes.randomElement(using: &rng)! }
            }
            let expected = controls.contains(String(decoding: token, as: UTF8.self).uppercased())
            #expect(token.withUnsafeBufferPointer { ReleaseText.isLapsedControl($0) } == expected, "\(token)")
            if expected { lapsed += 1 }
        }
        #expect(lapsed > 1000)
    }
}
