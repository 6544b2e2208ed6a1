/// Whether an audit log's entries carry MACs and whether they were checked.
public enum AuditMACStatus: String, Sendable, Hashable, Codable {
    /// Every entry's MAC was checked with the key.
    case verified
    /// The entries carry MACs but no key was given: only the chain was checked.
    case notCheckedWithoutKey
    /// The log was written without a key: it has no MACs.
    case absent
}

/// The outcome of `AuditVerifier.verify`: the entries checked, the MACs' status, and the first broken
/// entry when there is one.
public struct AuditVerification: Sendable, Hashable, CustomStringConvertible {
    /// The log.
    public var path: String
    /// Entries that checked out (all of them when the log is intact; those before the problem otherwise).
    public var entries: Int
    /// Whether MACs were checked.
    public var macs: AuditMACStatus
    /// The first broken entry; nil when the log is intact.
    public var problem: AuditProblem?
    /// `sha256:<hex>` of the last line: record it elsewhere to detect later removal of the log's tail.
    public var head: String

    /// A verification outcome.
    public init(path: String, entries: Int, macs: AuditMACStatus, problem: AuditProblem?, head: String) {
        self.path = path
        self.entries = entries
        self.macs = macs
        self.problem = problem
        self.head = head
    }

    /// True when no entry is broken.
    public var isIntact: Bool { problem == nil }

    /// `LOG: 12 entries, chain intact, MACs verified`, or the problem (`LOG:7: removed: entry 7 is missing …`).
    public var description: String {
        if let problem { return problem.description }
        let count = entries == 1 ? "1 entry" : "\(entries) entries"
        let macText = switch macs {
        case .verified: "MACs verified"
        case .notCheckedWithoutKey: "MACs not checked: cannot check the MACs without the key (--key FILE or DECLASS_AUDIT_KEY)"
        case .absent: "MACs not checked: the log has none (it was written without a key)"
        }
        return "\(path): \(count), chain intact, \(macText)"
    }
}
