/// Withheld text found in an output: which secret (by its unit and rule, never its text), where the hit
/// starts and how many consecutive words of the secret stand there.
public struct Leak: Sendable, Equatable, CustomStringConvertible {
    /// The label of the unit whose withheld or redacted text was found (`¶4`, `subject`).
    public var unit: String
    /// The id of the rule that withheld or redacted it, when known.
    public var rule: String?
    /// How many consecutive words of the secret stand in the output from `offset` on (at least 6 for a
    /// secret of 6 or more words; all of its words for a shorter one).
    public var words: Int
    /// The byte offset in the output where the hit's first word starts.
    public var offset: Int

    /// A leak of `unit`'s text (withheld by `rule`): `words` words at byte `offset` of the output.
    public init(unit: String, rule: String?, words: Int, offset: Int) {
        self.unit = unit
        self.rule = rule
        self.words = words
        self.offset = offset
    }

    /// `withheld text of ¶4 (rule classified-not-declassified) appears in the output at byte 1234 (7 words)`;
    /// never the text itself.
    public var description: String {
        let by = rule.map { " (rule \($0))" } ?? ""
        return "withheld text of \(unit)\(by) appears in the output at byte \(offset) (\(words) word\(words == 1 ? "" : "s"))"
    }
}
