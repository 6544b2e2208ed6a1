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
        // Denied in full when there is content and all of it is withheld (read without copying decisions).
        var content = false
        for d in decisions {
            switch d.kind {
            case .paragraph, .heading, .subject, .text, .references:  // `contentKinds`
                if d.action != .withhold { return .releaseInPart }
                content = true
            default:
                continue
            }
        }
        return content ? .deniedInFull : .releaseInPart
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
