extension AuditRecord {
    /// The record of one written release: an entry per part it withheld or redacted (their texts digested,
    /// never stored), then the document written to `output`.
    public init(release withheld: [WithheldPart], review: Review, cable: Cable, policy: Policy, output: String, bytes: [UInt8],
                caseID: String?, docNo: String?) {
        let context = AuditRecord.releaseContext(review: review, cable: cable, policy: policy, caseID: caseID, docNo: docNo)
        let parts = withheld.map {
            AuditWithheld(kind: $0.action == .withhold ? .unit : .span, unit: $0.label, line: $0.line, action: $0.action,
                          rule: $0.rule, rules: $0.action == .withhold ? $0.rules : [$0.rule].compactMap { $0 },
                          exemption: $0.exemption, authority: $0.authority, text: $0.text)
        }
        self.init(context: context, withheld: parts, document: AuditRecord.releaseDocument(review: review, output: output, bytes: bytes))
    }

    /// What a release's entries share: its cable, the policy, the date and the case.
    static func releaseContext(review: Review, cable: Cable, policy: Policy, caseID: String?, docNo: String?) -> AuditContext {
        AuditContext(cable: cable.id, file: cable.name, policy: AuditPolicy(policy), asOf: review.asOf, caseID: caseID, docNo: docNo)
    }

    /// A release's document: its disposition and stamp, where it went and its bytes.
    static func releaseDocument(review: Review, output: String, bytes: [UInt8]) -> AuditDocument {
        AuditDocument(disposition: review.disposition, stamp: review.stampLine, output: output, bytes: bytes)
    }
}
