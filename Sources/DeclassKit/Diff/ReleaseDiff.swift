/// A cable against its release under one policy at one date, unit by unit: what `declass diff` shows.
///
/// The original side carries withheld and redacted words only when `showOriginal` is set; otherwise it
/// shows each unit's label and mark and, in place of the words, a notice naming how many words are
/// withheld and why. It reuses the release's own text (`ReleaseText`, its unit ranges and markers) and
/// the review's decisions: nothing is decided or rendered twice.
public struct ReleaseDiff: Sendable, Codable {
    /// The cable's id (`09ASTANA435`) and the file it was read from.
    public var cable: String?
    public var file: String
    public var policy: String
    public var policyVersion: String
    public var policyDigest: String
    public var asOf: CivilDate
    /// `release-in-full`, `release-in-part` or `denied-in-full`.
    public var disposition: String
    /// The release's stamp lines (banner, office, disposition, policy).
    public var stamp: [String]
    /// The eligibility's reasoning and whether it has passed on `asOf`.
    public var eligibility: String
    public var declassified: Bool
    /// True when the original side holds the withheld words.
    public var showOriginal: Bool
    /// Withheld units and redacted spans per exemption code (`none` for parts without one).
    public var counts: [String: ExemptionCount]
    /// Released text repeating withheld text, for the reviewer to check.
    public var overlaps: [DiffOverlap]
    public var warnings: [String]
    /// Every unit, in order.
    public var units: [DiffUnit]

    /// How many units an exemption withholds and how many spans it redacts.
    public struct ExemptionCount: Sendable, Hashable, Codable {
        public var withheld: Int
        public var redacted: Int

        /// `withheld` units and `redacted` spans.
        public init(withheld: Int, redacted: Int) {
            self.withheld = withheld
            self.redacted = redacted
        }
    }

    /// An overlap warning: released `released` repeats `words` words of withheld `withheld`.
    public struct DiffOverlap: Sendable, Hashable, Codable {
        public var released: String
        public var withheld: String
        public var words: Int

        /// An overlap of `words` words between released `released` and withheld `withheld`.
        public init(released: String, withheld: String, words: Int) {
            self.released = released
            self.withheld = withheld
            self.words = words
        }
    }

