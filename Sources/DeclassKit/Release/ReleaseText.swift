/// Writes the releasable text of a cable: the input's layout, withheld units reduced to their number and
/// mark plus `[WITHHELD B1 1.4(B), 1.4(D)]`, redacted spans replaced by `[REDACTED B6]`, banners recomputed
/// from what is released, and the stamp on top. It only builds bytes; the leak check and the writing
/// to disk come after.
public struct ReleaseText: Sendable {
    /// The release's bytes (UTF-8).
    public let bytes: [UInt8]
    public let classification: ReleaseClassification
    public let stamp: ReleaseStamp
    /// Where each unit's release stands in `bytes` (`unitRanges[k]` is about `cable.units[k]`); the stamp
    /// stands before the first.
    public let unitRanges: [Range<Int>]
    /// Where each `[WITHHELD …]` and `[REDACTED …]` marker stands in `bytes`, in order.
    public let markers: [ReleaseMarker]

    /// The classification and stamp of a release written in another form (XML, JSON), without its text:
    /// `bytes` is empty. The other form carries the stamp and is leak-checked on its own.
    public init(stampOf cable: Cable, review: Review, options: ReleaseOptions) {
        classification = ReleaseClassification(cable: cable, review: review)
        stamp = ReleaseStamp(review: review, classification: classification, options: options)
        bytes = []
        unitRanges = []
        markers = []
    }

    public init(cable: Cable, review: Review, options: ReleaseOptions) {
        let classification = ReleaseClassification(cable: cable, review: review)
        let stamp = ReleaseStamp(review: review, classification: classification, options: options)
        // Banners are rewritten when the release takes something out or declassifies the cable, and then
        // only when the release's classification differs from the cable's own.
        let changes = review.withholdsAnything || review.eligibility.isDeclassified(on: review.asOf)
        let rewrite = changes && classification.level != cable.classification
            || changes && Set(classification.controls) != Set(cable.controls.filter { ["NOFORN", "ORCON", "PROPIN", "FOUO"].contains($0) || $0.hasPrefix("REL TO") })
        var out: [UInt8] = []
        out.reserveCapacity(cable.source.count + 1024)
        // `stamp.text`'s bytes, written in place: the lines joined by line breaks, then a blank line.
        for (i, line) in stamp.lines.enumerated() {
            if i > 0 { out.append(0x0A) }
            out += line.utf8
        }
        out += [0x0A, 0x0A]
        let source = cable.source
        var unitRanges: [Range<Int>] = []
        unitRanges.reserveCapacity(review.decisions.count)
        var markers: [ReleaseMarker] = []
        for d in review.decisions {
            let unit = cable.units[d.unit]
            let start = out.count
            defer { unitRanges.append(start..<out.count) }
            switch (unit.kind, d.action) {
            case (.banner, _) where rewrite:
                out += ReleaseText.banner(cable, unit, classification)
            case (.pageBreak, _) where rewrite:
                out += ReleaseText.pageBreak(cable, unit, classification)
            case (.banner, _), (.pageBreak, _):
                out += source[unit.range]
            case (_, .withhold):
                let marker = ReleaseText.appendWithheld(cable, unit, d, classification, rewrite: rewrite, to: &out)
                markers.append(ReleaseMarker(range: marker, unit: d.unit, span: nil))
            case (_, .release) where d.spans.isEmpty && (!rewrite || unit.interruptions.isEmpty):
                // Nothing to replace: the unit as written.
                out += source[unit.range]
            case (_, .redact), (_, .release):
                // What replaces each range: a redacted span (by its index) its marker, a cut (nil) its banner.
                var replacements: [(range: Range<Int>, span: Int?)] = d.spans.enumerated().map { ($1.range, $0) }
                // Banners repeated inside the unit (glued, or on page-break lines) are recomputed.
                for cut in unit.interruptions where rewrite && (cut.kind == .banner || cut.kind == .pageBreak)
                    && !d.spans.contains(where: { $0.range.overlaps(cut.range) }) {
                    replacements.append((cut.range, nil))
                }
                replacements.sort { $0.range.lowerBound < $1.range.lowerBound }
                var at = unit.range.lowerBound
                for (range, span) in replacements where range.lowerBound >= at {
                    out += source[at..<range.lowerBound]
                    if let span {
                        let markerStart = out.count
                        ReleaseText.appendRedactionMarker(d.spans[span].exemption, to: &out)
                        markers.append(ReleaseMarker(range: markerStart..<out.count, unit: d.unit, span: span))
                    } else {
                        out += ReleaseText.rewriteLevel(Array(source[range]), classification)
                    }
                    at = range.upperBound
                }
                out += source[at..<unit.range.upperBound]
            }
        }
        bytes = out
        self.classification = classification
        self.stamp = stamp
        self.unitRanges = unitRanges
        self.markers = markers
    }

