/// The engine's result for one cable under one policy at one date: a decision for every unit (and every
/// redacted span), the cable's eligibility, and overlap warnings. Deterministic; it holds no cable text.
public struct Review: Sendable {
    public var cableID: String?
    public var cableName: String
    public var policyName: String
    public var policyVersion: String
    public var policyDigest: String
    public var asOf: CivilDate
    public var eligibility: Eligibility
    /// One decision per unit, in unit order (`decisions[k]` is about `cable.units[k]`).
    public var decisions: [Decision]
    public var overlaps: [Overlap]
    /// Things the reviewer must know (B1 without Classified By reasons, …).
    public var warnings: [String]

    /// The exemptions applied, in order, each once (`B1`, `B6`).
    public var exemptions: [Exemption] {
        // The union of every decision's `exemptionsApplied`, read without building them.
        var seen: [Exemption] = []
        for d in decisions {
            switch d.action {
            case .release: continue
            case .withhold: if let e = d.exemption, !seen.contains(e) { seen.append(e) }
            case .redact: for s in d.spans { if let e = s.exemption, !seen.contains(e) { seen.append(e) } }
            }
        }
        return seen.sorted()
    }

    /// True when something is withheld or redacted.
    public var withholdsAnything: Bool { decisions.contains { $0.action != .release } }
}

/// What happens to one unit, which rule decided it and why.
public struct Decision: Sendable, Hashable {
    /// Index of the unit in `cable.units`.
    public var unit: Int
    /// `¶4`, `subject`, `routing@3`.
    public var label: String
    public var kind: UnitKind
    public var action: PolicyAction
    /// The winning rule's id; nil when the policy's default decided; `fail-closed` or `structure` for the
    /// engine's own decisions.
    public var rule: String?
    /// Every rule that matched, the winner first, then in file order.
    public var matchingRules: [String]
    public var exemption: Exemption?
    /// The classification authority for B1 (`1.4(B), 1.4(D)`).
    public var authority: String?
    public var reason: String?
    /// Redacted spans, for `redact` decisions.
    public var spans: [RedactionSpan]

    /// The exemptions this decision applies (its own, or its spans').
    public var exemptionsApplied: [Exemption] {
        switch action {
        case .release: []
        case .withhold: exemption.map { [$0] } ?? []
        case .redact: Array(Set(spans.compactMap(\.exemption))).sorted()
        }
    }
}

/// A span of a unit replaced by `[REDACTED B6]`.
public struct RedactionSpan: Sendable, Hashable {
    /// Source byte range in the cable.
    public var range: Range<Int>
    public var rule: String
    /// The exemption; nil for a policy that excludes text without a FOIA exemption (`exemption: none`).
    public var exemption: Exemption?
    /// True when the span was not matched here but repeats text the rule matched elsewhere in the cable.
    public var propagated: Bool
    /// Characters (not bytes) redacted, as the words read them.
    public var length: Int
}

/// Released text that repeats six or more consecutive words of withheld text: the reviewer decides
/// whether the release gives the withheld text away.
public struct Overlap: Sendable, Hashable {
    /// The released (or redacted) unit and the withheld one, as indices and labels.
    public var released: Int
    public var withheld: Int
    public var releasedLabel: String
    public var withheldLabel: String
    /// The number of consecutive words shared (at least six).
    public var words: Int
}
