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
    /// Its disposition line, `review.stampLine` (`RELEASE IN PART B1, 1.4(B), 1.4(D), B6`): the audit log's
    /// document entry records it (read here, it is not made a second time).
    public let dispositionLine: String

    public init(review: borrowing Review, classification: borrowing ReleaseClassification, options: borrowing ReleaseOptions) {
        // Reserved before the first line: `[bannerText]` allocated for one line, then again for five.
        var lines: [String] = []
        lines.reserveCapacity(5)
        lines.append(classification.bannerText)
        lines.append(ReleaseStamp.departmentLine(options))
        dispositionLine = review.stampLine
        lines.append(dispositionLine)
        if let a = options.reviewAuthority { lines.append("REVIEW AUTHORITY: \(a)") }
        lines.append(ReleaseStamp.policyLine(review))
        self.lines = lines
    }

    /// What the department line is made of.
    private struct DepartmentInputs: Equatable {
        var caseID: String?
        var docNo: String?
        var date: CivilDate
    }

    /// What the policy line is made of (the tool's version is fixed).
    private struct PolicyInputs: Equatable {
        var name: String
        var version: String
        var digest: String
        var asOf: CivilDate
    }

    private static let departmentLines = StampLineCache<DepartmentInputs>()
    private static let policyLines = StampLineCache<PolicyInputs>()

    /// `U.S. Department of State Case No. F-2026-01234 Doc No. C05512345 Date: 11/27/2026`: the last one made
    /// when the options' case, document number and date are the same (a run's releases share them).
    static func departmentLine(_ options: borrowing ReleaseOptions) -> String {
        let inputs = DepartmentInputs(caseID: options.caseID, docNo: options.docNo, date: options.releaseDate)
        return departmentLines.line(for: inputs) { makeDepartmentLine(inputs) }
    }

    /// `POLICY: foia-release version 1 (sha256 02da05d0df04a996…) AS OF: 2026-11-24 TOOL: declass 0.1.0`: the last
    /// one made when the review's policy and date are the same (the reviews of one engine and date share them).
    static func policyLine(_ review: borrowing Review) -> String {
        let inputs = PolicyInputs(name: review.policyName, version: review.policyVersion, digest: review.policyDigest, asOf: review.asOf)
        return policyLines.line(for: inputs) { makePolicyLine(inputs) }
    }

    /// The department line made anew. The two long lines are built as bytes in one buffer each and made a
    /// string once: interpolating them appended to a growing string piece by piece (about 19,000 instructions
    /// a stamp).
    private static func makeDepartmentLine(_ options: DepartmentInputs) -> String {
        let date = options.date
        return ReleaseStamp.line { b in
            b.appendLiteral("U.S. Department of State")
            if let c = options.caseID {
                b.appendLiteral(" Case No. ")
                b.appendUTF8(c)
            }
            if let d = options.docNo {
                b.appendLiteral(" Doc No. ")
                b.appendUTF8(d)
            }
            b.appendLiteral(" Date: ")
            ReleaseStamp.appendTwoDigits(date.month, to: &b)
            b.append(UInt8(ascii: "/"))
            ReleaseStamp.appendTwoDigits(date.day, to: &b)
            b.append(UInt8(ascii: "/"))
            b.appendDecimal(date.year)
        }
    }

    /// The policy line made anew.
    private static func makePolicyLine(_ policy: PolicyInputs) -> String {
        ReleaseStamp.line { b in
            b.appendLiteral("POLICY: ")
            b.appendUTF8(policy.name)
            b.appendLiteral(" version ")
            b.appendUTF8(policy.version)
            b.appendLiteral(" (sha256 ")
            ReleaseStamp.appendPrefix16(policy.digest, to: &b)
            b.appendLiteral("…) AS OF: ")
            b.appendUTF8(policy.asOf.description)
            b.appendLiteral(" TOOL: declass ")
            b.appendUTF8(DeclassVersion.current)
        }
    }

    /// The line `body` writes as UTF-8 bytes (whole strings only, so the bytes are valid UTF-8).
    private static func line(_ body: (inout [UInt8]) -> Void) -> String {
        var b: [UInt8] = []
        b.reserveCapacity(160)
        body(&b)
        return String(decoding: b, as: UTF8.self)
    }

    /// Appends `n` with a leading zero below 10 (`07`, `11`).
    private static func appendTwoDigits(_ n: Int, to b: inout [UInt8]) {
        if n < 10 { b.append(UInt8(ascii: "0")) }
        b.appendDecimal(n)
    }

    /// Appends `String(text.prefix(16))`'s bytes: the first 16 bytes when the first 17 (or all, when fewer)
    /// are ASCII other than CR (each is then a character of its own, and none joins the 16th: the digest's
    /// hex always is), else the first 16 characters counted by `String`.
    static func appendPrefix16(_ text: String, to b: inout [UInt8]) {
        let done = text.utf8.withContiguousStorageIfAvailable { t -> Bool in
            let look = t.prefix(17)
            guard !look.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return false }
            b.append(contentsOf: UnsafeBufferPointer(rebasing: t.prefix(16)))
            return true
        }
        if done != true { b.appendUTF8(String(text.prefix(16))) }
    }

    /// The stamp as text, one line each, followed by a blank line.
    public var text: String { lines.joined(separator: "\n") + "\n\n" }
}
