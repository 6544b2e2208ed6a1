/// A secret the leak checker does not look for, and why: so that the caller can say that it was not checked.
public struct SkippedSecret: Sendable, Equatable, CustomStringConvertible {
    /// Why a secret is not looked for.
    public enum Reason: Sendable, Equatable {
        /// The text has no words (only punctuation or white space): nothing could leak.
        case noWords
        /// The text is a single word of fewer than `LeakChecker.minimumSingleWordLength` characters (`B1`,
        /// `49`, `C`): such a token stands in stamps, markers, dates and ordinary prose, so looking for it
        /// would stop nearly every release.
        case tooShort(characters: Int)
    }

    /// The label of the unit the secret comes from.
    public var unit: String
    /// The id of the rule that withheld or redacted it, when known.
    public var rule: String?
    /// Why it is not looked for.
    public var reason: Reason

    /// A secret of `unit` (withheld or redacted by `rule`) not looked for because of `reason`.
    public init(unit: String, rule: String?, reason: Reason) {
        self.unit = unit
        self.rule = rule
        self.reason = reason
    }

    /// `withheld text of ¶4 (rule personal-details) is a single word of 2 characters: not checked for leaks …`;
    /// never the text itself.
    public var description: String {
        let by = rule.map { " (rule \($0))" } ?? ""
        switch reason {
        case .noWords:
            return "withheld text of \(unit)\(by) has no words: nothing to check for leaks"
        case .tooShort(let n):
            return "withheld text of \(unit)\(by) is a single word of \(n) character\(n == 1 ? "" : "s"): "
                + "too common to check for leaks, not checked; review the output by hand for it"
        }
    }
}
