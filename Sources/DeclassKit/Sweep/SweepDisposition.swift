/// What a sweep did with one cable, as its manifest records it.
public enum SweepDisposition: String, Sendable, Hashable, Codable, CaseIterable {
    /// Written, nothing withheld (`RELEASE IN FULL`).
    case releasedInFull = "released-in-full"
    /// Written with parts withheld or redacted (`RELEASE IN PART …`).
    case releasedInPart = "released-in-part"
    /// Written as a release that withholds all content (`DENIED IN FULL`).
    case deniedInFull = "denied-in-full"
    /// Classified and not declassified on the as-of date: nothing written; `until` says when it will be (or never by date).
    case stillClassified = "still-classified"
    /// The cable could not be read, parsed or released safely; `error` says why; nothing written.
    case error

    /// The sweep's disposition for a written release.
    init(_ disposition: Disposition) {
        switch disposition {
        case .releaseInFull: self = .releasedInFull
        case .releaseInPart: self = .releasedInPart
        case .deniedInFull: self = .deniedInFull
        }
    }

    /// True when the sweep wrote an output for the cable.
    public var wroteOutput: Bool { self == .releasedInFull || self == .releasedInPart || self == .deniedInFull }
}
