/// Why an audit log could not be appended to or read; each message names the log (and line) and what to do.
/// Nothing is written when appending fails.
public enum AuditLogError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case cannotLock(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case invalidLastLine(path: String, line: Int, reason: String)
    case invalidLine(path: String, line: Int, reason: String)
    case keyedLogWithoutKey(path: String, line: Int)
    case unkeyedLogWithKey(path: String, line: Int)
    case wrongKey(path: String, line: Int)
    case notWithheld(unit: String, reason: String)

    /// The message, naming the log and line and what to do.
    public var description: String {
        switch self {
        case .cannotOpen(let p, let r): "\(p): cannot open the audit log: \(r)"
        case .cannotLock(let p, let r): "\(p): cannot lock the audit log: \(r)"
        case .cannotRead(let p, let r): "\(p): cannot read the audit log: \(r)"
        case .cannotWrite(let p, let r): "\(p): cannot write the audit log (nothing was added): \(r)"
        case .invalidLastLine(let p, let l, let r):
            "\(p):\(l): the last line is not a valid audit entry (\(r)): nothing was appended; run `declass audit verify \(p)` and repair or move the log"
        case .invalidLine(let p, let l, let r): "\(p):\(l): not a valid audit entry (\(r)): run `declass audit verify \(p)`"
        case .keyedLogWithoutKey(let p, let l):
            "\(p):\(l): the log's entries carry MACs but no key was given: give the log's key (--audit-key FILE or DECLASS_AUDIT_KEY) or write to a new log"
        case .unkeyedLogWithKey(let p, let l):
            "\(p):\(l): the log was written without a key but a key was given: write keyed entries to a new log, or append without the key"
        case .wrongKey(let p, let l):
            "\(p):\(l): the given key does not match the MAC of the log's last entry: give the key the log was written with (or run `declass audit verify \(p) --key FILE`)"
        case .notWithheld(let u, let r): "\(u): not a withheld unit or redacted span (\(r)): only withheld text goes into unit and span entries"
        }
    }
}
