/// Why a proof could not be made; `isUsageError` tells a wrong request (exit 2) from a log that could not
/// be read (exit 1).
public enum AuditProofError: Error, Sendable, Equatable, CustomStringConvertible {
    case log(AuditLogError)
    case noSuchEntry(path: String, entry: Int, count: Int)
    case documentEntry(path: String, entry: Int, line: Int)
    case keyRequired(path: String, entry: Int, line: Int)
    case wrongKey(path: String, entry: Int, line: Int)

    /// True for a request that cannot be answered as asked (bad entry number, document entry, key problems).
    public var isUsageError: Bool {
        if case .log = self { return false }
        return true
    }

    /// The message, naming the log, line and entry and what to do.
    public var description: String {
        switch self {
        case .log(let e): e.description
        case .noSuchEntry(let p, let n, let c):
            c == 0 ? "\(p): no entry \(n): the log is empty" : "\(p): no entry \(n): the log's entries are numbered 1–\(c)"
        case .documentEntry(let p, let n, let l):
            "\(p):\(l): entry \(n) is a document entry (it records a release, not a withheld text): give the number of a unit or span entry"
        case .keyRequired(let p, let n, let l):
            "\(p):\(l): entry \(n)'s digest is keyed (hmac-sha256): give the log's key with --key FILE or DECLASS_AUDIT_KEY"
        case .wrongKey(let p, let n, let l):
            "\(p):\(l): the key does not match entry \(n)'s MAC: give the key the log was written with (if it is, the entry was changed: run `declass audit verify \(p) --key FILE`)"
        }
    }
}
