/// What an audit entry records: a withheld unit, a redacted span, or the document as released.
public enum AuditKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A whole unit (paragraph, subject, header line) withheld (or redacted whole).
    case unit
    /// A span inside a unit, replaced by `[REDACTED B6]`.
    case span
    /// The release of one cable: its disposition, stamp, output and the output's digest.
    case document
}
