import Foundation

/// Everything one cable's release puts in the audit log: one entry per withheld unit or redacted span, in
/// the order given, then one for the document.
public struct AuditRecord: Sendable, Hashable {
    /// The cable, policy, date and case.
    public var context: AuditContext
    /// Withheld units and redacted spans, in the order they get entries.
    public var withheld: [AuditWithheld]
    /// The release as written.
    public var document: AuditDocument

    /// One cable's release.
    public init(context: AuditContext, withheld: [AuditWithheld], document: AuditDocument) {
        self.context = context
        self.withheld = withheld
        self.document = document
    }

    /// The record's entries (not yet numbered or chained), digests computed under `key`, stamped `time`.
    /// The time is formatted once for all of them (they share it), not once per entry.
    public func entries(key: AuditKey?, time: Date) throws(AuditLogError) -> [AuditEntry] {
        let timestamp = AuditEntry.timestamp(time)
        var out: [AuditEntry] = []
        out.reserveCapacity(withheld.count + 1)
        for w in withheld { out.append(try AuditEntry(withheld: w, context: context, key: key, timestamp: timestamp)) }
        out.append(AuditEntry(document: document, context: context, timestamp: timestamp))
        return out
    }
}
