@testable import DeclassXML
import Testing

/// The eight-bytes-at-a-time scans (characters XML cannot hold; text libxml2 must escape) agree with the
/// byte-by-byte definitions, wherever in a word the byte stands and across word edges.
@Suite struct ByteScanTests {
    static func forbiddenByBytes(_ b: [UInt8]) -> Bool {
        for (i, c) in b.enumerated() {
            if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D { return true }
            if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] >= 0xBE { return true }
        }
        return false
    }

    static func escapingByBytes(_ b: [UInt8]) -> Bool {
        b.contains { [0x3C, 0x3E, 0x26, 0x22, 0x0D, 0x00].contains($0) }
    }

    static func forbidden(_ b: [UInt8]) -> Bool { b.withUnsafeBytes { XMLText.hasForbidden($0) } }
    static func escaping(_ b: [UInt8]) -> Bool { b.withUnsafeBytes { XMLWriter.needsEscaping($0) } }

    @Test func everyByteAtEveryOffsetAgrees() {
        for length in [1, 7, 8, 9, 15, 16, 17, 24] {
            for at in 0..<length {
                for byte in 0...255 {
                    var b = [UInt8](repeating: 0x61, count: length)
                    b[at] = UInt8(byte)
                    #expect(Self.forbidden(b) == Self.forbiddenByBytes(b), "byte \(byte) at \(at) of \(length)")
                    #expect(Self.escaping(b) == Self.escapingByBytes(b), "byte \(byte) at \(at) of \(length)")
                }
            }
        }
    }

    @Test func nonCharactersAcrossWordEdgesAreFound() {
        for at in 0..<14 {
            for last: UInt8 in [0xBD, 0xBE, 0xBF] {
                var b = [UInt8](repeating: 0x20, count: 16)
                b[at] = 0xEF
                b[at + 1] = 0xBF
                b[at + 2] = last
                #expect(Self.forbidden(b) == (last >= 0xBE), "EF BF \(last) at \(at)")
                #expect(Self.forbidden(b) == Self.forbiddenByBytes(b))
            }
        }
    }

    @Test func randomBytesAgree() {
        var rng = SystemRandomNumberGenerator()
        // Mostly letters and line breaks, as cable text is, with a few of everything else.
        let common: [UInt8] = Array("ABCDEFGHIJ klmnop.,\n\t".utf8)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...40, using: &rng)
            let b = (0..<length).map { _ in
                Int.random(in: 0..<20, using: &rng) == 0 ? UInt8.random(in: 0...255, using: &rng) : common.randomElement(using: &rng)!
            }
            #expect(Self.forbidden(b) == Self.forbiddenByBytes(b), "\(b)")
            #expect(Self.escaping(b) == Self.escapingByBytes(b), "\(b)")
        }
    }
}
