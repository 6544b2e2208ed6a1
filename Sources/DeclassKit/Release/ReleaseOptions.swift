/// What the reviewer adds to a release: the FOIA case, the document number, who reviewed it and when.
public struct ReleaseOptions: Sendable {
    /// The FOIA case number (`F-2026-01234`).
    public var caseID: String?
    /// The document number within the case (`C05512345`).
    public var docNo: String?
    /// The reviewer or office that authorised the release (`Jane Doe, Senior Reviewer`).
    public var reviewAuthority: String?
    /// The date printed on the stamp (the day of the release).
    public var releaseDate: CivilDate

    public init(caseID: String? = nil, docNo: String? = nil, reviewAuthority: String? = nil, releaseDate: CivilDate) {
        self.caseID = caseID
        self.docNo = docNo
        self.reviewAuthority = reviewAuthority
        self.releaseDate = releaseDate
    }
}
