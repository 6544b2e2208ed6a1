import Foundation

/// What an audit log records, counted: withheld units, redacted spans and withheld characters per
/// exemption, per winning rule and per cable, and documents per disposition (`declass audit show`).
public struct AuditSummary: Sendable, Hashable, Codable {
    /// One row of a table: a key (exemption, rule or cable) and its counts.
    public struct Row: Sendable, Hashable, Codable {
        /// `B1`, a rule id or a cable id; `(none)` for entries without one (`(default)` for rules).
        public var key: String
        /// Withheld units.
        public var units: Int
        /// Redacted spans.
        public var spans: Int
        /// Characters withheld (units and spans).
        public var characters: Int

        /// A row with counts.
        public init(key: String, units: Int = 0, spans: Int = 0, characters: Int = 0) {
            self.key = key
            self.units = units
            self.spans = spans
            self.characters = characters
        }
    }

    /// Number of entries in the log.
    public var entries: Int
    /// Rows by exemption, sorted by key.
    public var exemptions: [Row]
    /// Rows by winning rule, sorted by key.
    public var rules: [Row]
    /// Rows by cable id (the file name when the cable has no id), sorted by key.
    public var cables: [Row]
    /// Documents per disposition (`release-in-full`, `release-in-part`, `denied-in-full`), sorted by key.
    public var documents: [String: Int]
    /// Withheld units, redacted spans and characters over the whole log.
    public var total: Row

    /// Counts `entries`.
    public init(entries: [AuditEntry]) {
        var byExemption: [String: Row] = [:]
        var byRule: [String: Row] = [:]
        var byCable: [String: Row] = [:]
        var documents: [String: Int] = [:]
        var total = Row(key: "total")
        func add(_ e: AuditEntry, to row: inout Row) {
            if e.kind == .unit { row.units += 1 } else { row.spans += 1 }
            row.characters += e.length ?? 0
        }
        for e in entries {
            guard e.isWithheld else {
                documents[e.action, default: 0] += 1
                continue
            }
            let ex = e.exemption ?? "(none)", rule = e.rule ?? "(default)", cable = e.cable ?? e.file
            add(e, to: &byExemption[ex, default: Row(key: ex)])
            add(e, to: &byRule[rule, default: Row(key: rule)])
            add(e, to: &byCable[cable, default: Row(key: cable)])
            add(e, to: &total)
        }
        self.entries = entries.count
        self.exemptions = byExemption.values.sorted { $0.key < $1.key }
        self.rules = byRule.values.sorted { $0.key < $1.key }
        self.cables = byCable.values.sorted { $0.key < $1.key }
        self.documents = documents
        self.total = total
    }

    /// Reads and counts the log at `path` (it is not verified: run `AuditVerifier` for that).
    public static func load(path: String) throws(AuditLogError) -> AuditSummary {
        AuditSummary(entries: try AuditLogReader(path: path).entries())
    }

    /// The summary as aligned tables.
    public func text() -> String {
        var out = "\(entries) entries: \(total.units) withheld units, \(total.spans) redacted spans, \(total.characters) characters withheld\n"
        for (title, rows) in [("exemption", exemptions), ("rule", rules), ("cable", cables)] {
            let width = max(title.count, rows.map(\.key.count).max() ?? 0) + 2
            out += "\n" + title.column(width) + "units".column(8) + "spans".column(8) + "characters\n"
            for r in rows { out += r.key.column(width) + "\(r.units)".column(8) + "\(r.spans)".column(8) + "\(r.characters)\n" }
        }
        out += "\ndocuments\n"
        for d in Disposition.allKnown {
            out += d.rawValue.column(18) + "\(documents[d.rawValue] ?? 0)\n"
        }
        for (k, n) in documents.sorted(by: { $0.key < $1.key }) where Disposition(rawValue: k) == nil {
            out += k.column(18) + "\(n)\n"
        }
        return out
    }

    /// The summary as JSON (keys sorted, pretty-printed).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}

extension Disposition {
    /// The three dispositions in the order a summary lists them.
    static let allKnown: [Disposition] = [.releaseInFull, .releaseInPart, .deniedInFull]
}
