import Foundation

extension AuditEntry {
    /// The entry for a withheld unit or redacted span: the library digests the text (normal form, keyed when
    /// `key` is given) and counts its characters; the entry never holds the text. Refuses a `.document` kind
    /// or a `.release` action. `seq`, `prev` and `mac` are set when the entry is appended.
    public init(withheld w: AuditWithheld, context: AuditContext, key: AuditKey?, time: Date = Date()) throws(AuditLogError) {
        guard w.kind != .document else { throw AuditLogError.notWithheld(unit: w.unit, reason: "kind is document") }
        guard w.action != .release else { throw AuditLogError.notWithheld(unit: w.unit, reason: "action is release") }
        self.init(kind: w.kind, time: AuditEntry.timestamp(time), tool: context.tool, cable: context.cable,
                  file: context.file, unit: w.unit, line: w.line, action: w.action.name, rule: w.rule, rules: w.rules,
                  exemption: w.exemption?.code, authority: w.authority, length: w.text.count,
                  digest: AuditDigest.ofWithheld(w.text, key: key), policy: context.policy,
                  asOf: context.asOf.description, caseID: context.caseID, docNo: context.docNo)
    }

    /// The entry for a released document: disposition, stamp, output path and `sha256:<hex>` of the output's
    /// bytes (a plain digest: the release is public, so anyone holding it can check it against the log).
    public init(document d: AuditDocument, context: AuditContext, time: Date = Date()) {
        self.init(kind: .document, time: AuditEntry.timestamp(time), tool: context.tool, cable: context.cable,
                  file: context.file, unit: nil, line: nil, action: d.disposition.rawValue, rule: nil, rules: [],
                  exemption: nil, authority: nil, length: nil, digest: AuditDigest.sha256(d.bytes), stamp: d.stamp,
                  output: d.output, policy: context.policy, asOf: context.asOf.description, caseID: context.caseID,
                  docNo: context.docNo)
    }

    /// ISO-8601 UTC to the second: `2026-11-24T09:30:00Z`.
    public static func timestamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// True for a withheld unit or a redacted span (not a document entry).
    public var isWithheld: Bool { kind != .document }
}
