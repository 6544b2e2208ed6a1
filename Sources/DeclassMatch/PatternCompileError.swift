/// Why a set of patterns could not be compiled, and which pattern is to blame.
public struct PatternCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The position of the offending spec in the list given to `PatternDatabase`; nil when the failure
    /// is not specific to one pattern (e.g. the database as a whole is too large).
    public var index: Int?
    /// Vectorscan's reason, as it wrote it (e.g. "Embedded anchors not supported."), with no prefix;
    /// the caller adds the file:line:column of the pattern.
    public var message: String

    /// Creates an error for the spec at `index` (or for the whole list when nil).
    public init(index: Int?, message: String) {
        self.index = index
        self.message = message
    }

    /// The message, preceded by the pattern's index when there is one.
    public var description: String {
        if let index { return "pattern \(index): \(message)" }
        return message
    }
}
