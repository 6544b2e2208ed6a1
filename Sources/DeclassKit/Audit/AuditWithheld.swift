/// One withheld unit or redacted span as the emitter knows it, with its text. The text only goes into
/// the digest; the description and mirror of this value never show it.
public struct AuditWithheld: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// `.unit` or `.span` (not `.document`).
    public var kind: AuditKind
    /// `¶4`, `subject`, `routing@3`.
    public var unit: String
    /// First line of the unit or span (1-based).
    public var line: Int
    /// `.withhold` or `.redact` (not `.release`).
    public var action: PolicyAction
    /// The winning rule; nil when the policy's default decided.
    public var rule: String?
    /// Every matching rule, the winner first.
    public var rules: [String]
    /// `B1`, `B6`; nil when none applies.
    public var exemption: Exemption?
    /// `1.4(B), 1.4(D)` for B1.
    public var authority: String?
    /// The withheld text, as it stands in the input.
    public var text: String

    /// A withheld unit or redacted span.
    public init(kind: AuditKind, unit: String, line: Int, action: PolicyAction, rule: String?, rules: [String],
                exemption: Exemption?, authority: String?, text: String) {
        self.kind = kind
        self.unit = unit
        self.line = line
        self.action = action
        self.rule = rule
        self.rules = rules
        self.exemption = exemption
        self.authority = authority
        self.text = text
    }

    /// `span ¶4 line 12 redact B6 (23 characters)`: never the text.
    public var description: String {
        "\(kind.rawValue) \(unit) line \(line) \(action) \(exemption?.code ?? "-") (\(text.count) characters)"
    }

    /// A mirror without the text, so that `dump` and test failures do not print it.
    public var customMirror: Mirror {
        Mirror(self, children: ["kind": kind, "unit": unit, "line": line, "action": action, "rule": rule as Any,
                                "rules": rules, "exemption": exemption as Any, "authority": authority as Any,
                                "characters": text.count])
    }
}
