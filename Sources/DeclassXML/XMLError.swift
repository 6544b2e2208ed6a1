/// Why an XML document could not be written, read or validated; messages name the file and line.
public enum XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxml2's writer failed (out of memory): nothing is written.
    case writer(String)
    /// The document is not well-formed XML.
    case malformed(name: String, line: Int, message: String)
    /// The document has a DOCTYPE: DTDs and entity declarations are refused before anything in them is read.
    case doctype(name: String, line: Int)
    /// The document does not follow the schema; one entry per libxml2 error.
    case invalid(name: String, problems: [XMLProblem])
    /// The document is larger than a cable document can be.
    case tooLarge(name: String, bytes: Int, limit: Int)
    /// The shipped schema could not be loaded (a broken install).
    case schema(String)
    /// The file could not be read.
    case unreadable(name: String, reason: String)

    public var description: String {
        switch self {
        case .writer(let m): "XML writer: \(m): nothing written"
        case .malformed(let n, let l, let m): "\(n):\(l): not well-formed XML: \(m)"
        case .doctype(let n, let l): "\(n):\(l): the document has a DOCTYPE: DTDs and entities are refused (nothing in them is read or expanded)"
        case .invalid(let n, let p):
            p.isEmpty ? "\(n): not valid against the declass cable schema" : p.map { "\(n):\($0.line): \($0.message)" }.joined(separator: "\n")
        case .tooLarge(let n, let b, let l): "\(n): \(b) bytes is larger than the \(l)-byte limit for a cable document"
        case .schema(let m): "the shipped XSD could not be loaded: \(m) (reinstall declass)"
        case .unreadable(let n, let r): "\(n): cannot read: \(r)"
        }
    }
}

/// One error libxml2 reported about a document: its line and message.
public struct XMLProblem: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var message: String

    /// A problem at `line`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "\(line): \(message)" }
}
