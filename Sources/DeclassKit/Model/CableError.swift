/// Why an input could not be read as a cable; each message names the input and, where it applies, the line.
public enum CableError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case isDirectory(path: String)
    case unreadable(path: String, reason: String)
    case empty(name: String)
    case binary(name: String, line: Int, offset: Int)
    case invalidUTF8(name: String, line: Int, offset: Int)
    case notACable(name: String)
    case tooLarge(name: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .notFound(let p): "\(p): no such file"
        case .isDirectory(let p): "\(p): is a directory, not a cable file"
        case .unreadable(let p, let r): "\(p): cannot read: \(r)"
        case .empty(let n): "\(n): empty file: no cable text"
        case .binary(let n, let l, let o): "\(n):\(l): binary data (NUL byte at offset \(o)): not a cable text file"
        case .invalidUTF8(let n, let l, let o): "\(n):\(l): invalid UTF-8 at byte offset \(o): convert the file to UTF-8"
        case .notACable(let n): "\(n):1: not a cable: no classification banner, E.O. line, TAGS or SUBJECT found"
        case .tooLarge(let n, let b, let l): "\(n): \(b) bytes is larger than the \(l)-byte limit for one cable"
        }
    }
}