    /// Builds the diff of `cable` against `release`, made under `policy`.
    public init(cable: Cable, release: Release, policy: Policy, showOriginal: Bool) {
        let review = release.review
        let text = release.text
        self.cable = review.cableID
        file = cable.name
        self.policy = review.policyName
        policyVersion = review.policyVersion
        policyDigest = review.policyDigest
        asOf = review.asOf
        disposition = review.disposition.rawValue
        stamp = text.stamp.lines
        // The reasoning quotes the E.O. line as written: not shown when the release withholds that line.
        let quoted = review.decisions.contains { $0.kind == .declassification && $0.action != .release }
        eligibility = quoted && !showOriginal ? ReleaseDiff.eligibilityWithoutQuote(review) : review.eligibility.reasoning
        declassified = review.eligibility.isDeclassified(on: review.asOf)
        self.showOriginal = showOriginal
        overlaps = review.overlaps.map { DiffOverlap(released: $0.releasedLabel, withheld: $0.withheldLabel, words: $0.words) }
        warnings = review.warnings
        let reasons = Dictionary(policy.rules.map { ($0.id, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let markersByUnit = Dictionary(grouping: text.markers, by: \.unit)
        var lines = LineCounter(text.bytes)
        var counts: [String: ExemptionCount] = [:]
        var units: [DiffUnit] = []
        units.reserveCapacity(review.decisions.count)
        for d in review.decisions {
            let unit = cable.units[d.unit]
            let out = text.unitRanges[d.unit]
            let parts = ReleaseDiff.parts(of: d, cable: cable, reasons: reasons)
            for p in parts {
                var c = counts[p.exemption ?? "none", default: ExemptionCount(withheld: 0, redacted: 0)]
                if p.action == "withhold" { c.withheld += 1 } else { c.redacted += 1 }
                counts[p.exemption ?? "none"] = c
            }
            let releaseSide = ReleaseDiff.releaseSegments(text.bytes, out, markersByUnit[d.unit] ?? [], parts: parts)
            let originalSide: [DiffSegment]
            switch d.action {
            case .release:
                originalSide = [DiffSegment(kind: .text, text: cable.text(unit.range))]
            case .withhold where showOriginal:
                originalSide = [DiffSegment(kind: .text, text: cable.text(unit.range.lowerBound..<unit.contentRange.lowerBound)),
                                DiffSegment(kind: .original, text: cable.text(unit.contentRange), part: 0),
                                DiffSegment(kind: .text, text: cable.text(unit.contentRange.upperBound..<unit.range.upperBound))]
            case .withhold:
                // The release keeps the unit's number, mark and page breaks; the marker becomes the notice.
                originalSide = releaseSide.map { $0.kind == .marker ? DiffSegment(kind: .hidden, text: parts[0].notice, part: 0) : $0 }
            case .redact:
                var segments: [DiffSegment] = []
                var at = unit.range.lowerBound
                for (k, s) in d.spans.enumerated() where s.range.lowerBound >= at {
                    segments.append(DiffSegment(kind: .text, text: cable.text(at..<s.range.lowerBound)))
                    segments.append(showOriginal ? DiffSegment(kind: .original, text: cable.text(s.range), part: k)
                                                 : DiffSegment(kind: .hidden, text: parts[k].notice, part: k))
                    at = s.range.upperBound
                }
                segments.append(DiffSegment(kind: .text, text: cable.text(at..<unit.range.upperBound)))
                originalSide = segments.filter { !($0.kind == .text && $0.text.isEmpty) }
            }
            let changed = !text.bytes[out].elementsEqual(cable.source[unit.range])
            units.append(DiffUnit(unit: d.unit, label: d.label, kind: d.kind.rawValue, line: unit.firstLine,
                                  releaseLine: lines.line(at: out.lowerBound), mark: unit.marking?.canonical,
                                  action: d.action.name, rule: d.rule, exemption: d.exemption?.code, authority: d.authority,
                                  reason: d.reason, changed: changed, parts: parts, original: originalSide, release: releaseSide))
        }
        self.counts = counts
        self.units = units
    }

    /// The eligibility without the E.O. line's words: `eligible on 2034-12-31 (automatic); the reasoning
    /// quotes the E.O. line, which this release withholds`.
    static func eligibilityWithoutQuote(_ review: Review) -> String {
        let e = review.eligibility
        let when = e.date.map { "eligible on \($0)" } ?? "never by date"
        return "\(when) (\(e.basis.rawValue)); the reasoning quotes the E.O. line, which this release withholds"
    }

    /// The parts a decision withholds: the unit, or each redacted span.
    static func parts(of d: Decision, cable: Cable, reasons: [String: String?]) -> [DiffPart] {
        switch d.action {
        case .release:
            return []
        case .withhold:
            let words = cable.words(of: cable.units[d.unit]).split(separator: " ").count
            return [DiffPart(action: "withhold", rule: d.rule, exemption: d.exemption?.code, authority: d.authority, reason: d.reason,
                             line: cable.units[d.unit].firstLine, words: words, propagated: false)]
        case .redact:
            return d.spans.map { s in
                let words = cable.text(s.range).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).count
                return DiffPart(action: "redact", rule: s.rule, exemption: s.exemption?.code,
                                authority: s.exemption?.isClassified == true ? d.authority : nil,
                                reason: (reasons[s.rule] ?? nil) ?? d.reason, line: cable.line(at: s.range.lowerBound),
                                words: words, propagated: s.propagated)
            }
        }
    }

    /// The release's text of a unit, cut at its markers.
    static func releaseSegments(_ bytes: [UInt8], _ range: Range<Int>, _ markers: [ReleaseMarker], parts: [DiffPart]) -> [DiffSegment] {
        var segments: [DiffSegment] = []
        var at = range.lowerBound
        for m in markers.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where m.range.lowerBound >= at {
            if m.range.lowerBound > at { segments.append(DiffSegment(kind: .text, text: String(decoding: bytes[at..<m.range.lowerBound], as: UTF8.self))) }
            let part = m.span ?? 0
            segments.append(DiffSegment(kind: .marker, text: String(decoding: bytes[m.range], as: UTF8.self), part: part < parts.count ? part : nil))
            at = m.range.upperBound
        }
        if at < range.upperBound { segments.append(DiffSegment(kind: .text, text: String(decoding: bytes[at..<range.upperBound], as: UTF8.self))) }
        return segments
    }

    /// The units whose release differs from the original.
    public var changedUnits: [DiffUnit] { units.filter(\.changed) }
}
