import Foundation

/// One line of an audit log (JSON Lines): a withheld unit, a redacted span, or a released document. It holds
/// a digest of the withheld text, never the text. Every key is always written (null when it does not
/// apply) except `mac`, which only keyed logs carry; the line is the entry's canonical JSON (`CanonicalJSON`).
public struct AuditEntry: Sendable, Hashable, Codable {
    /// 1-based position in the log file.
    public var seq: Int
    /// A withheld unit, a redacted span, or the document.
    public var kind: AuditKind
    /// ISO-8601 UTC, seconds: `2026-11-24T09:30:00Z`.
    public var time: String
    /// `declass 0.1.0`.
    public var tool: String
    /// The cable id (`09ASTANA435`), nil when the parser found none.
    public var cable: String?
    /// The input's name as given (`-` for standard input).
    public var file: String
    /// `¶4`, `subject`; nil for a document entry.
    public var unit: String?
    /// First line of the unit or span; nil for a document entry.
    public var line: Int?
    /// `withhold` or `redact`; for a document entry its disposition (`release-in-part`, …).
    public var action: String
    /// The winning rule; nil when the policy's default decided, and for a document entry.
    public var rule: String?
    /// Every matching rule, the winner first; empty for a document entry.
    public var rules: [String]
    /// `B1`, `B6`; nil when none applies, and for a document entry.
    public var exemption: String?
    /// `1.4(B), 1.4(D)` for B1; nil otherwise.
    public var authority: String?
    /// Characters in the withheld text; nil for a document entry.
    public var length: Int?
    /// `hmac-sha256:<hex>` or `sha256:<hex>` of the withheld text's normal form; for a document entry,
    /// `sha256:<hex>` of the release output's bytes.
    public var digest: String
    /// `RELEASE IN PART B1, 1.4(B), 1.4(D), B6`; document entries only.
    public var stamp: String?
    /// The path the release was written to, or `-`; document entries only.
    public var output: String?
    /// The policy decided under: name, version, digest.
    public var policy: AuditPolicy
    /// `YYYY-MM-DD`.
    public var asOf: String
    /// The FOIA case id (`F-2026-01234`).
    public var caseID: String?
    /// The document number within the case.
    public var docNo: String?
    /// `sha256:<hex>` of the previous line's bytes (without its newline); `AuditDigest.genesis` first.
    public var prev: String
    /// `hmac-sha256:<hex>` of the canonical JSON without `mac`; nil in a log written without a key.
    public var mac: String?

    /// An entry from all its fields; `seq`, `prev` and `mac` are set again when it is appended.
    public init(seq: Int = 0, kind: AuditKind, time: String, tool: String = AuditEntry.tool, cable: String?, file: String,
                unit: String?, line: Int?, action: String, rule: String?, rules: [String], exemption: String?,
                authority: String?, length: Int?, digest: String, stamp: String? = nil, output: String? = nil,
                policy: AuditPolicy, asOf: String, caseID: String?, docNo: String?,
                prev: String = AuditDigest.genesis, mac: String? = nil) {
        self.seq = seq; self.kind = kind; self.time = time; self.tool = tool; self.cable = cable; self.file = file
        self.unit = unit; self.line = line; self.action = action; self.rule = rule; self.rules = rules
        self.exemption = exemption; self.authority = authority; self.length = length; self.digest = digest
        self.stamp = stamp; self.output = output; self.policy = policy; self.asOf = asOf; self.caseID = caseID
        self.docNo = docNo; self.prev = prev; self.mac = mac
    }

    /// `declass <version>`.
    public static let tool = "declass \(DeclassVersion.current)"

    enum CodingKeys: String, CodingKey {
        case seq, kind, time, tool, cable, file, unit, line, action, rule, rules, exemption, authority, length
        case digest, stamp, output, policy, asOf, caseID = "case", docNo, prev, mac
    }

    /// Reads an entry; every key but `mac` must be present (null where it does not apply).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seq = try c.decode(Int.self, forKey: .seq)
        kind = try c.decode(AuditKind.self, forKey: .kind)
        time = try c.decode(String.self, forKey: .time)
        tool = try c.decode(String.self, forKey: .tool)
        cable = try c.decode(String?.self, forKey: .cable)
        file = try c.decode(String.self, forKey: .file)
        unit = try c.decode(String?.self, forKey: .unit)
        line = try c.decode(Int?.self, forKey: .line)
        action = try c.decode(String.self, forKey: .action)
        rule = try c.decode(String?.self, forKey: .rule)
        rules = try c.decode([String].self, forKey: .rules)
        exemption = try c.decode(String?.self, forKey: .exemption)
        authority = try c.decode(String?.self, forKey: .authority)
        length = try c.decode(Int?.self, forKey: .length)
        digest = try c.decode(String.self, forKey: .digest)
        stamp = try c.decode(String?.self, forKey: .stamp)
        output = try c.decode(String?.self, forKey: .output)
        policy = try c.decode(AuditPolicy.self, forKey: .policy)
        asOf = try c.decode(String.self, forKey: .asOf)
        caseID = try c.decode(String?.self, forKey: .caseID)
        docNo = try c.decode(String?.self, forKey: .docNo)
        prev = try c.decode(String.self, forKey: .prev)
        mac = try c.decodeIfPresent(String.self, forKey: .mac)
    }

    /// Writes the entry as the log does (nulls explicit, `mac` only when present).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(kind, forKey: .kind)
        try c.encode(time, forKey: .time)
        try c.encode(tool, forKey: .tool)
        try c.encode(cable, forKey: .cable)
        try c.encode(file, forKey: .file)
        try c.encode(unit, forKey: .unit)
        try c.encode(line, forKey: .line)
        try c.encode(action, forKey: .action)
        try c.encode(rule, forKey: .rule)
        try c.encode(rules, forKey: .rules)
        try c.encode(exemption, forKey: .exemption)
        try c.encode(authority, forKey: .authority)
        try c.encode(length, forKey: .length)
        try c.encode(digest, forKey: .digest)
        try c.encode(stamp, forKey: .stamp)
        try c.encode(output, forKey: .output)
        try c.encode(policy, forKey: .policy)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(caseID, forKey: .caseID)
        try c.encode(docNo, forKey: .docNo)
        try c.encode(prev, forKey: .prev)
        try c.encodeIfPresent(mac, forKey: .mac)
    }
}
