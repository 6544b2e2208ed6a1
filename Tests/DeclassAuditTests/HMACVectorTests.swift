import DeclassKit
import Testing

/// `AuditKey.authenticationCode` is HMAC-SHA256: the test cases of RFC 4231 (keys shorter than, as long as
/// and longer than SHA-256's 64-byte block; messages shorter and longer than a block).
@Suite struct HMACVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var key: [UInt8]
        var data: [UInt8]
        var mac: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "RFC 4231 case 1", key: Array(repeating: 0x0B, count: 20), data: Array("Hi There".utf8),
               mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Vector(name: "RFC 4231 case 2", key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
               mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Vector(name: "RFC 4231 case 3", key: Array(repeating: 0xAA, count: 20), data: Array(repeating: 0xDD, count: 50),
               mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Vector(name: "RFC 4231 case 4", key: Array(1 ... 25), data: Array(repeating: 0xCD, count: 50),
               mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        Vector(name: "RFC 4231 case 6", key: Array(repeating: 0xAA, count: 131),
               data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
               mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Vector(name: "RFC 4231 case 7", key: Array(repeating: 0xAA, count: 131),
               data: Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                   + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
               mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: vectors)
    func theCodeIsTheRFC4231Value(_ v: Vector) throws {
        #expect(try AuditKey(bytes: v.key).authenticationCode(for: v.data) == AuditDigest.hmacPrefix + v.mac)
    }

    @Test(arguments: [65, 100, 200])
    func aKeyLongerThanABlockActsAsItsSHA256(length: Int) throws {
        let key = (0 ..< length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let hex = Array(AuditDigest.sha256(key).utf8.dropFirst(AuditDigest.sha256Prefix.utf8.count))
        let hashed = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0 ..< $0 + 2], as: UTF8.self), radix: 16)! }
        let data = Array(repeating: UInt8(0x42), count: 150)
        #expect(try AuditKey(bytes: key).authenticationCode(for: data) == AuditKey(bytes: hashed).authenticationCode(for: data))
    }
}
