import Foundation
import Testing
@testable import DeclassKit

/// `AuditDigest.prefixedHex`, which writes two digits per byte from a table, against `String(format:)`.
@Suite struct HexPairsTests {
    @Test func everyByteValueIsWrittenAsItsTwoLowerCaseHexDigits() {
        let bytes = (0 ... 255).map { UInt8($0) }
        let expected = "sha256:" + bytes.map { String(format: "%02x", $0) }.joined()
        #expect(AuditDigest.prefixedHex("sha256:", bytes) == expected)
    }
}
