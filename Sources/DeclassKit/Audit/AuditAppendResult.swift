/// What an append wrote, and anything the caller must print.
public struct AuditAppendResult: Sendable, Hashable {
    /// The entries as written: numbered, chained and (with a key) MACed.
    public var entries: [AuditEntry]
    /// Bytes of an incomplete last line removed before appending (0 when the log was whole).
    public var repairedBytes: Int
    /// Lines for standard error (`audit: removed an incomplete last line (N bytes) left by an interrupted write`).
    public var warnings: [String]

    /// An append's outcome.
    public init(entries: [AuditEntry], repairedBytes: Int) {
        self.entries = entries
        self.repairedBytes = repairedBytes
        self.warnings = repairedBytes > 0 ? [AuditAppendResult.repairWarning(bytes: repairedBytes)] : []
    }

    /// `audit: removed an incomplete last line (N bytes) left by an interrupted write`.
    public static func repairWarning(bytes: Int) -> String {
        "audit: removed an incomplete last line (\(bytes) bytes) left by an interrupted write"
    }
}
