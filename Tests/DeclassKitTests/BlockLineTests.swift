import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// `BlockScanner.line(of:from:firstLine:_:)`, which counts line breaks with `memchr`, against its byte loop.
@Suite("Block line numbers")
struct BlockLineTests {
    @Test func countsTheLineBreaksAsTheByteLoopDoes() {
        var rng = SplitMix64(seed: 0xB10C_4E5)
        var breaks = 0
        for _ in 0..<3_000 {
            let bytes: [UInt8] = (0..<Int.random(in: 0...300, using: &rng)).map { _ in
                Int.random(in: 0..<8, using: &rng) == 0 ? 0x0A : UInt8.random(in: 0x20...0x7E, using: &rng)
            }
            bytes.withUnsafeBufferPointer { b in
                let t = ByteText(b)
                let from = Int.random(in: 0...bytes.count, using: &rng), at = Int.random(in: from...bytes.count, using: &rng)
                let line = BlockScanner.line(of: at, from: from, firstLine: 7, t)
                #expect(line == BlockScanner.lineByBytes(of: at, from: from, firstLine: 7, t), "\(bytes) \(from) \(at)")
                breaks += line - 7
            }
        }
        #expect(breaks > 10_000)
    }
}
