/// Something the parser noticed and repaired or could not read, with the line it concerns, so that a
/// reviewer can check every guess the tool made.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How much the reviewer should care.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// A rendering artifact repaired or a form normalised.
        case note
        /// Something read with a guess, or unreadable and failed closed.
        case warning
    }

    public var severity: Severity
    /// A stable identifier for the kind of finding (`paragraph-renumbered`, `two-digit-year`, …).
    public var code: String
    /// 1-based line in the input.
    public var line: Int
    public var message: String

    public init(_ severity: Severity, _ code: String, line: Int, _ message: String) {
        self.severity = severity
        self.code = code
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(severity.rawValue): \(message) [\(code)]" }
}
