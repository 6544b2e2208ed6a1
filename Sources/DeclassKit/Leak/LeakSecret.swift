/// A text that must not appear in an output: a withheld unit's text or a redacted span's text, with the
/// label of the unit it comes from (`¶4`, `subject`) and the rule that withheld or redacted it.
public struct LeakSecret: Sendable, Equatable {
    /// The withheld or redacted text, as written in the cable (case and white space do not matter).
    public var text: String
    /// The label of the unit the text comes from: `¶4`, `subject`, `header@12`.
    public var unit: String
    /// The id of the rule that withheld or redacted it, when known.
    public var rule: String?

    /// A secret `text` of `unit`, withheld or redacted by `rule`.
    public init(text: String, unit: String, rule: String?) {
        self.text = text
        self.unit = unit
        self.rule = rule
    }
}
