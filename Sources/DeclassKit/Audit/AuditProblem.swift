/// How an audit log was found broken.
public enum AuditTampering: String, Sendable, Hashable, Codable, CaseIterable {
    /// A line's content differs from what was written (MAC, chain or form).
    case changed
    /// Entries are missing (a gap in `seq`).
    case removed
    /// Entries stand out of order.
    case reordered
    /// An entry appears twice.
    case inserted
    /// The last line is incomplete.
    case truncated
}

/// The first broken entry of an audit log: its line, how it is broken and the evidence.
public struct AuditProblem: Sendable, Hashable, CustomStringConvertible {
    /// The log.
    public var path: String
    /// 1-based line number in the log.
    public var line: Int
    /// Changed, removed, reordered, inserted or truncated.
    public var kind: AuditTampering
    /// What is wrong, naming the entries involved.
    public var message: String

    /// A problem found at `line`.
    public init(path: String, line: Int, kind: AuditTampering, message: String) {
        self.path = path
        self.line = line
        self.kind = kind
        self.message = message
    }

    /// `LOG:LINE: KIND: message`.
    public var description: String { "\(path):\(line): \(kind.rawValue): \(message)" }
}
