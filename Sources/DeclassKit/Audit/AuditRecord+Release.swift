extension AuditRecord {
    /// The record of one written release: an entry per part it withheld or redacted (their texts digested,
    /// never stored), then the document written to `output`.
    public init(release withheld: [WithheldPart], review: Review, cable: Cable, policy: Policy, output: String, bytes: [UInt8],
                caseID: String?, docNo: String?) {
        let context = AuditContext(cable: cable.id, file: cable.name, policy: AuditPolicy(policy), asOf: review.asOf,
                                   caseID: caseID, docNo: docNo)
        let parts = withheld.map {
            AuditWithheld(kind: $0.action == .withhold ? .unit : .span, unit: $0.label, line: $0.line, action: $0.action,
                          rule: $0.rule, rules: $0.action == .withhold ? $0.rules : [$0.rule].compactMap { $0 },
                          exemption: $0.exemption, authority: $0.authority, text: $0.text)
        }
        self.init(context: context, withheld: parts,
                  document: AuditDocument(disposition: review.disposition, stamp: review.stampLine, output: output, bytes: bytes))
    }
}
