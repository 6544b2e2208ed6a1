/// A unit whose decision differs between two reviews of one cable (two policies or two dates).
public struct DecisionChange: Sendable, Hashable, Codable {
    /// Which way a change goes.
    public enum Direction: String, Sendable, Hashable, Codable {
        /// Less is withheld after than before (withheld → released, withheld → redacted, redacted → released).
        case newlyReleased = "newly-released"
        /// More is withheld after than before.
        case newlyWithheld = "newly-withheld"
        /// The same action, with another rule, exemption or spans.
        case changed
    }

    /// The index of the unit in `cable.units`, its label and first line.
    public var unit: Int
    public var label: String
    public var line: Int
    public var before: DecisionSide
    public var after: DecisionSide
    public var direction: Direction
    /// Why, in a few words: `DECL passed`, `automatic declassification passed`, `rule routing → release`.
    public var why: String

    /// `¶4: withheld B1 → released (DECL passed on 2029-03-12)`; when both sides read the same, the rules
    /// are named (`withheld B1 by classified-not-declassified → withheld B1 by fail-closed`).
    public var summary: String {
        guard before.words == after.words else { return "\(label): \(before.words) → \(after.words) (\(why))" }
        return "\(label): \(before.words) by \(before.rule ?? "default") → \(after.words) by \(after.rule ?? "default") (\(why))"
    }
}
