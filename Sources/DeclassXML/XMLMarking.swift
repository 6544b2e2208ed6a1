/// The security marking of the document or of one part, in the IC-ISM vocabulary where it has a token and
/// in declass's own attributes where it has none (SBU as written, E.O. 12958 `X1`…`X8`, `OADR`, controls
/// such as `FGI` or `EFTO`). `ism:ownerProducer` is always `USA`.
public struct XMLMarking: Sendable, Hashable, Codable {
    /// `ism:classification`: `U`, `C`, `S` or `TS` (SBU is `U` with `ism:nonICmarkings="SBU"`).
    public var classification: String
    /// `ism:disseminationControls`: `NF`, `OC`, `REL`, `FOUO`, … (space-separated in XML).
    public var disseminationControls: [String]
    /// `ism:releasableTo`: `USA GBR NATO`, only when every country of a `REL TO` has an ISM code.
    public var releasableTo: [String]
    /// `ism:nonICmarkings`: `SBU` or `SBU-NF`.
    public var nonICMarkings: [String]
    /// `ism:classifiedBy`: the Classified By line's classifier.
    public var classifiedBy: String?
    /// `ism:classificationReason`: `1.4(B), 1.4(D)`.
    public var classificationReason: String?
    /// `ism:declassDate`: `2029-03-12`.
    public var declassDate: String?
    /// `ism:declassException`: ISM tokens only (`25X1`, `50X1-HUM`).
    public var declassException: [String]
    /// `declass:mark`: the portion mark as the cable wrote it, canonical (`SBU`, `S//NF`, `?` for unreadable).
    public var mark: String?
    /// `declass:markSource`: `inherited`, `entire-text` or `banner` (a part that carries no mark); nil for a
    /// mark written on the portion (and for the root).
    public var markSource: String?
    /// `declass:controls`: controls with no ISM token, or with a country list ISM cannot carry (`FGI`, `REL TO UK`).
    public var controls: [String]
    /// `declass:declassKind`: the kind of the E.O. line (`date`, `oadr`, `exemption`, `not-applicable`, …).
    public var declassKind: String?
    /// `declass:declassExemptions`: exemptions with no ISM token (E.O. 12958 `X1`…`X8`, `1.6X1`).
    public var oldExemptions: [String]
    /// `declass:declassified`: true when the part is counted unclassified because the cable is declassified
    /// at the release's as-of date (its `declass:mark` keeps the original level).
    public var declassified: Bool

    /// A marking from its fields; everything but the classification is optional.
    public init(classification: String, disseminationControls: [String] = [], releasableTo: [String] = [], nonICMarkings: [String] = [],
                classifiedBy: String? = nil, classificationReason: String? = nil, declassDate: String? = nil,
                declassException: [String] = [], mark: String? = nil, markSource: String? = nil, controls: [String] = [],
                declassKind: String? = nil, oldExemptions: [String] = [], declassified: Bool = false) {
        self.classification = classification
        self.disseminationControls = disseminationControls
        self.releasableTo = releasableTo
        self.nonICMarkings = nonICMarkings
        self.classifiedBy = classifiedBy
        self.classificationReason = classificationReason
        self.declassDate = declassDate
        self.declassException = declassException
        self.mark = mark
        self.markSource = markSource
        self.controls = controls
        self.declassKind = declassKind
        self.oldExemptions = oldExemptions
        self.declassified = declassified
    }
}
