/// The answer to "is this the text withheld at entry N?": the entry and whether the candidate matches.
public struct AuditProof: Sendable, Hashable, CustomStringConvertible {
    /// The entry proved against.
    public var entry: AuditEntry
    /// True when the candidate's normal form has the entry's digest.
    public var matches: Bool

    /// A proof outcome.
    public init(entry: AuditEntry, matches: Bool) {
        self.entry = entry
        self.matches = matches
    }

    /// `entry 12 (09ASTANA435 ¶4, B1): the text matches` / `… does not match`.
    public var description: String {
        var what = [entry.cable ?? entry.file, entry.unit].compactMap { $0 }.joined(separator: " ")
        if let e = entry.exemption { what += ", \(e)" }
        return "entry \(entry.seq) (\(what)): the text \(matches ? "matches" : "does not match")"
    }
}
