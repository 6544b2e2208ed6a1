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

    /// `¶4: withheld B1 → released (DECL passed)`.
    public var summary: String { "\(label): \(before.words) → \(after.words) (\(why))" }
}
