/// Where a `[WITHHELD …]` or `[REDACTED …]` marker stands in a release text, and what it stands for.
public struct ReleaseMarker: Sendable, Hashable {
    /// The marker's bytes in `ReleaseText.bytes`.
    public var range: Range<Int>
    /// The index of the unit (in `cable.units`, and of its decision in `review.decisions`).
    public var unit: Int
    /// The index of the redacted span in the decision's `spans`; nil for a withheld unit's marker.
    public var span: Int?
}
