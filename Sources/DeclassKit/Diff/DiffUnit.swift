/// One unit of a cable in a diff: its decision, the parts it withholds or redacts, and its text on both
/// sides (the original, and the release).
public struct DiffUnit: Sendable, Codable {
    /// The index of the unit in `cable.units`.
    public var unit: Int
    /// `¶4`, `subject`, `routing@3`.
    public var label: String
    /// The unit's kind (`paragraph`, `subject`, `banner`).
    public var kind: String
    /// 1-based first line in the original and in the release.
    public var line: Int
    public var releaseLine: Int
    /// The portion mark in canonical form (`C`, `S//NF`).
    public var mark: String?
    /// `release`, `redact` or `withhold`.
    public var action: String
    public var rule: String?
    public var exemption: String?
    public var authority: String?
    public var reason: String?
    /// True when the release's text of the unit differs from the original's (withheld, redacted, or a
    /// banner recomputed).
    public var changed: Bool
    /// The withheld unit (one part) or its redacted spans, in order.
    public var parts: [DiffPart]
    /// The original side: the cable's text, with the parts' words only under `--show-original`.
    public var original: [DiffSegment]
    /// The release side: the release's text of the unit, markers as segments of their own.
    public var release: [DiffSegment]
}
