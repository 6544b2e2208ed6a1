/// A cable's release as written: disposition, stamp, where it went and its bytes (digested, not stored).
public struct AuditDocument: Sendable, Hashable {
    /// Released in full, in part, or denied in full.
    public var disposition: Disposition
    /// `RELEASE IN PART B1, 1.4(B), 1.4(D), B6`.
    public var stamp: String
    /// The path written, or `-` for standard output.
    public var output: String
    /// The release output's bytes, exactly as written.
    public var bytes: [UInt8]

    /// A released document.
    public init(disposition: Disposition, stamp: String, output: String, bytes: [UInt8]) {
        self.disposition = disposition
        self.stamp = stamp
        self.output = output
        self.bytes = bytes
    }
}
