/// A short description of a loaded policy, printed by `declass policy check`.
public struct PolicySummary: Sendable {
    public let text: String

    public init(_ p: Policy) {
        var lines = ["\(p.files.first ?? "-"): ok — policy '\(p.name)' version \(p.version), \(p.rules.count) rule(s), default \(p.defaultAction.name)"
                     + (p.defaultExemption.map { " \($0.code)" } ?? "")]
        lines.append("  sha256 \(p.digest)")
        if p.files.count > 1 { lines.append("  extends " + p.files.dropFirst().joined(separator: " → ")) }
        lines.append("  automatic declassification: " + (p.automaticDeclassificationYears.map { "after \($0) years (31 December)" } ?? "off"))
        for r in p.rules {
            let patterns = r.when.textMatches.count + r.when.terms.count
            lines.append("  \(r.id): \(r.action.name)" + (r.exemption.map { " \($0.code)" } ?? "") + (patterns > 0 ? " (\(patterns) pattern(s))" : "")
                         + "  [\(r.location.line):\(r.location.column)]")
        }
        if !p.allow.isEmpty { lines.append("  allow: " + p.allow.map(\.text).joined(separator: ", ")) }
        text = lines.joined(separator: "\n")
    }
}
