import ArgumentParser
import DeclassKit
import Foundation

/// The options `redact` and `export` share: the audit log they append to, and what the stamp says.
struct ReviewOptions: ParsableArguments {
    @Option(help: "Append an entry per withheld part and per document to this audit log (JSON Lines).")
    var audit: String?

    @Option(name: .customLong("audit-key"), help: "File holding the key of the audit log's HMAC digests (else DECLASS_AUDIT_KEY).")
    var auditKey: String?

    @Option(name: .customLong("case"), help: "The FOIA case number printed on the stamp (F-2026-01234).")
    var caseID: String?

    @Option(name: .customLong("doc-no"), help: "The document number printed on the stamp.")
    var docNo: String?

    @Option(name: .customLong("review-authority"), help: "Who authorised the release, printed on the stamp.")
    var reviewAuthority: String?

    /// The audit key from `--audit-key` or the environment (nil: none); warns when a log is kept without one.
    func key() throws -> AuditKey? {
        let key = try AuditKey.resolve(path: auditKey, environment: ProcessInfo.processInfo.environment)
        if audit != nil, key == nil { printError(AuditKey.missingKeyWarning) }
        return key
    }

    /// The stamp's fields, dated today.
    var releaseOptions: ReleaseOptions {
        ReleaseOptions(caseID: caseID, docNo: docNo, reviewAuthority: reviewAuthority, releaseDate: CivilDate.today())
    }
}
