import Crypto
import Foundation

/// The secret that keys an audit log: its withheld-text digests are HMAC-SHA256 under it and every entry
/// carries a MAC. It comes from `--audit-key FILE` (the file's bytes, one trailing newline trimmed) or the
/// `DECLASS_AUDIT_KEY` environment variable (its UTF-8 value). Its description never shows the key.
public struct AuditKey: Sendable, Hashable, CustomStringConvertible {
    /// The key's bytes.
    public let bytes: [UInt8]
    /// SHA-256 already fed the key's inner and outer pads: each code copies them rather than keying again.
    private let pads: Pads

    /// The two SHA-256 states of HMAC-SHA256 (RFC 2104) after their first block, the key (hashed when
    /// longer than a block, padded with zeros to one) XORed with 0x36 and with 0x5C. Never updated in
    /// place: copies of their states are copied on write, so sharing them between threads is safe. Used
    /// through the concrete `SHA256` type, so that a code calls no generic HMAC code.
    private struct Pads: @unchecked Sendable {
        let inner: SHA256
        let outer: SHA256

        init(key: [UInt8]) {
            var block = key.count > SHA256.blockByteCount ? Array(SHA256.hash(data: key)) : key
            block += repeatElement(0, count: SHA256.blockByteCount - block.count)
            var inner = SHA256()
            inner.update(data: block.map { $0 ^ 0x36 })
            var outer = SHA256()
            outer.update(data: block.map { $0 ^ 0x5C })
            self.inner = inner
            self.outer = outer
        }
    }

    /// The warning to print when an audit log is written or read without a key.
    public static let missingKeyWarning =
        "audit: no key (--audit-key or DECLASS_AUDIT_KEY): digests are plain SHA-256, and short withheld texts can be guessed from them"

    /// The environment variable that holds a key when no key file is given.
    public static let environmentVariable = "DECLASS_AUDIT_KEY"

    /// A key from bytes; refuses an empty key.
    public init(bytes: [UInt8]) throws(AuditKeyError) {
        guard !bytes.isEmpty else { throw AuditKeyError.emptyBytes }
        self.bytes = bytes
        self.pads = Pads(key: bytes)
    }

    public static func == (a: AuditKey, b: AuditKey) -> Bool { a.bytes == b.bytes }

    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

    /// The key from `path` when given, else from `DECLASS_AUDIT_KEY` in `environment`; nil when neither is
    /// set (the caller then prints `missingKeyWarning`).
    public static func resolve(path: String?, environment: [String: String]) throws(AuditKeyError) -> AuditKey? {
        if let path { return try load(path) }
        guard let value = environment[environmentVariable] else { return nil }
        guard !value.isEmpty else { throw AuditKeyError.emptyEnvironment(variable: environmentVariable) }
        return try AuditKey(bytes: Array(value.utf8))
    }

    /// Reads a key file: its bytes with one trailing newline (`\n` or `\r\n`) trimmed.
    public static func load(_ path: String) throws(AuditKeyError) -> AuditKey {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw AuditKeyError.notFound(path: path) }
        guard !isDirectory.boolValue else { throw AuditKeyError.isDirectory(path: path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw AuditKeyError.unreadable(path: path, reason: String(describing: error.localizedDescription))
        }
        var bytes = [UInt8](data)
        if bytes.last == 0x0A {
            bytes.removeLast()
            if bytes.last == 0x0D { bytes.removeLast() }
        }
        guard !bytes.isEmpty else { throw AuditKeyError.emptyFile(path: path) }
        return try AuditKey(bytes: bytes)
    }

    /// The HMAC-SHA256 of `data` under this key, as `hmac-sha256:<hex>`.
    public func authenticationCode(for data: some DataProtocol) -> String {
        var inner = pads.inner
        for region in data.regions {
            region.withUnsafeBytes { inner.update(bufferPointer: $0) }
        }
        return AuditDigest.prefixedHex(AuditDigest.hmacPrefix, code(inner))
    }

    /// The HMAC-SHA256 of `bytes` under this key, as its 32 bytes: for writers that put its hex straight
    /// into a line instead of building a string.
    func code(_ bytes: UnsafeRawBufferPointer) -> SHA256.Digest {
        var inner = pads.inner
        inner.update(bufferPointer: bytes)
        return code(inner)
    }

    /// The code of a message already fed to `inner` (a copy of the inner pad's state).
    private func code(_ inner: SHA256) -> SHA256.Digest {
        var outer = pads.outer
        inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize()
    }

    /// `AuditKey(N bytes)`: never the key itself.
    public var description: String { "AuditKey(\(bytes.count) bytes)" }
}
