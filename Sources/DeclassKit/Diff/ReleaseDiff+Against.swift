/// The review page of `declass diff --against…`: it shows the second review's release, and without
/// `--show-original` it must hold nothing the first review withholds either.
extension ReleaseDiff {
    /// This diff (of `cable`'s release under `after`, the second review) with every part the first review
    /// (`before`, made under `beforePolicy`) withholds or redacts shown as a notice on both sides, unless
    /// the second review withholds it too. A unit so hidden keeps its label and the text outside the
    /// parts of both reviews; its release side is the same masked text when the release leaves the unit as
    /// it is, else one notice. Under `showOriginal` the diff is returned as it is.
    public func hiding(_ before: Review, after: Review, cable: Cable, beforePolicy: Policy) -> ReleaseDiff {
        guard !showOriginal else { return self }
        var copy = self
        let reasons = Dictionary(beforePolicy.rules.map { ($0.id, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let first = Dictionary(before.decisions.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        let second = Dictionary(after.decisions.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        // The eligibility's reasoning quotes the E.O. line: not shown when either review withholds it.
        if before.decisions.contains(where: { $0.kind == .declassification && $0.action != .release }) {
            copy.eligibility = ReleaseDiff.eligibilityWithoutQuote(after)
        }
        let under = "under \(before.policyName) as of \(before.asOf)"
        for (i, u) in copy.units.enumerated() {
            guard let d1 = first[u.unit], d1.action != .release else { continue }
            let unit = cable.units[u.unit]
            let hidden1 = ReleaseDiff.hiddenRanges(d1, cable: cable)
            let hidden2 = second[u.unit].map { ReleaseDiff.hiddenRanges($0, cable: cable) } ?? []
            let covered = hidden1.allSatisfy { r in r.isEmpty || hidden2.contains { $0.lowerBound <= r.lowerBound && r.upperBound <= $0.upperBound } }
            guard !covered else { continue }
            let extra = ReleaseDiff.parts(of: d1, cable: cable, reasons: reasons).map { p -> DiffPart in
                var p = p
                p.reason = p.reason.map { "\(under): \($0)" } ?? under
                return p
            }
            var v = u
            let offset = u.parts.count
            v.parts = u.parts + extra
            let pieces = hidden2.enumerated().map { (range: $1, part: $0) } + hidden1.enumerated().map { (range: $1, part: offset + $0) }
            v.original = ReleaseDiff.masked(cable, unit.range, pieces, parts: v.parts)
            if second[u.unit]?.action == .release, !u.changed {
                v.release = v.original
            } else {
                v.release = [DiffSegment(kind: .hidden, text: "[NOT SHOWN: this release's \(u.label) holds words withheld \(under)]", part: offset)]
            }
            v.changed = true
            copy.units[i] = v
        }
        return copy
    }

    /// The ranges of the cable a decision withholds (the unit's content) or redacts (its spans).
    static func hiddenRanges(_ d: Decision, cable: Cable) -> [Range<Int>] {
        switch d.action {
        case .release: []
        case .withhold: [cable.units[d.unit].contentRange]
        case .redact: d.spans.map(\.range)
        }
    }

    /// The cable's text of `range` with each of `pieces` (overlapping ones merged) replaced by the notices
    /// of its parts.
    static func masked(_ cable: Cable, _ range: Range<Int>, _ pieces: [(range: Range<Int>, part: Int)], parts: [DiffPart]) -> [DiffSegment] {
        let sorted = pieces.map { (range: $0.range.clamped(to: range), part: $0.part) }.filter { !$0.range.isEmpty }
            .sorted { ($0.range.lowerBound, $0.part) < ($1.range.lowerBound, $1.part) }
        var segments: [DiffSegment] = []
        var at = range.lowerBound
        var i = 0
        while i < sorted.count {
            var end = sorted[i].range.upperBound
            var group = [sorted[i].part]
            var j = i + 1
            while j < sorted.count, sorted[j].range.lowerBound < end {
                if !group.contains(sorted[j].part) { group.append(sorted[j].part) }
                end = max(end, sorted[j].range.upperBound)
                j += 1
            }
            let start = max(at, sorted[i].range.lowerBound)
            if start > at { segments.append(DiffSegment(kind: .text, text: cable.text(at..<start))) }
            for k in group { segments.append(DiffSegment(kind: .hidden, text: parts[k].notice, part: k)) }
            at = max(at, end)
            i = j
        }
        if at < range.upperBound { segments.append(DiffSegment(kind: .text, text: cable.text(at..<range.upperBound))) }
        return segments.filter { !($0.kind == .text && $0.text.isEmpty) }
    }
}
