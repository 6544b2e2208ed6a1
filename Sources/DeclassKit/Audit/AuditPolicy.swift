/// The policy an audit entry was decided under: name, version and `sha256:<hex>` of its files.
public struct AuditPolicy: Sendable, Hashable, Codable {
    /// The policy's name (`foia-release`).
    public var name: String
    /// The policy's version.
    public var version: String
    /// `sha256:<hex>`; a bare hex digest is given the prefix.
    public var digest: String

    /// A policy reference; `digest` may be bare hex (as `Policy.digest` is) or already `sha256:`-prefixed.
    public init(name: String, version: String, digest: String) {
        self.name = name
        self.version = version
        self.digest = AuditPolicy.hasColon(digest) ? digest : AuditDigest.sha256Prefix + digest
    }

    /// `digest.contains(":")` (Foundation's search, about 14,000 instructions a call), asked only when a byte
    /// of `digest` is a colon: a digest without one (the bare hex every loaded policy has) cannot hold it.
    /// The bytes are searched in place (`utf8.contains` went through the view's iterator, about 1,900
    /// instructions for a 64-digit hex digest, once per release).
    static func hasColon(_ digest: String) -> Bool {
        let colon = digest.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: ":")) } ?? digest.utf8.contains(UInt8(ascii: ":"))
        return colon && digest.contains(":")
    }

    /// The reference to a loaded policy.
    public init(_ policy: Policy) {
        self.init(name: policy.name, version: policy.version, digest: policy.digest)
    }

    var canonical: CanonicalJSON {
        .object(["name": .string(name), "version": .string(version), "digest": .string(digest)])
    }
}
