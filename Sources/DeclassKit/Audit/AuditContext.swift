/// What every audit entry of one cable's release shares: the cable, the policy, the date and the case.
public struct AuditContext: Sendable, Hashable {
    /// The cable id (`09ASTANA435`), nil when the parser found none.
    public var cable: String?
    /// The input's name as given (`-` for standard input).
    public var file: String
    /// The policy decided under.
    public var policy: AuditPolicy
    /// The date decisions were made on.
    public var asOf: CivilDate { didSet { asOfText = asOf.description } }
    /// `asOf` as the entries write it (`YYYY-MM-DD`), formatted once.
    private(set) var asOfText: String
    /// The FOIA case id (`--case`).
    public var caseID: String?
    /// The document number (`--doc-no`).
    public var docNo: String?
    /// `declass <version>`.
    public var tool: String

    /// The shared fields of one cable's entries.
    public init(cable: String?, file: String, policy: AuditPolicy, asOf: CivilDate, caseID: String? = nil,
                docNo: String? = nil, tool: String = AuditEntry.tool) {
        self.cable = cable
        self.file = file
        self.policy = policy
        self.asOf = asOf
        self.asOfText = asOf.description
        self.caseID = caseID
        self.docNo = docNo
        self.tool = tool
    }
}
