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
        var b: [UInt8] = []
        appendExemptionLine(to: &b)
        return String(decoding: b, as: UTF8.self)
    }

    /// `RELEASE IN PART B1, 1.4(B), 1.4(D), B6`.
    public var stampLine: String {
        let disposition = self.disposition
        guard disposition != .releaseInFull else { return disposition.stampWords }
        // Written as bytes in one buffer and made a string once (the exemption line joined from an array of
        // strings, then interpolated, built four strings per call: the emit and audit stages each ask once).
        var b: [UInt8] = []
        b.reserveCapacity(64)
        b.appendUTF8(disposition.stampWords)
        let words = b.count
        b.append(0x20)
        appendExemptionLine(to: &b)
        return b.count == words + 1 ? disposition.stampWords : String(decoding: b, as: UTF8.self)
    }

    /// Appends `exemptionLine`'s bytes to `b`: the exemptions applied, sorted, each once, B1's followed by the
    /// authority of the first decision that gives one with B1 (any decision, as `exemptionLine` always read
    /// it). One pass over the decisions, read in place, collects both.
    private func appendExemptionLine(to b: inout [UInt8]) {
        var seen: [Exemption] = []
        var b1Authority: String?
        for k in decisions.indices {
            if b1Authority == nil, let a = decisions[k].authority, decisions[k].exemption?.isClassified == true { b1Authority = a }
            switch decisions[k].action {
            case .release: continue
            case .withhold: if let e = decisions[k].exemption, !seen.contains(e) { seen.append(e) }
            case .redact: for s in decisions[k].spans { if let e = s.exemption, !seen.contains(e) { seen.append(e) } }
            }
        }
        // Few exemptions: sorted in place by insertion, in the order `exemptions` (`sorted()`) gives them.
        for i in seen.indices.dropFirst() {
            var j = i
            while j > 0, seen[j] < seen[j - 1] {
                seen.swapAt(j, j - 1)
                j -= 1
            }
        }
        for (i, e) in seen.enumerated() {
            if i > 0 { b.appendLiteral(", ") }
            b.appendUTF8(e.code)
            if e.isClassified, let a = b1Authority {
                b.appendLiteral(", ")
                b.appendUTF8(a)
            }
        }
    }
}
