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
        // The two long lines are built as bytes in one buffer each and made a string once: interpolating
        // them appended to a growing string piece by piece (about 19,000 instructions a stamp).
        lines.append(ReleaseStamp.line { b in
            b += "U.S. Department of State".utf8
            if let c = options.caseID {
                b += " Case No. ".utf8
                b += c.utf8
            }
            if let d = options.docNo {
                b += " Doc No. ".utf8
                b += d.utf8
            }
            b += " Date: ".utf8
            ReleaseStamp.appendTwoDigits(date.month, to: &b)
            b.append(UInt8(ascii: "/"))
            ReleaseStamp.appendTwoDigits(date.day, to: &b)
            b.append(UInt8(ascii: "/"))
            b += String(date.year).utf8
        })
        lines.append(review.stampLine)
        if let a = options.reviewAuthority { lines.append("REVIEW AUTHORITY: \(a)") }
        lines.append(ReleaseStamp.line { b in
            b += "POLICY: ".utf8
            b += review.policyName.utf8
            b += " version ".utf8
            b += review.policyVersion.utf8
            b += " (sha256 ".utf8
            b += String(review.policyDigest.prefix(16)).utf8
            b += "…) AS OF: ".utf8
            b += review.asOf.description.utf8
            b += " TOOL: declass ".utf8
            b += DeclassVersion.current.utf8
        })
        self.lines = lines
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
        b += String(n).utf8
    }

    /// The stamp as text, one line each, followed by a blank line.
    public var text: String { lines.joined(separator: "\n") + "\n\n" }
}
