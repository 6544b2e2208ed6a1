/// A part of a unit that a release withholds (the whole unit) or redacts (a span): what decided it and
/// how much it covers, never its words.
public struct DiffPart: Sendable, Hashable, Codable {
    /// `withhold` for a withheld unit, `redact` for a redacted span.
    public var action: String
    /// The rule that decided it (nil: the policy's default).
    public var rule: String?
    /// The FOIA exemption (`B1`, `B6`); nil for a policy that claims none.
    public var exemption: String?
    /// The classification authority for B1 (`1.4(B), 1.4(D)`).
    public var authority: String?
    /// The rule's reason, as the policy writes it.
    public var reason: String?
    /// 1-based line of the original where the part starts.
    public var line: Int
    /// The number of words withheld.
    public var words: Int
    /// True for a span that repeats text the rule redacted elsewhere in the cable.
    public var propagated: Bool

    /// `B1 1.4(B), 1.4(D)`, `B6`, or `no exemption`.
    public var exemptionText: String {
        guard let exemption else { return "no exemption" }
        return authority.map { "\(exemption) \($0)" } ?? exemption
    }

    /// `withheld B1 1.4(B), 1.4(D) by classified-not-declassified`.
    public var summary: String {
        "\(action == "withhold" ? "withheld" : "redacted") \(exemptionText) by \(rule ?? "the policy's default")"
    }

    /// What the original side shows instead of the words without `--show-original`:
    /// `[NOT SHOWN: 97 words withheld B1]`.
    public var notice: String {
        "[NOT SHOWN: \(words) word\(words == 1 ? "" : "s") \(action == "withhold" ? "withheld" : "redacted")\(exemption.map { " \($0)" } ?? "")]"
    }
}