    /// Appends `[WITHHELD B1 1.4(B), 1.4(D)]`, or `[WITHHELD]` for a product that claims no exemption, to
    /// `out` (its bytes written in place, no string built).
    static func appendWithheldMarker(_ d: Decision, to out: inout [UInt8]) {
        guard let e = d.exemption else {
            out += "[WITHHELD]".utf8
            return
        }
        out += "[WITHHELD ".utf8
        out += e.code.utf8
        if let a = d.authority {
            out.append(0x20)
            out += a.utf8
        }
        out.append(0x5D)
    }

    /// Appends `[REDACTED B6]` (`[REDACTED]` without an exemption) to `out`, its bytes written in place.
    static func appendRedactionMarker(_ e: Exemption?, to out: inout [UInt8]) {
        guard let e else {
            out += "[REDACTED]".utf8
            return
        }
        out += "[REDACTED ".utf8
        out += e.code.utf8
        out.append(0x5D)
    }

    /// Appends a withheld unit to `out`: it keeps what introduces it (`¶4. (C) `, `SUBJECT: (S/NF) `), its
    /// page breaks and its line breaks; its words become the marker, whose place in `out` is returned.
    static func appendWithheld(_ cable: Cable, _ unit: CableUnit, _ d: Decision, _ c: ReleaseClassification, rewrite: Bool,
                               to out: inout [UInt8]) -> Range<Int> {
        let source = cable.source
        var keep = unit.contentRange.lowerBound
        // Fields keep their name and a portion mark written after it: `SUBJECT: (S/NF) `, `REF:`, `TAGS:`.
        if [.subject, .references, .tags, .classifiedBy, .declassification].contains(unit.kind) {
            let limit = min(unit.contentRange.upperBound, unit.contentRange.lowerBound + 16)
            if let colon = source[unit.contentRange.lowerBound..<limit].firstIndex(of: 0x3A) {
                keep = colon + 1
                while keep < unit.contentRange.upperBound, source[keep] == 0x20 { keep += 1 }
                if keep < unit.contentRange.upperBound, source[keep] == 0x28,
                   let (_, after) = source.withUnsafeBufferPointer({ MarkingReader.read(ByteText($0), at: keep, end: unit.contentRange.upperBound) }) {
                    keep = after
                    if keep < unit.contentRange.upperBound, source[keep] == 0x20 { keep += 1 }
                }
            }
        }
        let begin = out.count
        out += source[unit.range.lowerBound..<keep]
        if out.count > begin, let last = out.last, last != 0x20, last != 0x0A { out.append(0x20) }
        let markerStart = out.count
        appendWithheldMarker(d, to: &out)
        let marker = markerStart..<out.count
        // Page breaks inside the withheld words stay, each on a line of its own (their repeated banners
        // recomputed): the release keeps the input's pages.
        for cut in unit.interruptions.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        where (cut.kind == .pageBreak || cut.kind == .banner) && cut.range.lowerBound >= keep && cut.range.lowerBound < unit.contentRange.upperBound {
            var line = Array(source[cut.range])
            while let l = line.last, l == 0x0A || l == 0x0D || l == 0x20 { line.removeLast() }
            while let f = line.first, f == 0x20 { line.removeFirst() }
            guard !line.isEmpty else { continue }
            out += [0x0A, 0x0A]
            out += rewrite ? rewriteLevel(line, c) : line
        }
        out += source[unit.contentRange.upperBound..<unit.range.upperBound]
        return marker
    }

