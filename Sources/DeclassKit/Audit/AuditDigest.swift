import Foundation
import Crypto

/// Digests in an audit log: `hmac-sha256:<hex>` under a key, `sha256:<hex>` without one. A withheld text is
/// digested in its normal form (`normalize`), so that line breaks and spacing do not change its digest.
public enum AuditDigest {
    /// Prefix of a keyed digest or MAC.
    public static let hmacPrefix = "hmac-sha256:"
    /// Prefix of a plain digest.
    public static let sha256Prefix = "sha256:"
    /// The `prev` of a file's first entry: `sha256:` and 64 zeros.
    public static let genesis = sha256Prefix + String(repeating: "0", count: 64)

    /// The text's words, runs of white space (spaces, tabs, line breaks, other Unicode white space) folded
    /// to one space, leading and trailing white space removed. Case is kept.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The digest of a withheld text: its normal form's UTF-8 bytes, keyed when `key` is given.
    public static func ofWithheld(_ text: String, key: AuditKey?) -> String {
        let bytes = Array(normalize(text).utf8)
        if let key { return key.authenticationCode(for: bytes) }
        return sha256(bytes)
    }

    /// `sha256:<hex>` of `bytes`.
    public static func sha256(_ bytes: some DataProtocol) -> String {
        sha256Prefix + hex(SHA256.hash(data: bytes))
    }

    /// Lower-case hex of a digest's bytes.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
