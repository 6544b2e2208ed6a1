/// Decision changes over many cables: per rule, how many units are newly released and newly withheld,
/// and in which cables; with each cable's changes.
public struct DiffSummary: Sendable, Codable {
    /// One rule's changes. A newly released unit counts for the rule that withheld it before; a newly
    /// withheld (or otherwise changed) unit for the rule that decides it after. `default` is the policy's default.
    public struct Row: Sendable, Hashable, Codable {
        public var rule: String
        public var newlyReleased: Int
        public var newlyWithheld: Int
        public var changed: Int
        /// The cables with a change under this rule (ids, else file names), in input order.
        public var cables: [String]

        /// A row of the table.
        public init(rule: String, newlyReleased: Int, newlyWithheld: Int, changed: Int, cables: [String]) {
            self.rule = rule
            self.newlyReleased = newlyReleased
            self.newlyWithheld = newlyWithheld
            self.changed = changed
            self.cables = cables
        }
    }

    /// The number of cables compared, and the names of those with a change.
    public var compared: Int
    public var cablesChanged: [String]
    public var rows: [Row]
    /// Every cable's comparison, in input order.
    public var cables: [DecisionDiff]

    /// Sums up `diffs`.
    public init(_ diffs: [DecisionDiff]) {
        compared = diffs.count
        cables = diffs
        cablesChanged = diffs.filter { !$0.changes.isEmpty }.map { $0.cable ?? $0.file }
        var rows: [String: Row] = [:]
        var order: [String] = []
        for d in diffs {
            let name = d.cable ?? d.file
            for c in d.changes {
                let rule = (c.direction == .newlyReleased ? c.before.rule : c.after.rule) ?? "default"
                if rows[rule] == nil {
                    rows[rule] = Row(rule: rule, newlyReleased: 0, newlyWithheld: 0, changed: 0, cables: [])
                    order.append(rule)
                }
                switch c.direction {
                case .newlyReleased: rows[rule]!.newlyReleased += 1
                case .newlyWithheld: rows[rule]!.newlyWithheld += 1
                case .changed: rows[rule]!.changed += 1
                }
                if !rows[rule]!.cables.contains(name) { rows[rule]!.cables.append(name) }
            }
        }
        self.rows = order.sorted().map { rows[$0]! }
    }
}

extension DiffSummary: Report {
    /// The table, then each changed cable's changes.
    public func text() -> String { text(style: .plain) }

    /// The table (rule, newly released, newly withheld, changed, cables), then each changed cable's
    /// changes, coloured when `style` colours.
    public func text(style: DiffStyle) -> String {
        var out = style.paint("\(compared) cable\(compared == 1 ? "" : "s") compared, \(cablesChanged.count) with changes", DiffStyle.bold) + "\n"
        if let first = cables.first {
            out += "\(first.before.policy) as of \(first.before.asOf) → \(first.after.policy) as of \(first.after.asOf)\n"
        }
        out += "\n"
        let width = max(28, (rows.map(\.rule.count).max() ?? 0) + 2)
        out += style.paint("rule".column(width) + "newly released  newly withheld  changed  cables", DiffStyle.bold) + "\n"
        for r in rows {
            out += r.rule.column(width) + String(r.newlyReleased).column(16) + String(r.newlyWithheld).column(16)
                + String(r.changed).column(9) + r.cables.joined(separator: ", ") + "\n"
        }
        if rows.isEmpty { out += "(no unit's decision differs)\n" }
        for d in cables where !d.changes.isEmpty {
            out += "\n" + d.text(style: style)
        }
        return out
    }
}