    /// The banner line with its level recomputed; the lines after it (blank) kept.
    static func banner(_ cable: Cable, _ unit: CableUnit, _ c: ReleaseClassification) -> [UInt8] {
        let source = cable.source
        let lineEnd = source[unit.range].firstIndex(of: 0x0A) ?? unit.range.upperBound
        return rewriteLevel(Array(source[unit.range.lowerBound..<lineEnd]), c) + source[lineEnd..<unit.range.upperBound]
    }

    /// Page-break lines keep their page numbers; a classification repeated on them is recomputed.
    static func pageBreak(_ cable: Cable, _ unit: CableUnit, _ c: ReleaseClassification) -> [UInt8] {
        let source = cable.source
        let lineEnd = source[unit.range].firstIndex(of: 0x0A) ?? unit.range.upperBound
        return rewriteLevel(Array(source[unit.range.lowerBound..<lineEnd]), c) + source[lineEnd..<unit.range.upperBound]
    }

    /// Replaces the classification word(s) at the start of `line` (after its indentation), spaced as
    /// written (`C O N F I D E N T I A L` → `U N C L A S S I F I E D`); drops dissemination controls that no
    /// longer apply. A line without a classification word is returned as it is.
    static func rewriteLevel(_ line: [UInt8], _ c: ReleaseClassification) -> [UInt8] {
        line.withUnsafeBufferPointer { buf in
            let t = ByteText(buf)
            let lo = t.skipSpaces(0, buf.count)
            guard let (_, after) = BannerReader.readLevel(t, lo, buf.count) else { return line }
            let spaced = after - lo > 2 && buf[lo + 1] == 0x20
            let word = c.level == .unknown ? "UNKNOWN" : c.level.bannerWord
            var out = Array(buf[0..<lo])
            // The banner words are ASCII: one byte per character, so the spaced form puts a space between bytes.
            for (i, byte) in word.utf8.enumerated() {
                if spaced, i > 0 { out.append(0x20) }
                out.append(byte)
            }
            if c.level < .confidential {
                // NOFORN and its kin follow the level in banners; they lapse with it.
                dropLapsedControls(UnsafeBufferPointer(rebasing: buf[after...]), into: &out)
            } else {
                out += buf[after...]
            }
            return out
        }
    }

    /// Controls that follow the level in a banner and lapse with it (compared with case folded).
    static let lapsedControls = ["NOFORN", "//NOFORN", "NF", "//NF", "ORCON", "//ORCON"]

    /// Appends `rest` (what follows a banner's level) with the space-separated words that are lapsed
    /// controls taken out, with one space each: the spaces between the words kept are kept as written.
    static func dropLapsedControls(_ rest: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var first = true
        var start = 0
        while start <= rest.count {
            var end = start
            while end < rest.count, rest[end] != 0x20 { end += 1 }
            let token = UnsafeBufferPointer(rebasing: rest[start..<end])
            if !isLapsedControl(token) {
                if !first { out.append(0x20) }
                out += token
                first = false
            }
            start = end + 1
        }
    }

    /// True when `token` is one of `lapsedControls` with case folded (`String.uppercased()`, which maps no
    /// non-ASCII character to a single letter of them, so ASCII tokens are compared on their bytes).
    static func isLapsedControl(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        if token.contains(where: { $0 >= 0x80 }) { return lapsedControls.contains(String(decoding: token, as: UTF8.self).uppercased()) }
        guard token.count >= 2, token.count <= 8 else { return false }
        return lapsedControls.contains { control in
            control.utf8.count == token.count && zip(control.utf8, token).allSatisfy { $0 == ByteText.upper($1) }
        }
    }
}
