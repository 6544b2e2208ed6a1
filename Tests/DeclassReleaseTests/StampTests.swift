import DeclassKit
import Testing

/// `ReleaseStamp`'s lines, written as bytes, against the same lines interpolated as strings, for every mix
/// of the optional fields and one- and two-digit months and days.
@Suite struct StampTests {
    static let optionSets: [ReleaseOptions] = {
        var out: [ReleaseOptions] = []
        for caseID in [nil, "F-2026-01234", "F-Zürich \"x\""] {
            for docNo in [nil, "C05512345"] {
                for date in ["2026-11-27", "2027-01-05", "2026-10-09"] {
                    out.append(ReleaseOptions(caseID: caseID, docNo: docNo, reviewAuthority: docNo == nil ? nil : "Jane Doe",
                                              releaseDate: day(date)))
                }
            }
        }
        return out
    }()

    /// The stamp's lines as interpolated strings.
    static func reference(_ review: Review, _ classification: ReleaseClassification, _ options: ReleaseOptions) -> [String] {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let date = options.releaseDate
        let caseNo = options.caseID.map { " Case No. \($0)" } ?? ""
        let docNo = options.docNo.map { " Doc No. \($0)" } ?? ""
        var lines = [classification.bannerText]
        lines.append("U.S. Department of State\(caseNo)\(docNo) Date: \(two(date.month))/\(two(date.day))/\(date.year)")
        lines.append(review.stampLine)
        if let a = options.reviewAuthority { lines.append("REVIEW AUTHORITY: \(a)") }
        lines.append("POLICY: \(review.policyName) version \(review.policyVersion) (sha256 \(review.policyDigest.prefix(16))…) AS OF: \(review.asOf) TOOL: declass \(DeclassVersion.current)")
        return lines
    }

    @Test func stampLinesEqualTheirInterpolatedForm() throws {
        let cable = try Fixture.seed("09ASTANA435")
        let review = try Fixture.engine("foia-release").decide(cable, asOf: day("2026-11-24"))
        let classification = ReleaseClassification(cable: cable, review: review)
        for options in Self.optionSets {
            let stamp = ReleaseStamp(review: review, classification: classification, options: options)
            #expect(stamp.lines == Self.reference(review, classification, options))
        }
    }

    /// The department and policy lines are kept from one stamp to the next only while what they are made
    /// of is the same: stamps made in turn for two policies, two dates and two case numbers each show their own.
    @Test func stampsMadeInTurnForDifferentReviewsAndOptionsShowTheirOwnLines() throws {
        let cable = try Fixture.seed("09ASTANA435")
        var reviews: [Review] = []
        for policy in ["foia-release", "release-all"] {
            for date in ["2026-11-24", "2029-03-13"] {
                reviews.append(try Fixture.engine(policy).decide(cable, asOf: day(date)))
            }
        }
        let options = [ReleaseOptions(caseID: "F-2026-00001", releaseDate: day("2026-11-27")),
                       ReleaseOptions(caseID: "F-2026-00002", releaseDate: day("2026-11-28"))]
        for _ in 0 ..< 2 {
            for review in reviews {
                let classification = ReleaseClassification(cable: cable, review: review)
                for o in options {
                    let stamp = ReleaseStamp(review: review, classification: classification, options: o)
                    #expect(stamp.lines == Self.reference(review, classification, o))
                }
            }
        }
    }
}
