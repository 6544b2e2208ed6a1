/// The State Department's wording for what a release does with a document.
public enum Disposition: String, Sendable, Hashable, Codable {
    /// Nothing withheld: `RELEASE IN FULL`.
    case releaseInFull = "release-in-full"
    /// Some portions withheld or redacted: `RELEASE IN PART B1, 1.4(B), 1.4(D), B6`.
    case releaseInPart = "release-in-part"
    /// No content released: `DENIED IN FULL`.
    case deniedInFull = "denied-in-full"

    /// The stamp's words without the exemptions.
    public var stampWords: String {
        switch self {
        case .releaseInFull: "RELEASE IN FULL"
        case .releaseInPart: "RELEASE IN PART"
        case .deniedInFull: "DENIED IN FULL"
        }
    }
}

extension Review {
    /// Units whose release decides between "in part" and "denied in full": the cable's content.
    static let contentKinds: Set<UnitKind> = [.paragraph, .heading, .subject, .text, .references]

    /// What the release does with the cable.
    public var disposition: Disposition {
        guard withholdsAnything else { return .releaseInFull }
        let content = decisions.filter { Review.contentKinds.contains($0.kind) }
        if !content.isEmpty, content.allSatisfy({ $0.action == .withhold }) { return .deniedInFull }
        return .releaseInPart
    }

    /// The exemptions for the stamp, B1 followed by its authority: `B1, 1.4(B), 1.4(D), B6`.
    public var exemptionLine: String {
        var parts: [String] = []
        for e in exemptions {
            parts.append(e.code)
            if e.isClassified, let a = decisions.first(where: { $0.exemption == e && $0.authority != nil })?.authority { parts.append(a) }
        }
        return parts.joined(separator: ", ")
    }

    /// `RELEASE IN PART B1, 1.4(B), 1.4(D), B6`.
    public var stampLine: String {
        let line = exemptionLine
        return disposition == .releaseInFull || line.isEmpty ? disposition.stampWords : "\(disposition.stampWords) \(line)"
    }
}
