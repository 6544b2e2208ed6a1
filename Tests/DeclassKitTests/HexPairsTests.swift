import Foundation
import Testing
@testable import DeclassKit

/// `AuditDigest.prefixedHex` and `writeHex`, which write four bytes' digits at a time in one word, against
/// `String(format:)`.
@Suite struct HexPairsTests {
    @Test func everyByteValueIsWrittenAsItsTwoLowerCaseHexDigits() {
        let bytes = (0 ... 255).map { UInt8($0) }
        let expected = "sha256:" + bytes.map { String(format: "%02x", $0) }.joined()
        #expect(AuditDigest.prefixedHex("sha256:", bytes) == expected)
    }

    @Test func lengthsThatAreNotAMultipleOfFourAreWrittenWhole() {
        var rng = SystemRandomNumberGenerator()
        for n in 0 ... 13 {
            let bytes = (0 ..< n).map { _ in UInt8.random(in: 0 ... 255, using: &rng) }
            let expected = "hmac-sha256:" + bytes.map { String(format: "%02x", $0) }.joined()
            #expect(AuditDigest.prefixedHex("hmac-sha256:", bytes) == expected, "\(n) bytes")
        }
    }

    @Test func theWriterWritesADigestAsPrefixedHexQuoted() {
        let bytes = (0 ..< 32).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let written = CanonicalJSON.Writer.bytes(capacity: 128) { $0.digest(prefix: "sha256:", bytes) }
        #expect(String(decoding: written, as: UTF8.self) == "\"" + AuditDigest.prefixedHex("sha256:", bytes) + "\"")
    }
}
