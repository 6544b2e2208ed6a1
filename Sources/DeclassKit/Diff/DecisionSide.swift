/// One side of a decision change: what a review does with a unit, in a few words.
public struct DecisionSide: Sendable, Hashable, Codable {
    /// `release`, `redact` or `withhold`.
    public var action: String
    public var rule: String?
    public var exemption: String?
    public var authority: String?
    /// Exemption codes of the redacted spans, in order, each once.
    public var spanExemptions: [String]
    /// The number of redacted spans.
    public var spans: Int

    /// The side of `d`.
    public init(_ d: Decision) {
        action = d.action.name
        rule = d.rule
        exemption = d.exemption?.code
        authority = d.authority
        var codes: [String] = []
        for s in d.spans { let c = s.exemption?.code ?? "none"; if !codes.contains(c) { codes.append(c) } }
        spanExemptions = codes
        spans = d.spans.count
    }

    /// `withheld B1`, `released`, `redacted B6 (2 spans)`.
    public var words: String {
        switch action {
        case "withhold": "withheld" + (exemption.map { " \($0)" } ?? "")
        case "redact": "redacted \(spanExemptions.joined(separator: ", ")) (\(spans) span\(spans == 1 ? "" : "s"))"
        default: "released"
        }
    }

    /// Ranks sides from the least restrictive (released) to the most (withheld).
    var rank: Int {
        switch action {
        case "withhold": 2
        case "redact": 1
        default: 0
        }
    }
}
