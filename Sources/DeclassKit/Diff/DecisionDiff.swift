/// The units of one cable whose decision differs between two reviews: two policies (`--against`) or two
/// dates (`--against-as-of`), or both. It compares the engine's decisions; it holds no cable text.
public struct DecisionDiff: Sendable, Codable {
    /// The cable's id and file.
    public var cable: String?
    public var file: String
    /// The two reviews compared: policy name, version, digest and date.
    public var before: ReviewInfo
    public var after: ReviewInfo
    /// The units whose decision differs, in unit order.
    public var changes: [DecisionChange]

    /// What a review was made under.
    public struct ReviewInfo: Sendable, Hashable, Codable {
        public var policy: String
        public var version: String
        public var digest: String
        public var asOf: CivilDate
        public var declassified: Bool
        public var stamp: String

        init(_ r: Review) {
            policy = r.policyName
            version = r.policyVersion
            digest = r.policyDigest
            asOf = r.asOf
            declassified = r.eligibility.isDeclassified(on: r.asOf)
            stamp = r.stampLine
        }
    }

    /// Compares `before` and `after`, two reviews of `cable`.
    public init(cable: Cable, before a: Review, after b: Review) {
        self.cable = cable.id
        file = cable.name
        before = ReviewInfo(a)
        after = ReviewInfo(b)
        var changes: [DecisionChange] = []
        for (x, y) in zip(a.decisions, b.decisions) where x.rule != "structure" {
            let s = DecisionSide(x), t = DecisionSide(y)
            let sameSpans = x.spans.map { [$0.range.lowerBound, $0.range.upperBound] } == y.spans.map { [$0.range.lowerBound, $0.range.upperBound] }
            guard s != t || !sameSpans else { continue }
            let direction: DecisionChange.Direction = t.rank < s.rank ? .newlyReleased : t.rank > s.rank ? .newlyWithheld : .changed
            changes.append(DecisionChange(unit: x.unit, label: x.label, line: cable.units[x.unit].firstLine, before: s, after: t,
                                          direction: direction, why: DecisionDiff.why(a, b, s, t)))
        }
        self.changes = changes
    }

    /// Why a unit's decision changed: the declassification date passing (or not yet reached), else the
    /// rules that decided each side.
    static func why(_ a: Review, _ b: Review, _ s: DecisionSide, _ t: DecisionSide) -> String {
        let da = a.eligibility.isDeclassified(on: a.asOf), db = b.eligibility.isDeclassified(on: b.asOf)
        if da != db {
            let passed = db ? b.eligibility : a.eligibility
            let what = passed.basis == .automatic ? "automatic declassification" : passed.basis == .declassified ? "declassification" : "DECL"
            let on = passed.date.map { " on \($0)" } ?? ""
            return db ? "\(what) passed\(on)" : "\(what)\(on) not yet reached"
        }
        let r1 = s.rule ?? "default", r2 = t.rule ?? "default"
        return r1 == r2 ? "rule \(r1)" : "rule \(r1) → \(r2)"
    }

    /// The changed units' labels, in order (`¶1`, `¶2`, …).
    public var labels: [String] { changes.map(\.label) }
}

extension DecisionDiff: Report {
    /// One line per changed unit: `¶4: withheld B1 → released (DECL passed)`.
    public func text() -> String { text(style: .plain) }

    /// The changes as text, coloured when `style` colours (released green, withheld red).
    public func text(style: DiffStyle) -> String {
        var out = style.paint("\(cable ?? "—") (\(file)): \(before.policy) as of \(before.asOf) → \(after.policy) as of \(after.asOf)", DiffStyle.bold) + "\n"
        if before.stamp != after.stamp { out += "  stamp: \(before.stamp) → \(after.stamp)\n" }
        if changes.isEmpty { out += "  no unit's decision differs\n" }
        for c in changes {
            let codes = c.direction == .newlyReleased ? DiffStyle.green : c.direction == .newlyWithheld ? DiffStyle.red : DiffStyle.yellow
            out += "  " + style.paint(c.summary, codes) + "\n"
        }
        return out
    }
}
