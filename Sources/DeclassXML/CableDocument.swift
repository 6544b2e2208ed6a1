/// A cable as the XML (and JSON) export holds it: the cable's identity, its overall marking, the release
/// it comes from, and every part in order. It is what `ReleaseXML` writes and `XMLCableReader` reads back,
/// so that XML → model → XML gives the same document.
public struct CableDocument: Sendable, Hashable, Codable {
    /// Whether the document is a release (withheld text taken out) or the full marked cable.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The releasable version under a policy.
        case release
        /// The full cable with its real markings, for internal systems only.
        case unredacted
    }

    public var kind: Kind
    /// The canonical id (`09ASTANA435`), when the parser found one.
    public var id: String?
    /// The cable's date (`2009-03-12`).
    public var date: String?
    /// The originating post (`ASTANA`).
    public var origin: String?
    /// The cable number (`435`).
    public var serial: Int?
    /// The input file the document was made from.
    public var source: String
    /// The day the document was written (`ism:createDate`).
    public var createDate: String
    /// The marking of the whole document: the release's (recomputed) or the cable's real one.
    public var marking: XMLMarking
    /// The release's policy, date and disposition; nil for an unredacted document.
    public var release: XMLReleaseInfo?
    /// The cable's parts in order (blank lines left out).
    public var parts: [XMLPart]

    /// A document from its fields.
    public init(kind: Kind, id: String?, date: String?, origin: String?, serial: Int?, source: String, createDate: String,
                marking: XMLMarking, release: XMLReleaseInfo?, parts: [XMLPart]) {
        self.kind = kind
        self.id = id
        self.date = date
        self.origin = origin
        self.serial = serial
        self.source = source
        self.createDate = createDate
        self.marking = marking
        self.release = release
        self.parts = parts
    }
}

/// What the release of a document was made under, and what it does (the stamp).
public struct XMLReleaseInfo: Sendable, Hashable, Codable {
    public var policy: String
    public var policyVersion: String
    /// SHA-256 of the policy, hex.
    public var policyDigest: String
    /// The date decisions were made on.
    public var asOf: String
    /// `release-in-full`, `release-in-part` or `denied-in-full`.
    public var disposition: String
    /// The stamp's lines, as the text release prints them.
    public var stamp: [String]

    /// Release information from its fields.
    public init(policy: String, policyVersion: String, policyDigest: String, asOf: String, disposition: String, stamp: [String]) {
        self.policy = policy
        self.policyVersion = policyVersion
        self.policyDigest = policyDigest
        self.asOf = asOf
        self.disposition = disposition
        self.stamp = stamp
    }
}
