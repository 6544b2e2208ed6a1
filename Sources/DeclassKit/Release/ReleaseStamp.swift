/// The stamp at the top of a release, in the form the State Department's FOIA releases use:
///
///     UNCLASSIFIED
///     U.S. Department of State Case No. F-2026-01234 Doc No. C05512345 Date: 11/27/2026
///     RELEASE IN PART B1, 1.4(B), 1.4(D), B6
///     REVIEW AUTHORITY: Jane Doe, Senior Reviewer
///     POLICY: foia-release version 1 (sha256 02da05d0df04a996…) AS OF: 2026-11-24 TOOL: declass 0.1.0
public struct ReleaseStamp: Sendable {
    /// The stamp's lines.
    public let lines: [String]

    public init(review: Review, classification: ReleaseClassification, options: ReleaseOptions) {
        var lines = [classification.bannerText]
        lines.reserveCapacity(5)
        let date = options.releaseDate
        // One interpolation: the line is built in one buffer, not grown piece by piece.
        let caseNo = options.caseID.map { " Case No. \($0)" } ?? ""
        let docNo = options.docNo.map { " Doc No. \($0)" } ?? ""
        lines.append("U.S. Department of State\(caseNo)\(docNo) Date: \(ReleaseStamp.twoDigits(date.month))/\(ReleaseStamp.twoDigits(date.day))/\(date.year)")
        lines.append(review.stampLine)
        if let a = options.reviewAuthority { lines.append("REVIEW AUTHORITY: \(a)") }
        lines.append("POLICY: \(review.policyName) version \(review.policyVersion) (sha256 \(review.policyDigest.prefix(16))…) AS OF: \(review.asOf) TOOL: declass \(DeclassVersion.current)")
        self.lines = lines
    }

    /// `n` with a leading zero below 10 (`07`, `11`).
    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The stamp as text, one line each, followed by a blank line.
    public var text: String { lines.joined(separator: "\n") + "\n\n" }
}
