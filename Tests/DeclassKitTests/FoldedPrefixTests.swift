import Testing
@testable import DeclassKit
import DeclassTestSupport

/// `VerbatimChunk.foldedPrefix16` (the sixteen-byte copy `CableText` folds with) against the fold read one
/// byte at a time, on random bytes after a word byte.
@Suite struct FoldedPrefixTests {
    /// `bytes` folded one byte at a time as `CableText` folds a unit (white space runs to one space, none
    /// first): each written byte and the offset of the source byte it stands for.
    static func reference(_ bytes: [UInt8]) -> [(byte: UInt8, source: Int)] {
        var out: [(byte: UInt8, source: Int)] = []
        var pending = false
        for (i, c) in bytes.enumerated() {
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                pending = !out.isEmpty
                continue
            }
            if pending { out.append((0x20, i - 1)) }
            pending = false
            out.append((c, i))
        }
        return out
    }

    /// How many of sixteen bytes after a word byte the fold writes in place (each at its own offset, a
    /// line break or space as a space): the longest run `foldedPrefix16` may copy.
    static func inPlace(_ bytes: [UInt8]) -> Int {
        let folded = reference([0x41] + bytes)
        var k = 0
        while k < 16, k + 1 < folded.count, folded[k + 1].source == k + 1,
              folded[k + 1].byte == (bytes[k] == 0x0A ? 0x20 : bytes[k]) { k += 1 }
        return k
    }

    static func prefix(_ bytes: [UInt8]) -> (bytes: SIMD16<UInt8>, run: Int) {
        bytes.withUnsafeBufferPointer { VerbatimChunk.foldedPrefix16(VerbatimChunk.load16($0, 0), next: VerbatimChunk.load16($0, 1)) }
    }

    @Test func foldedPrefixesAreTheBytesTheFoldWritesInPlace() {
        // Spaces, line breaks, letters and high bytes: the fold leaves in place exactly what the run copies.
        let alphabet: [UInt8] = [0x41, 0x20, 0x0A, 0xC3, 0x61, 0x20, 0x0A, 0x43]
        var g = SplitMix64(seed: 0xF01D_ED16)
        var lengths = Set<Int>()
        for _ in 0..<20_000 {
            let bytes = (0..<17).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
            let (chunk, run) = Self.prefix(bytes)
            #expect(run == Self.inPlace(bytes), "\(bytes)")
            for k in 0..<run where chunk[k] != (bytes[k] == 0x0A ? 0x20 : bytes[k]) {
                Issue.record("\(bytes): byte \(k) written as \(chunk[k])")
            }
            lengths.insert(run)
        }
        #expect(lengths.count == 17)
    }

    @Test func foldedPrefixesStopAtOtherControlBytesWithinWhatTheFoldWritesInPlace() {
        // Tabs, carriage returns and other bytes below 0x20 end the run (the byte-at-a-time fold reads them),
        // and it never takes more than the fold leaves in place.
        let alphabet: [UInt8] = [0x41, 0x20, 0x0A, 0x09, 0x0D, 0x0C, 0x00, 0x62]
        var g = SplitMix64(seed: 0xF01D_ED17)
        for _ in 0..<20_000 {
            let bytes = (0..<17).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
            let (chunk, run) = Self.prefix(bytes)
            let stop = (0..<16).first { bytes[$0] < 0x20 && bytes[$0] != 0x0A } ?? 16
            #expect(run <= Self.inPlace(bytes) && run <= stop, "\(bytes)")
            for k in 0..<run where chunk[k] != (bytes[k] == 0x0A ? 0x20 : bytes[k]) {
                Issue.record("\(bytes): byte \(k) written as \(chunk[k])")
            }
        }
    }
}
