/// Why an audit key could not be read; each message names the file or variable and what to do.
public enum AuditKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case isDirectory(path: String)
    case unreadable(path: String, reason: String)
    case emptyFile(path: String)
    case emptyEnvironment(variable: String)
    case emptyBytes

    /// The message, naming the file or variable.
    public var description: String {
        switch self {
        case .notFound(let p): "\(p): no such key file"
        case .isDirectory(let p): "\(p): is a directory, not a key file"
        case .unreadable(let p, let r): "\(p): cannot read the key file: \(r)"
        case .emptyFile(let p): "\(p): empty key file: an audit key must not be empty (write a random secret into it, e.g. `head -c 32 /dev/urandom | base64 > \(p)`)"
        case .emptyEnvironment(let v): "\(v) is set but empty: set it to a secret or unset it"
        case .emptyBytes: "an audit key must not be empty"
        }
    }
}
