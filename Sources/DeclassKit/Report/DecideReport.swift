import Foundation

/// What `declass decide` shows: each unit's decision and why, the cable's eligibility and the stamp the
/// release will carry. It names units, rules and lengths, never withheld text.
public struct DecideReport: Codable, Sendable, Report {
    /// A redacted span, by position and length.
    public struct Span: Codable, Sendable {
        public var start: Int
        public var end: Int
        public var line: Int
        public var length: Int
        public var rule: String
        public var exemption: String?
        public var propagated: Bool
    }

    /// One unit's decision.
    public struct Unit: Codable, Sendable {
        public var unit: Int
        public var label: String
        public var kind: String
        public var line: Int
        public var mark: String?
        public var action: String
        public var rule: String?
        public var matchingRules: [String]
        public var exemption: String?
        public var authority: String?
        public var reason: String?
        public var spans: [Span]
    }

    /// An overlap warning.
    public struct OverlapWarning: Codable, Sendable {
        public var released: String
        public var withheld: String
        public var words: Int
    }

    /// The policy that decided.
    public struct PolicyInfo: Codable, Sendable {
        public var name: String
        public var version: String
        public var digest: String
        public var files: [String]
    }

    /// The eligibility and whether it has passed.
    public struct EligibilityInfo: Codable, Sendable {
        public var date: CivilDate?
        public var basis: String
        public var reasoning: String
        public var declassified: Bool
    }

    public var cable: String?
    public var file: String
    public var policy: PolicyInfo
    public var asOf: CivilDate
    public var eligibility: EligibilityInfo
    public var disposition: String
    public var stamp: String
    public var exemptions: [String]
    public var units: [Unit]
    public var overlaps: [OverlapWarning]
    public var warnings: [String]

    /// Builds the report of a review of `cable` under `policy`.
    public init(cable: Cable, review: Review, policy: Policy) {
        self.cable = review.cableID
        file = cable.name
        self.policy = PolicyInfo(name: policy.name, version: policy.version, digest: policy.digest, files: policy.files)
        asOf = review.asOf
        eligibility = EligibilityInfo(date: review.eligibility.date, basis: review.eligibility.basis.rawValue,
                                      reasoning: review.eligibility.reasoning, declassified: review.eligibility.isDeclassified(on: review.asOf))
        disposition = review.disposition.rawValue
        stamp = review.stampLine
        exemptions = review.exemptions.map(\.code)
        units = review.decisions.filter { $0.rule != "structure" }.map { d in
            let u = cable.units[d.unit]
            return Unit(unit: d.unit, label: d.label, kind: d.kind.rawValue, line: u.firstLine, mark: u.marking?.canonical,
                        action: d.action.name, rule: d.rule, matchingRules: d.matchingRules, exemption: d.exemption?.code,
                        authority: d.authority, reason: d.reason,
                        spans: d.spans.map { s in
                            Span(start: s.range.lowerBound, end: s.range.upperBound, line: cable.line(at: s.range.lowerBound),
                                 length: s.length, rule: s.rule, exemption: s.exemption?.code, propagated: s.propagated)
                        })
        }
        overlaps = review.overlaps.map { OverlapWarning(released: $0.releasedLabel, withheld: $0.withheldLabel, words: $0.words) }
        warnings = review.warnings
    }



    /// The dry run as text: header, one line per unit, spans, overlaps, warnings.
    public func text() -> String {
        var out = ""
        func field(_ name: String, _ value: String) { out += name.column(13) + value + "\n" }
        field("Cable", "\(cable ?? "—") (\(file))")
        field("Policy", "\(policy.name) version \(policy.version) (sha256 \(policy.digest.prefix(16))…)")
        field("As of", asOf.description)
        field("Eligibility", eligibility.reasoning)
        field("Declassified", eligibility.declassified ? "yes, as of \(asOf)" : "no, as of \(asOf)")
        field("Stamp", stamp)
        out += "\n"
        out += "unit".column(18) + "line  " + "mark".column(12)
            + "action    exemption  authority        rule\n"
        for u in units {
            var line = u.label.column(18)
            line += String(u.line).column(6)
            line += (u.mark ?? "—").column(12)
            line += u.action.column(10)
            line += (u.exemption ?? "—").column(11)
            line += (u.authority ?? "—").column(17)
            line += u.rule ?? "(default)"
            if u.matchingRules.count > 1 { line += "  [also: \(u.matchingRules.dropFirst().joined(separator: ", "))]" }
            out += line + "\n"
            for s in u.spans {
                out += "    span line \(s.line), \(s.length) chars: \(s.exemption ?? "excluded") by \(s.rule)\(s.propagated ? " (repeats text redacted elsewhere)" : "")\n"
            }
        }
        if !overlaps.isEmpty {
            out += "\nOverlaps (released text repeating withheld text):\n"
            for o in overlaps { out += "  \(o.released) repeats \(o.words) words of withheld \(o.withheld)\n" }
        }
        if !warnings.isEmpty {
            out += "\nWarnings:\n"
            for w in warnings { out += "  \(w)\n" }
        }
        return out
    }
}
