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
}
