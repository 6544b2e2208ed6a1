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
    public init(stampOf cable: borrowing Cable, review: borrowing Review, options: borrowing ReleaseOptions) {
        classification = ReleaseClassification(cable: cable, review: review)
        stamp = ReleaseStamp(review: review, classification: classification, options: options)
        bytes = []
        unitRanges = []
        markers = []
    }

    public init(cable: borrowing Cable, review: borrowing Review, options: borrowing ReleaseOptions) {
        let classification = ReleaseClassification(cable: cable, review: review)
        let stamp = ReleaseStamp(review: review, classification: classification, options: options)
        // Banners are rewritten when the release takes something out or declassifies the cable, and then
        // only when the release's classification differs from the cable's own.
        let changes = review.withholdsAnything || review.eligibility.isDeclassified(on: review.asOf)
        let rewrite = changes && (classification.level != cable.classification || !ReleaseText.sameControls(classification.controls, cable.controls))
        var out: [UInt8] = []
        out.reserveCapacity(cable.source.count + 1024)
        // `stamp.text`'s bytes, written in place: the lines joined by line breaks, then a blank line.
        for (i, line) in stamp.lines.enumerated() {
            if i > 0 { out.append(0x0A) }
            out.appendUTF8(line)
        }
        out.append(0x0A)
        out.append(0x0A)
        // Decisions and units read where they stand, by index (iterating them copied every decision, retaining
        // and releasing its strings and arrays), and the source's runs appended from its buffer.
        let decisions = review.decisions
        let units = cable.units
        var unitRanges: [Range<Int>] = []
        unitRanges.reserveCapacity(decisions.count)
        var markers: [ReleaseMarker] = []
        markers.reserveCapacity(ReleaseText.markerCount(decisions))
        cable.source.withUnsafeBufferPointer { src in
            for k in decisions.indices {
                let u = decisions[k].unit
                let range = units[u].range
                let start = out.count
                defer { unitRanges.append(start..<out.count) }
                switch (units[u].kind, decisions[k].action) {
                case (.banner, _) where rewrite, (.pageBreak, _) where rewrite:
                    ReleaseText.appendBanner(src, range, classification, to: &out)
                case (.banner, _), (.pageBreak, _):
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: src[range]))
                case (_, .withhold):
                    let marker = ReleaseText.appendWithheld(src, units, u, decisions, k, classification, rewrite: rewrite, to: &out)
                    markers.append(ReleaseMarker(range: marker, unit: u, span: nil))
                case (_, .release) where decisions[k].spans.isEmpty && (!rewrite || units[u].interruptions.isEmpty):
                    // Nothing to replace: the unit as written.
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: src[range]))
                case (_, .redact), (_, .release):
                    let spans = decisions[k].spans
                    // What replaces each range: a redacted span (by its index) its marker, a cut (nil) its banner.
                    // The spans' ranges read in place, by index: `enumerated().map` and `contains(where:)` copied
                    // each span (retaining its rule and exemption).
                    var replacements: [(range: Range<Int>, span: Int?)] = []
                    replacements.reserveCapacity(spans.count + (rewrite ? units[u].interruptions.count : 0))
                    for j in spans.indices { replacements.append((spans[j].range, j)) }
                    // Banners repeated inside the unit (glued, or on page-break lines) are recomputed.
                    if rewrite {
                        for cut in units[u].interruptions where (cut.kind == .banner || cut.kind == .pageBreak)
                            && !ReleaseText.anyOverlaps(spans, cut.range) {
                            replacements.append((cut.range, nil))
                        }
                    }
                    replacements.sort { $0.range.lowerBound < $1.range.lowerBound }
                    var at = range.lowerBound
                    for (r, span) in replacements where r.lowerBound >= at {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: src[at..<r.lowerBound]))
                        if let span {
                            let markerStart = out.count
                            ReleaseText.appendRedactionMarker(spans[span].exemption, to: &out)
                            markers.append(ReleaseMarker(range: markerStart..<out.count, unit: u, span: span))
                        } else {
                            ReleaseText.appendRewrittenLevel(UnsafeBufferPointer(rebasing: src[r]), classification, to: &out)
                        }
                        at = r.upperBound
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: src[at..<range.upperBound]))
                }
            }
        }
        bytes = out
        self.classification = classification
        self.stamp = stamp
        self.unitRanges = unitRanges
        self.markers = markers
    }

    /// True when the release keeps the same dissemination controls as the cable's banner-borne ones
    /// (NOFORN, ORCON, PROPIN, FOUO, REL TO …): `Set(kept) == Set(cable.filter(isBannerControl))`, compared on
    /// the two short arrays without building sets or the filtered array.
    static func sameControls(_ kept: [String], _ cable: [String]) -> Bool {
        for c in kept where !cable.contains(where: { $0 == c && isBannerControl($0) }) { return false }
        for c in cable where isBannerControl(c) && !kept.contains(c) { return false }
        return true
    }

    /// The controls a banner carries after its level: NOFORN, ORCON, PROPIN, FOUO and REL TO ….
    static func isBannerControl(_ c: String) -> Bool {
        switch c {
        case "NOFORN", "ORCON", "PROPIN", "FOUO": true
        default: c.hasPrefix("REL TO")
        }
    }

    /// True when a span of `spans` overlaps `range` (`spans.contains { $0.range.overlaps(range) }`, the spans
    /// read in place, not copied).
    static func anyOverlaps(_ spans: [RedactionSpan], _ range: Range<Int>) -> Bool {
        for j in spans.indices where spans[j].range.overlaps(range) { return true }
        return false
    }

    /// The number of markers a release of `decisions` writes at most: one per withheld unit, one per span of a
    /// redacted unit (so that `markers` is allocated once).
    static func markerCount(_ decisions: [Decision]) -> Int {
        var n = 0
        for k in decisions.indices {
            switch decisions[k].action {
            case .withhold: n += 1
            case .redact: n += decisions[k].spans.count
            case .release: continue
            }
        }
        return n
    }

    /// Appends `[WITHHELD B1 1.4(B), 1.4(D)]` (a withheld unit's exemption and authority), or `[WITHHELD]` for
    /// a product that claims no exemption, to `out` (its bytes written in place, no string built).
    static func appendWithheldMarker(_ exemption: Exemption?, _ authority: String?, to out: inout [UInt8]) {
        guard let e = exemption else {
            out.appendLiteral("[WITHHELD]")
            return
        }
        out.appendLiteral("[WITHHELD ")
        out.appendUTF8(e.code)
        if let a = authority {
            out.append(0x20)
            out.appendUTF8(a)
        }
        out.append(0x5D)
    }

    /// Appends `[REDACTED B6]` (`[REDACTED]` without an exemption) to `out`, its bytes written in place.
    static func appendRedactionMarker(_ e: Exemption?, to out: inout [UInt8]) {
        guard let e else {
            out.appendLiteral("[REDACTED]")
            return
        }
        out.appendLiteral("[REDACTED ")
        out.appendUTF8(e.code)
        out.append(0x5D)
    }

    /// Appends withheld unit `u` of `units` to `out` under decision `k` of `decisions`: it keeps what
    /// introduces it (`¶4. (C) `, `SUBJECT: (S/NF) `), its page breaks and its line breaks; its words become
    /// the marker, whose place in `out` is returned. `source` is the cable's source. The unit and decision are
    /// read where they stand (passed whole, each was copied with all its strings and arrays retained).
    static func appendWithheld(_ source: UnsafeBufferPointer<UInt8>, _ units: [CableUnit], _ u: Int, _ decisions: [Decision], _ k: Int,
                               _ c: ReleaseClassification, rewrite: Bool, to out: inout [UInt8]) -> Range<Int> {
        let content = units[u].contentRange
        let range = units[u].range
        var keep = content.lowerBound
        // Fields keep their name and a portion mark written after it: `SUBJECT: (S/NF) `, `REF:`, `TAGS:`.
        switch units[u].kind {
        case .subject, .references, .tags, .classifiedBy, .declassification:
            let limit = min(content.upperBound, content.lowerBound + 16)
            if let colon = source[content.lowerBound..<limit].firstIndex(of: 0x3A) {
                keep = colon + 1
                while keep < content.upperBound, source[keep] == 0x20 { keep += 1 }
                if keep < content.upperBound, source[keep] == 0x28,
                   let (_, after) = MarkingReader.read(ByteText(source), at: keep, end: content.upperBound) {
                    keep = after
                    if keep < content.upperBound, source[keep] == 0x20 { keep += 1 }
                }
            }
        default:
            break
        }
        let begin = out.count
        out.append(contentsOf: UnsafeBufferPointer(rebasing: source[range.lowerBound..<keep]))
        if out.count > begin, let last = out.last, last != 0x20, last != 0x0A { out.append(0x20) }
        let markerStart = out.count
        appendWithheldMarker(decisions[k].exemption, decisions[k].authority, to: &out)
        let marker = markerStart..<out.count
        // Page breaks inside the withheld words stay, each on a line of its own (their repeated banners
        // recomputed): the release keeps the input's pages.
        if !units[u].interruptions.isEmpty {
            for cut in units[u].interruptions.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
            where (cut.kind == .pageBreak || cut.kind == .banner) && cut.range.lowerBound >= keep && cut.range.lowerBound < content.upperBound {
                // The line without its trailing line breaks and spaces, then without its leading spaces.
                var lo = cut.range.lowerBound, hi = cut.range.upperBound
                while hi > lo, source[hi - 1] == 0x0A || source[hi - 1] == 0x0D || source[hi - 1] == 0x20 { hi -= 1 }
                while lo < hi, source[lo] == 0x20 { lo += 1 }
                guard lo < hi else { continue }
                out.append(0x0A)
                out.append(0x0A)
                let line = UnsafeBufferPointer(rebasing: source[lo..<hi])
                if rewrite { appendRewrittenLevel(line, c, to: &out) } else { out.append(contentsOf: line) }
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: source[content.upperBound..<range.upperBound]))
        return marker
    }

    /// Appends a banner or page-break unit at `range` of `source`: its first line with its level recomputed
    /// (page numbers kept), the lines after it (blank) as written.
    static func appendBanner(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ c: ReleaseClassification, to out: inout [UInt8]) {
        let lineEnd = source[range].firstIndex(of: 0x0A) ?? range.upperBound
        appendRewrittenLevel(UnsafeBufferPointer(rebasing: source[range.lowerBound..<lineEnd]), c, to: &out)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: source[lineEnd..<range.upperBound]))
    }

    /// Appends `line` to `out` with the classification word(s) at its start (after its indentation) replaced,
    /// spaced as written (`C O N F I D E N T I A L` → `U N C L A S S I F I E D`), and the dissemination controls
    /// that no longer apply dropped; a line without a classification word is appended as it is.
    static func appendRewrittenLevel(_ buf: UnsafeBufferPointer<UInt8>, _ c: ReleaseClassification, to out: inout [UInt8]) {
        let t = ByteText(buf)
        let lo = t.skipSpaces(0, buf.count)
        guard let (_, after) = BannerReader.readLevel(t, lo, buf.count) else { return out.append(contentsOf: buf) }
        let spaced = after - lo > 2 && buf[lo + 1] == 0x20
        let word = c.level == .unknown ? "UNKNOWN" : c.level.bannerWord
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[0..<lo]))
        // The banner words are ASCII: one byte per character, so the spaced form puts a space between bytes.
        if spaced {
            // The word's bytes read in place (`utf8.enumerated()` walked the view, about 60 instructions a byte).
            let done: Void? = word.utf8.withContiguousStorageIfAvailable { w in
                for i in w.indices {
                    if i > 0 { out.append(0x20) }
                    out.append(w[i])
                }
            }
            if done == nil {
                for (i, byte) in word.utf8.enumerated() {
                    if i > 0 { out.append(0x20) }
                    out.append(byte)
                }
            }
        } else {
            out.appendUTF8(word)
        }
        if c.level < .confidential {
            // NOFORN and its kin follow the level in banners; they lapse with it.
            dropLapsedControls(UnsafeBufferPointer(rebasing: buf[after...]), into: &out)
        } else {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[after...]))
        }
    }

    /// Controls that follow the level in a banner and lapse with it (compared with case folded).
    static let lapsedControls = ["NOFORN", "//NOFORN", "NF", "//NF", "ORCON", "//ORCON"]

    /// Appends `rest` (what follows a banner's level) with the space-separated words that are lapsed
    /// controls taken out, with one space each: the spaces between the words kept are kept as written.
    static func dropLapsedControls(_ rest: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // Nothing to drop (nearly always): the words joined by their single spaces are `rest` as written, in
        // one append instead of one a word.
        guard containsLapsedControl(rest) else { return out.append(contentsOf: rest) }
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

    /// True when a space-separated word of `rest` is a lapsed control (`dropLapsedControls` drops it).
    static func containsLapsedControl(_ rest: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start <= rest.count {
            var end = start
            while end < rest.count, rest[end] != 0x20 { end += 1 }
            if isLapsedControl(UnsafeBufferPointer(rebasing: rest[start..<end])) { return true }
            start = end + 1
        }
        return false
    }

    /// True when `token` is one of `lapsedControls` with case folded (`String.uppercased()`, which maps no
    /// non-ASCII character to a single letter of them, so ASCII tokens are compared on their bytes).
    static func isLapsedControl(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        if token.contains(where: { $0 >= 0x80 }) { return lapsedControls.contains(String(decoding: token, as: UTF8.self).uppercased()) }
        guard token.count >= 2, token.count <= 8 else { return false }
        // The token upper-cased into one word, compared with each control's word and length (zipping the
        // views of each control cost about 200 instructions a token).
        var word: UInt64 = 0
        for i in token.indices { word |= UInt64(ByteText.upper(token[i])) << (8 * UInt64(i)) }
        return lapsedControlWords.contains { $0.word == word && $0.count == token.count }
    }

    /// `lapsedControls`, each as the word `isLapsedControl` packs a token into (its bytes, the first lowest)
    /// with its length.
    static let lapsedControlWords: [(word: UInt64, count: Int)] = lapsedControls.map { control in
        var word: UInt64 = 0
        for (i, byte) in control.utf8.enumerated() { word |= UInt64(byte) << (8 * UInt64(i)) }
        return (word, control.utf8.count)
    }
}
