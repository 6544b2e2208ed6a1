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
    /// to one space, leading and trailing white space removed. Case is kept. Works on UTF-8 bytes.
    public static func normalize(_ text: String) -> String {
        String(decoding: normalizedBytes(text), as: UTF8.self)
    }

    /// The UTF-8 bytes of `normalize(text)`, written in one pass over the text's bytes.
    static func normalizedBytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { b in
            let n = b.count
            return [UInt8](unsafeUninitializedCapacity: n) { out, count in
                var o = 0
                var pendingSpace = false
                var i = 0
                while i < n {
                    let c = b[i]
                    if c < 0x80 {
                        if c == 0x20 || c &- 0x09 <= 0x0D - 0x09 {
                            pendingSpace = o > 0
                            i += 1
                            continue
                        }
                    } else {
                        let width = whiteSpaceWidth(b, i, c)
                        if width > 0 {
                            pendingSpace = o > 0
                            i += width
                            continue
                        }
                    }
                    if pendingSpace {
                        out[o] = 0x20
                        o += 1
                        pendingSpace = false
                    }
                    out[o] = c
                    o += 1
                    i += 1
                }
                count = o
            }
        }
    }

    /// The byte length of the white-space character at `i`, a byte ≥ 0x80 (Unicode White_Space), or 0.
    @inline(__always)
    private static func whiteSpaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ c: UInt8) -> Int {
        let n = b.count
        switch c {
        case 0xC2 where i + 1 < n && (b[i + 1] == 0x85 || b[i + 1] == 0xA0): return 2  // NEL, NBSP
        case 0xE1 where i + 2 < n && b[i + 1] == 0x9A && b[i + 2] == 0x80: return 3  // OGHAM SPACE MARK
        case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && ((0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xA8 || b[i + 2] == 0xA9 || b[i + 2] == 0xAF):
            return 3  // EN QUAD … HAIR SPACE, LINE/PARAGRAPH SEPARATOR, NARROW NBSP
        case 0xE2 where i + 2 < n && b[i + 1] == 0x81 && b[i + 2] == 0x9F: return 3  // MEDIUM MATHEMATICAL SPACE
        case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3  // IDEOGRAPHIC SPACE
        default: return 0
        }
    }

    /// The digest of a withheld text: its normal form's UTF-8 bytes, keyed when `key` is given.
    public static func ofWithheld(_ text: String, key: AuditKey?) -> String {
        prefixedHex(key == nil ? sha256Prefix : hmacPrefix, withheld(text, key: key).digest)
    }

    /// The digest of a withheld text (`ofWithheld`'s, as bytes) and, when the text is already in normal form
    /// with one scalar per character (`simpleNormalCharacters`, most texts), its character count; nil then
    /// means the caller counts them (`AuditEntry.characters`). The one place a withheld text is digested:
    /// its own bytes when already normal, else its normal form's, one pass of SHA-256 (or HMAC) either way.
    static func withheld(_ text: String, key: AuditKey?) -> (simpleCharacters: Int?, digest: SHA256.Digest) {
        // The text's bytes read in place (no copy of the string to call `withUTF8` on).
        if let simple = text.utf8.withContiguousStorageIfAvailable({ b in
            simpleNormalCharacters(b).map { ($0, digest(UnsafeRawBufferPointer(b), key: key)) }
        }) {
            if let simple { return (simple.0, simple.1) }
        } else {
            var copy = text
            if let simple = copy.withUTF8({ b in simpleNormalCharacters(b).map { ($0, digest(UnsafeRawBufferPointer(b), key: key)) } }) {
                return (simple.0, simple.1)
            }
        }
        return (nil, normalizedBytes(text).withUnsafeBytes { digest($0, key: key) })
    }

    /// The SHA-256 of `bytes`, or their HMAC-SHA256 under `key` when given (from its prepared pads).
    static func digest(_ bytes: UnsafeRawBufferPointer, key: AuditKey?) -> SHA256.Digest {
        if let code = key?.code(bytes) { return code }
        var h = SHA256()
        h.update(bufferPointer: bytes)
        return h.finalize()
    }

    /// The number of characters of `b` when it is already in normal form (no white space but single spaces
    /// between words) and made only of printable ASCII, DEL, U+00A1…U+02FF (Latin letters and signs, no
    /// combining marks) and U+2010…U+2027, U+2030…U+205E (dashes, quotes, bullets and other punctuation):
    /// its normal form is then itself, and each of its scalars is a character of its own (none of them
    /// extends or joins another). Nil otherwise. Eight bytes of ASCII are tested at a time.
    static func simpleNormalCharacters(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = b.baseAddress, b.count > 0 else { return 0 }
        let n = b.count
        guard p[0] != 0x20, p[n - 1] != 0x20 else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var characters = n
        var space = false
        var i = 0
        while i < n {
            if i + 8 <= n {
                let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if x & highs == 0 {
                    guard (x &- 0x20 &* ones) & ~x & highs == 0 else { return nil }
                    let y = x ^ (0x20 &* ones)
                    let spaces = ~(((y & low7) &+ low7) | y) & highs  // the high bit of each byte that is a space
                    guard spaces & (spaces >> 8 | (space ? 0x80 : 0)) == 0 else { return nil }
                    space = spaces >> 63 != 0
                    i += 8
                    continue
                }
            }
            let c = p[i]
            if c < 0x80 {
                guard c >= 0x20, !(space && c == 0x20) else { return nil }
                space = c == 0x20
                i += 1
                continue
            }
            space = false
            switch c {
            case 0xC2:  // U+00A1…U+00BF
                guard i + 1 < n, p[i + 1] >= 0xA1, p[i + 1] <= 0xBF else { return nil }
                characters -= 1
                i += 2
            case 0xC3 ... 0xCB:  // U+00C0…U+02FF
                guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return nil }
                characters -= 1
                i += 2
            case 0xE2:  // U+2010…U+2027, U+2030…U+205E
                guard i + 2 < n else { return nil }
                let c1 = p[i + 1], c2 = p[i + 2]
                guard c2 & 0xC0 == 0x80,
                      (c1 == 0x80 && ((0x90 ... 0xA7).contains(c2) || c2 >= 0xB0)) || (c1 == 0x81 && c2 <= 0x9E)
                else { return nil }
                characters -= 2
                i += 3
            default:
                return nil
            }
        }
        return characters
    }

    /// `sha256:<hex>` of `bytes`.
    public static func sha256(_ bytes: some DataProtocol) -> String {
        prefixedHex(sha256Prefix, SHA256.hash(data: bytes))
    }

    /// `prefix` followed by the lower-case hex of `digest`, written straight into the string's storage
    /// (`writeHex`).
    static func prefixedHex(_ prefix: String, _ digest: some ContiguousBytes) -> String {
        digest.withUnsafeBytes { d in
            let p = prefix.utf8.count
            return String(unsafeUninitializedCapacity: p + 2 * d.count) { out in
                var i = 0
                for c in prefix.utf8 {
                    out[i] = c
                    i += 1
                }
                writeHex(d, to: UnsafeMutableRawPointer(out.baseAddress! + i))
                return i + 2 * d.count
            }
        }
    }

    /// Writes the lower-case hex of `d` at `out` (`2 * d.count` bytes), the one hex writer of the audit
    /// code (`prefixedHex`, `CanonicalJSON.Writer.digest`): four bytes at a time spread to their eight digits
    /// in one 64-bit word (`hexDigits`), with one store, about a third of the instructions of a table
    /// lookup per byte; the last few bytes one by one.
    @inline(__always)
    static func writeHex(_ d: UnsafeRawBufferPointer, to out: UnsafeMutableRawPointer) {
        let n = d.count
        var i = 0
        while i + 4 <= n {
            let x = UInt64(UInt32(littleEndian: d.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
            out.storeBytes(of: hexDigits(x).littleEndian, toByteOffset: 2 * i, as: UInt64.self)
            i += 4
        }
        while i < n {
            let b = d[i]
            out.storeBytes(of: hexDigit(b >> 4), toByteOffset: 2 * i, as: UInt8.self)
            out.storeBytes(of: hexDigit(b & 0x0F), toByteOffset: 2 * i + 1, as: UInt8.self)
            i += 1
        }
    }

    /// The eight lower-case hex digits of the four bytes in the low half of `x` (the first in the lowest
    /// byte), the first byte's high digit in the lowest byte of the result: each byte moved to a 16-bit lane,
    /// its two nibbles split into the lane's two bytes, then `0`…`9`, `a`…`f` added to all eight at once
    /// (a nibble of 10 or more carries into bit 4 when 6 is added: 0x27 more for the letters).
    @inline(__always)
    static func hexDigits(_ x: UInt64) -> UInt64 {
        var s = (x | x << 16) & 0x0000_FFFF_0000_FFFF
        s = (s | s << 8) & 0x00FF_00FF_00FF_00FF
        let nibbles = (s >> 4) & 0x000F_000F_000F_000F | (s & 0x000F_000F_000F_000F) << 8
        let letters = ((nibbles &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        return nibbles &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
    }

    /// Replaces `out` with `prefix` and the lower-case hex of `digest`, in place (its storage kept when it
    /// has that length): what `prefixedHex` spells, for a caller that writes the same field entry after entry.
    static func writePrefixedHex(_ prefix: String, _ digest: some ContiguousBytes, into out: inout [UInt8]) {
        digest.withUnsafeBytes { d in
            let p = prefix.utf8.count
            let n = p + 2 * d.count
            if out.count != n { out = [UInt8](repeating: 0, count: n) }
            out.withUnsafeMutableBytes { o in
                var i = 0
                for c in prefix.utf8 {
                    o[i] = c
                    i += 1
                }
                if let base = o.baseAddress { writeHex(d, to: base + p) }
            }
        }
    }

    /// The lower-case hex digit of `v` (0…15).
    @inline(__always) static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? v &+ 0x30 : v &+ 0x57 }
}
