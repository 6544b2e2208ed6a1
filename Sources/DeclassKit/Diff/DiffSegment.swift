/// A piece of one side of a unit in a diff: text shown as it is, or something standing for a withheld
/// or redacted part.
public struct DiffSegment: Sendable, Hashable, Codable {
    /// What a segment is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Text of the cable or of the release, shown as it is.
        case text
        /// The release's `[WITHHELD …]` or `[REDACTED …]` marker.
        case marker
        /// The withheld or redacted words themselves (original side, `--show-original` only).
        case original
        /// The notice standing for the withheld words on the original side (`[NOT SHOWN: 5 words redacted B6]`).
        case hidden
    }

    public var kind: Kind
    public var text: String
    /// The index of the part in the unit's `parts` (nil for `text`).
    public var part: Int?

    /// A segment of `kind` showing `text`, standing for part `part` of its unit.
    public init(kind: Kind, text: String, part: Int? = nil) {
        self.kind = kind
        self.text = text
        self.part = part
    }
}

extension Array where Element == DiffSegment {
    /// The side's text, segments joined.
    public var joinedText: String { map(\.text).joined() }
}
