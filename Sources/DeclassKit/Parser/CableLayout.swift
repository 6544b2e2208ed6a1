/// A paragraph start with its number repaired and the diagnostics the repair gives.
typealias FoundParagraph = (start: ParagraphStart, repaired: Int?, notes: [Diagnostic])

/// A paragraph start `continueParagraph` found on `line` (after paragraph number `after`), kept for
/// `placeBody`. A struct rather than a tuple: assigning the optional tuple destroyed the old value through
/// the generic, metadata-driven outlined destroy.
struct PendingStart {
    var line: Int
    var after: Int
    var found: FoundParagraph
}

/// Places every line of a cable in a unit: header lines before the banner, the preamble fields after it
/// (handling, distribution, E.O., TAGS, SUBJECT, REF, Classified By), then paragraphs, headings, page
/// breaks and the signature. Blank lines join the unit before them, so the units cover the input exactly.
struct CableLayout {
    let t: ByteText
    let lines: [SourceLine]
    var units: [CableUnit] = []
    var diagnostics: [Diagnostic] = []

    /// Index of the banner line, when one was found, and the banner read from it (`BannerReader.read`, else
    /// `readUnreadableLevel`, from the line's content).
    var bannerLine: Int?
    var banner: Banner?
    /// Byte offsets where the E.O. instruction and the TAGS value start, when found.
    var declassStart: (line: Int, at: Int)?
    var tagsStart: Int?
    /// Index of the signature line.
    var signatureLine: Int?
    /// The last paragraph number read (repaired).
    private var lastNumber = 0
    private var sawField = false
    /// The paragraph start that ended the last paragraph: its line, the `lastNumber` it was read against, and
    /// what was found, handed to `placeBody` (moved, not copied) so that the line is not read twice.
    private var pendingStart: PendingStart?
    /// False to send every line of a paragraph through all of `continueParagraph`'s tests (the reference the
    /// shortcut for plain lines is checked against in the tests).
    var plainLineShortcut = true

    init(t: ByteText) {
        self.t = t
        var lines = SourceLines.split(t, from: 0)
        // A byte-order mark belongs to the first line's bytes but not to its content.
        if t.count >= 3, t[0] == 0xEF, t[1] == 0xBB, t[2] == 0xBF, !lines.isEmpty {
            lines[0].lo = t.skipSpaces(min(3, lines[0].end), lines[0].end)
            lines[0].hi = max(lines[0].lo, lines[0].hi)
        }
        self.lines = lines
        // Room for the units of nearly every cable (one for about every six lines), so that appending them
        // rarely moves the array: 176 bytes a unit.
        units.reserveCapacity(lines.count / 4 + 16)
    }

    /// True when something only a cable has was found: a banner, an E.O. line, TAGS or SUBJECT.
    var looksLikeCable: Bool {
        bannerLine != nil || declassStart != nil || tagsStart != nil || units.contains { $0.kind == .subject }
    }

    // MARK: - Units

    private mutating func open(_ kind: UnitKind, _ i: Int, content: Int? = nil) {
        let l = lines[i]
        // Built in the append, not in a local first: appending a local copies the unit (its arrays and strings).
        units.append(CableUnit(kind: kind, range: l.start..<l.next, firstLine: i + 1, lastLine: i + 1,
                               contentRange: kind == .pageBreak ? l.lo..<l.hi : (content ?? l.lo)..<max(content ?? l.lo, l.hi)))
    }

    /// Adds line `i` to the last unit; a blank line extends only its range, not its content.
    @inline(__always)
    private mutating func extend(_ i: Int) {
        let l = lines[i]
        let k = units.count - 1
        units[k].range = units[k].range.lowerBound..<l.next
        units[k].lastLine = i + 1
        if !l.isBlank { units[k].contentRange = units[k].contentRange.lowerBound..<l.hi }
    }

    private mutating func interrupt(_ kind: InterruptionKind, _ range: Range<Int>, line i: Int) {
        units[units.count - 1].interruptions.append(Interruption(kind: kind, range: range, line: i + 1))
    }

    /// The last unit's kind, read in place (`units.last` would copy the whole unit).
    private var lastKind: UnitKind? { units.isEmpty ? nil : units[units.count - 1].kind }

    // MARK: - The pass

    mutating func run() {
        guard !lines.isEmpty else { return }
        bannerLine = findBanner()
        signatureLine = findSignature()
        var i = 0
        // Header: everything before the banner (or, with no banner, before the first field).
        while i < lines.count {
            let l = lines[i]
            if let b = bannerLine, i == b { break }
            if bannerLine == nil, startsPreamble(i) { break }
            if l.isBlank {
                if units.isEmpty { open(.blank, i) } else { extend(i) }
            } else {
                placeHeader(i)
            }
            i += 1
        }
        if let b = bannerLine, i == b {
            open(.banner, i)
            i += 1
        }
        var inBody = false
        while i < lines.count {
            let l = lines[i]
            if l.isBlank {
                if units.isEmpty { open(.blank, i) } else { extend(i) }
                i += 1
                continue
            }
            if !inBody, let next = placePreamble(i) {
                i = next
                continue
            }
            inBody = true
            if bannerLine != nil, let banner = sectionBannerAhead(i) {
                // A later section repeats the header: its lines are header parts again, its banner a banner,
                // and the preamble fields after it are read as such (not as paragraph text).
                while i < banner {
                    if lines[i].isBlank { extend(i) } else { placeHeader(i) }
                    i += 1
                }
                open(.banner, i)
                i += 1
                inBody = false
                continue
            }
            i = placeBody(i)
        }
    }

    // MARK: - Later sections

    /// A line that can stand in a section's repeated header: page breaks and banner repeats, routing,
    /// date-time groups, FM/TO/INFO and addressees, `INFO LOG-00 …` distribution blocks, dash rules.
    private mutating func isHeaderLike(_ l: SourceLine) -> Bool {
        let lo = l.lo, hi = l.hi
        // The header words, only those with the line's first letter.
        switch ByteText.upper(t[lo]) {
        case 0x41: if t.hasPrefixCI(lo, hi, "ACTION ") || t.hasPrefixCI(lo, hi, "AMEMBASSY") || t.hasPrefixCI(lo, hi, "AMCONSUL") { return true }
        case 0x44: if t.hasPrefixCI(lo, hi, "DE R") { return true }
        case 0x46: if t.hasPrefixCI(lo, hi, "FM ") { return true }
        case 0x49: if t.hasPrefixCI(lo, hi, "INFO ") { return true }
        case 0x50: if t.hasPrefixCI(lo, hi, "PAGE ") { return true }
        case 0x53: if t.hasPrefixCI(lo, hi, "SECSTATE") { return true }
        case 0x54: if t.hasPrefixCI(lo, hi, "TO ") { return true }
        case 0x55: if t.hasPrefixCI(lo, hi, "USMISSION") { return true }
        case 0x56: if t.hasPrefixCI(lo, hi, "VZCZC") { return true }
        case 0x5A: if t.hasPrefixCI(lo, hi, "ZNY ") || t.hasPrefixCI(lo, hi, "ZNR ") { return true }
        default: break
        }
        if LineRecognizers.pageBreak(t, l) != nil || BannerReader.isRepeat(t, lo, hi) || LineRecognizers.isDashRule(t, l) { return true }
        // `CTME-00  DINT-00 …` (an INFO LOG block): the line opens with capitals, a dash and two digits.
        var k = lo
        while k < hi, k - lo < 7, ByteText.isUpper(t[k]) { k += 1 }
        if k > lo, k + 2 < hi, t[k] == 0x2D, ByteText.isDigit(t[k + 1]), ByteText.isDigit(t[k + 2]) { return true }
        // `R 171512Z JAN 90`.
        let first = ByteText.upper(t[lo])
        if hi - lo <= 40, first == 0x4F || first == 0x50 || first == 0x52 || first == 0x5A || ByteText.isDigit(first), t.isUpperTokens(lo, hi) {
            return HeaderLines.mayHoldDTG(t, lo, hi) && HeaderLines.isDTG(t, lo, hi)
        }
        return false
    }

    /// When line `i` opens a later section's repeated header (header-like lines, then a full banner), the
    /// banner's line.
    private mutating func sectionBannerAhead(_ i: Int) -> Int? {
        var j = i
        while j < lines.count, j - i < 60 {
            let l = lines[j]
            if !l.isBlank {
                // `mayOpenLevel` first, where it is inlined: the call to `read` returned and destroyed an optional
                // banner for every line.
                if l.length <= 160, BannerReader.mayOpenLevel(t, l.lo, l.hi), BannerReader.read(t, l.lo, l.hi) != nil { return j }
                if !isHeaderLike(l) { return nil }
            }
            j += 1
        }
        return nil
    }

    // MARK: - Header

    /// The banner's line; the banner read from it is kept in `banner` (for `CableFields`, which reads the
    /// same bytes).
    private mutating func findBanner() -> Int? {
        for (i, l) in lines.enumerated() where !l.isBlank {
            if l.length > 160 { continue }
            if BannerReader.mayOpenLevel(t, l.lo, l.hi), let b = BannerReader.read(t, l.lo, l.hi) {
                banner = b
                return i
            }
            if LineRecognizers.executiveOrder(t, l) != nil { break }
        }
        // A banner whose classification is unreadable (`CSE C R E T SECTION 01 OF 02 SHENYANG 000004`).
        for (i, l) in lines.enumerated() where !l.isBlank {
            if LineRecognizers.executiveOrder(t, l) != nil { break }
            if l.length <= 100, let b = BannerReader.readUnreadableLevel(t, l.lo, l.hi) {
                banner = b
                return i
            }
        }
        return nil
    }

    private mutating func startsPreamble(_ i: Int) -> Bool {
        let l = lines[i]
        if LineRecognizers.executiveOrder(t, l) != nil { return true }
        if LineRecognizers.opensTags(t, l) { return true }
        if t.hasPrefixCI(l.lo, l.hi, "SUBJECT") { return true }
        return LineRecognizers.paragraphStart(t, l, allowUnnumbered: false)?.marking != nil
    }

    private mutating func placeHeader(_ i: Int) {
        let l = lines[i]
        // Read once for both tests below (the header's many lines that end in digits make it count).
        let pageBreak = LineRecognizers.pageBreak(t, l)
        if let end = pageBreak, end < l.hi {
            // `PAGE 01 HARARE 06677 02 OF 03 291401Z ACTION AF-00`: the page header, then a header part.
            var rest = l
            rest.start = end
            rest.lo = t.skipSpaces(end, l.hi)
            units.append(CableUnit(kind: .pageBreak, range: l.start..<end, firstLine: i + 1, lastLine: i + 1, contentRange: l.lo..<t.trimEnd(l.lo, end)))
            units.append(CableUnit(kind: HeaderLines.kind(t, rest, previous: .pageBreak), range: end..<l.next, firstLine: i + 1, lastLine: i + 1,
                                   contentRange: rest.lo..<l.hi))
            return
        }
        if pageBreak != nil || BannerReader.isRepeat(t, l.lo, l.hi) {
            open(.pageBreak, i)
            return
        }
        let kind = HeaderLines.kind(t, l, previous: lastKind)
        if let last = lastKind, last == kind, kind != .from, kind != .dateTimeGroup, kind != .notice {
            extend(i)
        } else {
            open(kind, i)
        }
    }

    // MARK: - Preamble

    /// Places a preamble line (and the lines that continue it); returns the next line, or nil when the
    /// line starts the body.
    private mutating func placePreamble(_ i: Int) -> Int? {
        let l = lines[i]
        if isClassifiedBy(l) {
            // Also `(U) Classified by …`, which would otherwise read as a marked paragraph.
            open(.classifiedBy, i)
            return continueClassifiedBy(i + 1)
        }
        if LineRecognizers.paragraphStart(t, l, allowUnnumbered: true) != nil { return nil }
        if LineRecognizers.pageBreak(t, l) == l.hi || BannerReader.isRepeat(t, l.lo, l.hi) {
            open(.pageBreak, i)
            return i + 1
        }
        if let order = LineRecognizers.executiveOrder(t, l) {
            open(.declassification, i)
            let first = declassStart == nil
            if first { declassStart = (i, order) }
            sawField = true
            if first, let tg = LineRecognizers.tagsField(t, from: order, l.hi) { tagsStart = tg + 4 }
            return continueTags(i + 1)
        }
        if t.hasPrefixCI(l.lo, l.hi, "DECL:") || t.hasPrefixCI(l.lo, l.hi, "DECL ") {
            open(.declassification, i)
            if declassStart == nil { declassStart = (i, l.lo) }
            sawField = true
            return i + 1
        }
        if LineRecognizers.opensTags(t, l) {
            open(.tags, i)
            if tagsStart == nil { tagsStart = l.lo + 4 }
            sawField = true
            return continueTags(i + 1)
        }
        if t.hasPrefixCI(l.lo, l.hi, "SUBJECT") || t.hasPrefixCI(l.lo, l.hi, "SUBJ:") {
            open(.subject, i)
            sawField = true
            // `SUBJECT: … Classified By: … REFTELS: A) …` written on one line: each field its own unit.
            if splitGluedFields(i) { return i + 1 }
            return continueSubject(i + 1)
        }
        if isReferenceStart(l) {
            open(.references, i)
            sawField = true
            return continueReferences(i + 1)
        }
        if isClassifiedBy(l) {
            open(.classifiedBy, i)
            return continueClassifiedBy(i + 1)
        }
        if isDerivative(l) || isMarkingLine(l) {
            if lastKind == .derivative || (lastKind == .classifiedBy && !lines[i - 1].isBlank) { extend(i) } else { open(.derivative, i) }
            // `Date of source:` / `October 30, 2008`: short lines that no field opens continue the block.
            var j = i + 1
            while j < lines.count, !lines[j].isBlank, lines[j].length <= 60, !startsField(lines[j]) {
                extend(j)
                j += 1
            }
            return j
        }
        if let words = LineRecognizers.handling(t, l), !words.isEmpty {
            if lastKind == .handling { extend(i) } else { open(.handling, i) }
            return i + 1
        }
        if LineRecognizers.isDistribution(t, l) {
            if lastKind == .distribution { extend(i) } else { open(.distribution, i) }
            return i + 1
        }
        if !sawField {
            // Archive notices and corrections between the banner and the fields.
            open(t.hasPrefixCI(l.lo, l.hi, "DECLASSIFIED") ? .notice : .headerText, i)
            return i + 1
        }
        return nil
    }

    /// Splits line `i` where a `Classified By:` or `REF…:` field is glued after the field the line opens;
    /// returns true when it did.
    private mutating func splitGluedFields(_ i: Int) -> Bool {
        let l = lines[i]
        var cuts: [(Int, UnitKind)] = []
        var k = l.lo + 8
        while k + 14 < l.hi {
            if t[k - 1] == 0x20, t.hasPrefixCI(k, l.hi, "CLASSIFIED BY") { cuts.append((k, .classifiedBy)) }
            if t[k - 1] == 0x20, t.hasPrefixCI(k, l.hi, "REFTEL") || t.hasPrefixCI(k, l.hi, "REF:") || t.hasPrefixCI(k, l.hi, "REFS:") {
                if !cuts.contains(where: { $0.1 == .references }) { cuts.append((k, .references)) }
            }
            k += 1
        }
        guard !cuts.isEmpty else { return false }
        for (at, kind) in cuts {
            let last = units.count - 1
            units[last].range = units[last].range.lowerBound..<at
            units[last].contentRange = units[last].contentRange.lowerBound..<t.trimEnd(units[last].contentRange.lowerBound, at)
            units.append(CableUnit(kind: kind, range: at..<l.next, firstLine: i + 1, lastLine: i + 1, contentRange: at..<l.hi))
        }
        diagnostics.append(Diagnostic(.note, "glued-fields", line: i + 1, "fields written on one line with the subject: "
                                      + cuts.map { $0.1.rawValue }.joined(separator: ", ") + " read as their own parts"))
        return true
    }

    private mutating func isReferenceStart(_ l: SourceLine) -> Bool {
        // Every name opens with R: most lines stop at this test, before eight comparisons.
        guard l.lo < l.hi, ByteText.upper(t[l.lo]) == 0x52 else { return false }
        for w: StaticString in ["REF:", "REFS:", "REF ", "REFTEL", "REFS ", "REFERENCE", "REF.", "REFERENCES"] where t.hasPrefixCI(l.lo, l.hi, w) {
            return true
        }
        return false
    }

    private mutating func isClassifiedBy(_ l: SourceLine) -> Bool {
        var lo = l.lo
        if lo < l.hi, t[lo] == 0x28, let close = t.firstIndex(of: 0x29, lo, min(l.hi, lo + 6)) { lo = t.skipSpaces(close + 1, l.hi) }
        return t.hasPrefixCI(lo, l.hi, "CLASSIFIED BY")
    }

    private mutating func isDerivative(_ l: SourceLine) -> Bool {
        t.hasPrefixCI(l.lo, l.hi, "DECLASSIFY ON") || t.hasPrefixCI(l.lo, l.hi, "DERIVED FROM") || t.hasPrefixCI(l.lo, l.hi, "REASON:")
            || t.hasPrefixCI(l.lo, l.hi, "REASONS:") || t.hasPrefixCI(l.lo, l.hi, "DATE OF SOURCE")
    }

    /// A classification line of a derivative block: `SECRET//FGI//NOFORN//MR`.
    private mutating func isMarkingLine(_ l: SourceLine) -> Bool {
        guard l.length <= 60, let (_, after) = BannerReader.readLevel(t, l.lo, l.hi), after + 1 < l.hi,
              t[after] == 0x2F, t[after + 1] == 0x2F else { return false }
        return true
    }

    /// True for a line that starts another preamble field or the body.
    private mutating func startsField(_ l: SourceLine) -> Bool {
        LineRecognizers.executiveOrder(t, l) != nil || LineRecognizers.opensTags(t, l)
            || t.hasPrefixCI(l.lo, l.hi, "SUBJECT") || isReferenceStart(l) || isClassifiedBy(l) || isDerivative(l)
            || LineRecognizers.paragraphStart(t, l, allowUnnumbered: true) != nil
            || LineRecognizers.handling(t, l) != nil
    }

    /// TAGS continue on lines holding only tag codes (`AF, PK, KZ`), also after one blank line.
    private mutating func continueTags(_ from: Int) -> Int {
        var i = from
        while i < lines.count {
            let l = lines[i]
            if l.isBlank {
                guard i + 1 < lines.count, !lines[i + 1].isBlank, isTagCodes(lines[i + 1]), !startsField(lines[i + 1]) else { return i }
                extend(i)
                i += 1
                continue
            }
            guard tagsStart != nil, isTagCodes(l), !startsField(l) else { return i }
            extend(i)
            i += 1
        }
        return i
    }

    private mutating func isTagCodes(_ l: SourceLine) -> Bool {
        // Only short lines of capitals, digits, `_`, spaces, commas and `[X](#)` artifacts can be tag codes.
        guard l.length <= 80 else { return false }
        for i in l.lo..<l.hi {
            let c = t[i]
            if !(ByteText.isUpper(c) || ByteText.isDigit(c) || c == 0x20 || c == 0x2C || c == 0x5F || c == 0x5B || c == 0x5D || c == 0x28 || c == 0x29 || c == 0x23) { return false }
        }
        return FieldReaders.looksLikeTagCodes(t.string(l.lo, l.hi))
    }

    /// SUBJECT runs to the first blank line or field; a page break inside it is an interruption.
    private mutating func continueSubject(_ from: Int) -> Int {
        var i = from
        while i < lines.count {
            let l = lines[i]
            if l.isBlank {
                // `…AFTER CURRENCY` / blank / `REFORM` / blank: a short stray line finishes the subject.
                if i + 2 < lines.count, !lines[i + 1].isBlank, lines[i + 2].isBlank, lines[i + 1].length <= 40,
                   !startsField(lines[i + 1]), !endsSentence(lines[i - 1]), isUpperText(lines[i + 1]), isUpperText(lines[i - 1]),
                   LineRecognizers.pageBreak(t, lines[i + 1]) == nil, !BannerReader.isRepeat(t, lines[i + 1].lo, lines[i + 1].hi) {
                    extend(i)
                    extend(i + 1)
                    i += 2
                    continue
                }
                return i
            }
            if let end = LineRecognizers.pageBreak(t, l) {
                // A page header with the subject glued after it (`PAGE 02 HARARE … 291400Z OPPOSITION LEADER`).
                extend(i)
                interrupt(.pageBreak, l.start..<(end == l.hi ? l.next : end), line: i)
                i += 1
                continue
            }
            if BannerReader.isRepeat(t, l.lo, l.hi), l.length <= 40 {
                extend(i)
                interrupt(.banner, l.start..<l.next, line: i)
                i += 1
                continue
            }
            if startsField(l) || LineRecognizers.isDashRule(t, l) { return i }
            extend(i)
            i += 1
        }
        return i
    }

    /// REF lists run over lettered lines, blank lines between them included, up to the next field.
    private mutating func continueReferences(_ from: Int) -> Int {
        var i = from
        while i < lines.count {
            let l = lines[i]
            if l.isBlank {
                guard i + 1 < lines.count, !lines[i + 1].isBlank,
                      isReferenceLine(lines[i + 1]) || isNumberOnly(lines[i + 1]) else { return i }
                extend(i)
                i += 1
                continue
            }
            // A lettered entry, a cable number split from its post, or a wrapped line of the list.
            let wrapped = !lines[i - 1].isBlank && !startsField(l) && l.length <= 100 && !LineRecognizers.isDashRule(t, l)
                && LineRecognizers.pageBreak(t, l) == nil && hasDigit(l)
            guard isReferenceLine(l) || isNumberOnly(l) || wrapped else { return i }
            extend(i)
            i += 1
        }
        return i
    }

    private mutating func hasDigit(_ l: SourceLine) -> Bool {
        for i in l.lo..<l.hi where ByteText.isDigit(t[i]) { return true }
        return false
    }

    /// A line holding one number (`36633`), the end of a REF entry split from its post.
    private mutating func isNumberOnly(_ l: SourceLine) -> Bool {
        let n = t.digitRun(l.lo, l.hi)
        return n >= 2 && n <= 7 && l.lo + n == l.hi
    }

    /// `B. ASTANA 0412`, `[1](#)B. ASTANA 0412`, `- [B. ASTANA 0957](#)`, `(B) STATE 1234`, or a short
    /// continuation that names a cable.
    private mutating func isReferenceLine(_ l: SourceLine) -> Bool {
        if startsField(l), LineRecognizers.paragraphStart(t, l, allowUnnumbered: true) == nil || isLetterBullet(l) { return !isClassifiedBy(l) && !isReferenceStart(l) && isLetterBullet(l) }
        return isLetterBullet(l)
    }

    private mutating func isLetterBullet(_ l: SourceLine) -> Bool {
        var i = l.lo
        if i + 1 < l.hi, t[i] == 0xC2, t[i + 1] == 0xB6 { i += 2 }  // ¶B.
        if t.hasPrefixCI(i, l.hi, "- [") { i += 3 } else if t.hasPrefixCI(i, l.hi, "[1](#)") { i += 6 } else if i < l.hi, t[i] == 0x28 { i += 1 }
        guard i + 1 < l.hi, ByteText.isUpper(t[i]), t[i + 1] == 0x2E || t[i + 1] == 0x29 else { return false }
        return i + 2 == l.hi || t[i + 2] == 0x20
    }

    /// Classified By runs to the first blank line or field (`…FOR REASONS` / `1.4 (b), (c), and (d).`).
    private mutating func continueClassifiedBy(_ from: Int) -> Int {
        var i = from
        while i < lines.count {
            let l = lines[i]
            if l.isBlank || LineRecognizers.paragraphStart(t, l, allowUnnumbered: true) != nil { return i }
            if isDerivative(l) {
                extend(i)
                i += 1
                continue
            }
            if startsField(l) || l.length > 160 { return i }
            extend(i)
            i += 1
        }
        return i
    }

    /// True when the line ends a sentence: `.`, `:`, `;`, `!` or `?`, before any closing quotes or
    /// parentheses (`…he said."`, `…END NOTE.)`, `…it.’`).
    private mutating func endsSentence(_ l: SourceLine) -> Bool {
        var e = l.hi
        while e > l.lo {
            let c = t[e - 1]
            if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D { e -= 1; continue }  // " ' ) ]
            // ’ ” (E2 80 99, E2 80 9D)
            if e - 3 >= l.lo, t[e - 3] == 0xE2, t[e - 2] == 0x80, c == 0x99 || c == 0x9D { e -= 3; continue }
            break
        }
        guard e > l.lo else { return false }
        let c = t[e - 1]
        return c == 0x2E || c == 0x3A || c == 0x3B || c == 0x21 || c == 0x3F
    }

    /// True for lines such as `>` or `--`: no letter or digit.
    private mutating func isPunctuationOnly(_ l: SourceLine) -> Bool {
        for i in l.lo..<l.hi where ByteText.isAlnum(t[i]) || t[i] >= 0x80 { return false }
        return true
    }

    /// True when the line holds `. ` followed by more text (a sentence end inside the line). The dots are
    /// found with `memchr`: most lines tested hold none before their last byte, and the byte loop cost ~240
    /// instructions a line.
    func containsSentenceBreak(_ l: SourceLine) -> Bool {
        guard let base = t.b.baseAddress else { return false }
        var i = l.lo + 2
        while i + 1 < l.hi {
            guard let p = memchr(base + i, 0x2E, l.hi - 1 - i) else { return false }
            i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if t[i + 1] == 0x20, ByteText.isAlpha(t[i - 1]), ByteText.isAlpha(t[i - 2]) { return true }
            i += 1
        }
        return false
    }

    /// `containsSentenceBreak` byte by byte (the reference the `memchr` search is tested against).
    func containsSentenceBreakByBytes(_ l: SourceLine) -> Bool {
        var i = l.lo + 2
        while i + 1 < l.hi {
            if t[i] == 0x2E, t[i + 1] == 0x20, ByteText.isAlpha(t[i - 1]), ByteText.isAlpha(t[i - 2]) { return true }
            i += 1
        }
        return false
    }

    private mutating func isUpperText(_ l: SourceLine) -> Bool {
        for i in l.lo..<l.hi where ByteText.isLower(t[i]) { return false }
        return true
    }

    // MARK: - Body

    /// Places one body line (and, for paragraphs, everything that continues them); returns the next line.
    private mutating func placeBody(_ i: Int) -> Int {
        let l = lines[i]
        if i == signatureLine {
            open(.signature, i)
            return i + 1
        }
        if let p = pendingStart.take(), p.line == i, p.after == lastNumber {
            return placeParagraph(p.found, l, line: i)
        }
        if let found = paragraphStart(i) {
            return placeParagraph(found, l, line: i)
        }
        if isPunctuationOnly(l), !units.isEmpty {
            // A stray `>` after the last unit: kept in its bytes, not words of its own.
            let content = units[units.count - 1].contentRange
            extend(i)
            units[units.count - 1].contentRange = content
            return i + 1
        }
        if LineRecognizers.pageBreak(t, l) == l.hi || BannerReader.isRepeat(t, l.lo, l.hi) {
            open(.pageBreak, i)
            return i + 1
        }
        if let end = headingEnd(i) {
            open(.heading, i)
            // The heading's words are its title line, not the dash rules around it.
            let title = LineRecognizers.isDashRule(t, l) ? lines[i + 1] : l
            units[units.count - 1].contentRange = title.lo..<title.hi
            var j = i + 1
            while j < end {
                let content = units[units.count - 1].contentRange
                extend(j)
                units[units.count - 1].contentRange = content
                if let w = LineRecognizers.handling(t, lines[j]), !w.isEmpty { interrupt(.handling, lines[j].start..<lines[j].next, line: j) }
                j += 1
            }
            return j
        }
        // Body text that no number or mark opens: an unnumbered paragraph (it inherits the banner's marking).
        open(.paragraph, i)
        return continueParagraph(i + 1)
    }

    /// Opens the paragraph that starts on `l` (line `i`, or the part of it after a glued page header).
    private mutating func placeParagraph(_ found: FoundParagraph, _ l: SourceLine, line i: Int) -> Int {
        takeParagraph(found)
        let start = found.start
        // Built whole in the append (the memberwise initializer), not set field by field afterwards.
        units.append(CableUnit(kind: .paragraph, range: l.start..<l.next, firstLine: i + 1, lastLine: i + 1,
                               contentRange: start.contentStart..<max(start.contentStart, l.hi), interruptions: [], marking: start.marking,
                               number: found.repaired, writtenNumber: start.digits == nil ? nil : Self.writtenNumber(t, start.token),
                               markRange: start.markRange, blocks: [], priorRedactions: []))
        return continueParagraph(i + 1)
    }

    /// `1` … `99`, built once: the paragraph numbers as most are written (`¶1` … `¶99` are
    /// `CableUnit.paragraphLabels`).
    private static let numberNames: [String] = (0..<100).map { String($0) }

    /// The bytes of a paragraph's number token as a string (`t.string` of it): from a table when they are
    /// one or two digits without a leading zero, after a `¶` or not, which `String(decoding:)` would validate
    /// and build again for each paragraph (~160 instructions).
    static func writtenNumber(_ t: ByteText, _ token: Range<Int>) -> String {
        var lo = token.lowerBound
        let pilcrow = token.count >= 3 && t[lo] == 0xC2 && t[lo + 1] == 0xB6
        if pilcrow { lo += 2 }
        let value: Int
        switch token.upperBound - lo {
        case 1 where ByteText.isDigit(t[lo]):
            value = Int(t[lo] &- 0x30)
        case 2 where ByteText.isDigit(t[lo]) && t[lo] != 0x30 && ByteText.isDigit(t[lo + 1]):
            value = Int(t[lo] &- 0x30) * 10 + Int(t[lo + 1] &- 0x30)
        default:
            return t.string(token.lowerBound, token.upperBound)
        }
        return pilcrow ? CableUnit.paragraphLabels[value] : numberNames[value]
    }

    /// Where a paragraph starts after a page header glued at the start of line `i`, or nil.
    @inline(__always)
    private mutating func gluedParagraphStart(_ i: Int) -> Int? {
        let l = lines[i]
        guard t.hasPrefixCI(l.lo, l.hi, "PAGE "), let end = LineRecognizers.pageBreak(t, l), end < l.hi else { return nil }
        var rest = l
        rest.start = end
        rest.lo = end
        return paragraphStart(i, rest) != nil ? end : nil
    }

    /// The paragraph starting at line `i` (or at `line`, a part of it), with its number repaired and the
    /// diagnostics the repair gives, or nil when the line is not one. Pure: `takeParagraph` commits it.
    private mutating func paragraphStart(_ i: Int, _ line: SourceLine? = nil) -> FoundParagraph? {
        let l = line ?? lines[i]
        guard LineRecognizers.mayStartParagraph(t, l), let s = LineRecognizers.paragraphStart(t, l, allowUnnumbered: true) else { return nil }
        guard let digits = s.digits else { return (s, nil, []) }
        let n = t.intValue(digits.lowerBound, digits.upperBound)  // 1–3 digits
        let expected = lastNumber + 1
        var number = n
        var notes: [Diagnostic] = []
        if s.artifact {
            notes.append(Diagnostic(.note, "paragraph-artifact", line: i + 1, "paragraph number written '\(t.string(s.token.lowerBound, s.token.upperBound))' read as ¶\(n) (rendering artifact '[1](#)' removed)"))
        }
        if n == expected {
            // In order.
        } else if isOneGlued(to: expected, digits) {
            number = expected
            notes.append(Diagnostic(.note, "paragraph-renumbered", line: i + 1, "paragraph number written '\(t.string(s.token.lowerBound, s.token.upperBound))' read as ¶\(expected) (a stray ¶1 glued to the number \(lastNumber == 0 ? "of the first paragraph" : "after ¶\(lastNumber)"))"))
        } else if s.marking != nil || (n > lastNumber && n <= lastNumber + 3) {
            notes.append(Diagnostic(.warning, "paragraph-numbering-gap", line: i + 1, "paragraph numbering goes from ¶\(lastNumber) to ¶\(n)"))
        } else {
            return nil  // a numbered list inside a paragraph
        }
        return (s, number, notes)
    }

    /// True when the digits spell `1` followed by `expected` written in decimal (`13` for ¶3): a stray ¶1
    /// glued to the number.
    private mutating func isOneGlued(to expected: Int, _ digits: Range<Int>) -> Bool {
        guard digits.count >= 2, t[digits.lowerBound] == 0x31, t[digits.lowerBound + 1] != 0x30 else { return false }
        return t.intValue(digits.lowerBound + 1, digits.upperBound) == expected
    }

    /// Commits a paragraph start found by `paragraphStart`: its number and diagnostics.
    private mutating func takeParagraph(_ p: FoundParagraph) {
        if let n = p.repaired { lastNumber = n }
        if !p.notes.isEmpty { diagnostics += p.notes }
    }

    /// A paragraph continues over its lines, blank lines, continuation blocks and page breaks, up to the next
    /// paragraph, heading, signature or a page break that stands between units.
    private mutating func continueParagraph(_ from: Int) -> Int {
        var i = from
        markGlued(units.count - 1, line: from - 1)
        while i < lines.count {
            let l = lines[i]
            if l.isBlank {
                extend(i)
                i += 1
                continue
            }
            if i == signatureLine { return i }
            // Most lines of a paragraph are plain text: a first byte that opens none of what is tested below,
            // no digit last (a page break's page count), after a line that is neither blank nor a rule (what
            // a heading needs). They only extend the paragraph, without the tests' ~150 instructions.
            if plainLineShortcut, opensPlainLine(l), !lines[i - 1].isBlank, t[lines[i - 1].lo] != 0x2D, t[lines[i - 1].lo] != 0x3D {
                i = extendPlainRun(from: i)
                continue
            }
            if LineRecognizers.mayStartParagraph(t, l), let found = paragraphStart(i) {
                pendingStart = PendingStart(line: i, after: lastNumber, found: found)
                return i
            }
            if LineRecognizers.pageBreak(t, l) == l.hi || BannerReader.isRepeat(t, l.lo, l.hi) {
                // A later section's repeated header starts after a page break: it ends the paragraph.
                if sectionBannerAhead(i) != nil { return i }
                // Inside the paragraph only when the paragraph goes on after it.
                var j = i + 1
                while j < lines.count, lines[j].isBlank || LineRecognizers.pageBreak(t, lines[j]) == lines[j].hi || BannerReader.isRepeat(t, lines[j].lo, lines[j].hi) { j += 1 }
                if j >= lines.count || j == signatureLine || startsUnit(j) { return i }
                extend(i)
                interrupt(.pageBreak, l.start..<l.next, line: i)
                i += 1
                continue
            }
            if headingEnd(i) != nil { return i }
            if let split = gluedParagraphStart(i) {
                // `PAGE 03 HARARE 06677 03 OF 03 291401Z 11. (C) COMMENT: …`: the page header ends this
                // paragraph, the next one starts on the same line.
                let k = units.count - 1
                units[k].range = units[k].range.lowerBound..<split
                units[k].lastLine = i + 1
                interrupt(.pageBreak, l.lo..<split, line: i)
                var rest = l
                rest.start = split
                rest.lo = split
                return placeParagraph(paragraphStart(i, rest)!, rest, line: i)
            }
            extend(i)
            markGlued(units.count - 1, line: i)
            i += 1
        }
        return i
    }

    /// True when the content of `l` (not blank) opens as plain text (`opensPlainText`) and does not end in a
    /// digit: after a line that is neither blank nor a rule, no test of `continueParagraph` can stop at it.
    @inline(__always)
    private func opensPlainLine(_ l: SourceLine) -> Bool {
        Self.opensPlainText(t[l.lo], l.lo + 1 < l.hi ? t[l.lo + 1] : 0x20) && !ByteText.isDigit(t[l.hi - 1])
    }

    /// Adds the plain line `from` and the plain lines right after it to the last unit (as `extend` and
    /// `markGlued` one by one would) and returns the line after them. A plain line is neither blank nor a rule,
    /// so the next one needs only `opensPlainLine`; the unit is written once for the run, not once a line (each
    /// write checks the units' buffer is unique), except before the rare line `markGluedText` looks at.
    private mutating func extendPlainRun(from: Int) -> Int {
        let k = units.count - 1
        var j = from
        while true {
            if opens(lines[j], with: 0x53) || opens(lines[j], with: 0x50) || (j + 1 < lines.count && opens(lines[j + 1], with: 0x50)) {
                extend(j)
                markGluedText(k, line: j)
            }
            let next = j + 1
            guard next < lines.count, next != signatureLine, !lines[next].isBlank, opensPlainLine(lines[next]) else { break }
            j = next
        }
        extend(j)
        return j + 1
    }

    /// False when `c` and `next`, the first two bytes of a line's content (`next` a space for a line of one
    /// byte), may open something `continueParagraph` tests a line for: a paragraph number or mark (`¶`, `[`,
    /// `(`, a digit), a heading between slashes, a dash rule (`-`, `=`, a space), a page header (`PA`), a banner
    /// repeat (the first two letters of a level, or its first letter spaced: as `BannerReader.readLevel`
    /// tests), or any byte >= 0x80. Bit sets and shifts (no table to load); the second byte is read only after
    /// the letters C, L, P, S, T, U.
    @inline(__always)
    static func opensPlainText(_ c: UInt8, _ next: UInt8) -> Bool {
        if c < 0x40 {
            let opening: UInt64 = 1 << 0x20 | 1 << 0x28 | 1 << 0x2D | 1 << 0x2F | 0x3FF << 0x30 | 1 << 0x3D
            return (opening >> UInt64(c)) & 1 == 0
        }
        guard c < 0x80 else { return false }
        // C L P S T U in either case, `[` (and `{`, with the same low bits): the low five bits of the byte.
        let marked: UInt64 = 1 << 0x03 | 1 << 0x0C | 1 << 0x10 | 1 << 0x13 | 1 << 0x14 | 1 << 0x15 | 1 << 0x1B
        guard (marked >> UInt64(c & 0x1F)) & 1 != 0 else { return true }
        return isPlainAfter(letter: c & 0x1F, next)
    }

    /// `opensPlainText` for a line opening with C, L, P, S, T, U (`letter` its low five bits), `[` or `{`.
    private static func isPlainAfter(letter: UInt8, _ next: UInt8) -> Bool {
        let second = next == 0x20 ? 0x20 : ByteText.upper(next)
        switch letter {
        case 0x03, 0x14: return second != 0x4F && second != 0x20  // CONFIDENTIAL, TOP SECRET
        case 0x13: return second != 0x45 && second != 0x20  // SECRET
        case 0x15: return second != 0x4E && second != 0x20  // UNCLASSIFIED
        case 0x0C: return second != 0x49 && second != 0x20  // LIMITED OFFICIAL USE
        case 0x10: return second != 0x41  // PAGE
        default: return false  // [1](#)
        }
    }

    /// True when line `j` opens a new unit in the body (a paragraph or a heading).
    private mutating func startsUnit(_ j: Int) -> Bool {
        if LineRecognizers.mayStartParagraph(t, lines[j]), paragraphStart(j) != nil { return true }
        return headingEnd(j) != nil
    }

    /// Records text glued into a paragraph line: `SIPDIS` at its start, a `PAGE 02 …` header, a banner
    /// repeat at its end before a page header.
    @inline(__always)
    private mutating func markGlued(_ k: Int, line i: Int) {
        // Each case opens with S (SIPDIS) or P (PAGE) on this line, or P on the next: most lines have neither.
        guard opens(lines[i], with: 0x53) || opens(lines[i], with: 0x50) || (i + 1 < lines.count && opens(lines[i + 1], with: 0x50)) else { return }
        markGluedText(k, line: i)
    }

    /// True when `l`'s content opens with `letter` (given in upper case), in either case.
    @inline(__always)
    private func opens(_ l: SourceLine, with letter: UInt8) -> Bool { l.lo < l.hi && ByteText.upper(t[l.lo]) == letter }

    /// `markGlued` for a line where one of its cases may apply.
    private mutating func markGluedText(_ k: Int, line i: Int) {
        let l = lines[i]
        if i > units[k].firstLine - 1 || units[k].contentRange.lowerBound == l.lo {
            if t.hasWordCI(l.lo, l.hi, "SIPDIS"), l.hi - l.lo > 7 {
                interrupt(.handling, l.lo..<t.skipSpaces(l.lo + 6, l.hi), line: i)
                diagnostics.append(Diagnostic(.note, "glued-handling", line: i + 1, "'SIPDIS' glued to the start of a line: kept, but not part of the paragraph's words"))
            }
            if t.hasPrefixCI(l.lo, l.hi, "PAGE "), let end = LineRecognizers.pageBreak(t, l), end < l.hi {
                interrupt(.pageBreak, l.lo..<end, line: i)
                diagnostics.append(Diagnostic(.note, "glued-page-break", line: i + 1, "page header glued to the text: kept, but not part of the paragraph's words"))
            }
        }
        // ` CONFIDENTIAL` at the end of a line, right before a `PAGE nn` header.
        if i + 1 < lines.count, t.hasPrefixCI(lines[i + 1].lo, lines[i + 1].hi, "PAGE "), LineRecognizers.pageBreak(t, lines[i + 1]) != nil {
            if let start = gluedBannerStart(l) {
                interrupt(.banner, start..<l.hi, line: i)
                diagnostics.append(Diagnostic(.note, "glued-banner", line: i + 1, "banner repeat glued to the end of the line: kept, but not part of the paragraph's words"))
            }
        }
    }

    /// Start of a classification word at the end of `l` preceded by two spaces (`…ESSENTIALLY, A  CONFIDENTIAL`).
    private mutating func gluedBannerStart(_ l: SourceLine) -> Int? {
        for (word, n) in [("CONFIDENTIAL" as StaticString, 12), ("SECRET", 6), ("UNCLASSIFIED", 12)] {
            let s = l.hi - n
            if s - 2 > l.lo, t.hasPrefixCI(s, l.hi, word), t[s - 1] == 0x20, t[s - 2] == 0x20 { return s - 2 }
        }
        return nil
    }

    /// A heading: a short line without sentence punctuation, standing alone (blank or a dash rule after it),
    /// optionally underlined or framed by dash rules. Returns the line after the heading.
    @inline(__always)
    private mutating func headingEnd(_ i: Int) -> Int? {
        // `//Bio Info//`: a heading between slashes stands alone even without a blank line before it.
        let l = lines[i]
        if l.length >= 6, l.length <= 100, t[l.lo] == 0x2F, t[l.lo + 1] == 0x2F, t[l.hi - 1] == 0x2F, t[l.hi - 2] == 0x2F { return i + 1 }
        // Cheapest test first, where it is called: a heading line (or the rule above it) stands after a blank
        // line or a rule.
        if i > 0, !lines[i - 1].isBlank, !LineRecognizers.isDashRule(t, lines[i - 1]), !LineRecognizers.isDashRule(t, lines[i]) { return nil }
        return headingEndAfterBreak(i)
    }

    /// `headingEnd` for a line after a blank line or a rule, or a rule itself.
    private mutating func headingEndAfterBreak(_ i: Int) -> Int? {
        var j = i
        if LineRecognizers.isDashRule(t, lines[j]) { j += 1 }  // rule above
        guard j < lines.count, !lines[j].isBlank, j != signatureLine else { return nil }
        let h = lines[j]
        // A heading may ask a question (`PUTIN ON KAZAKHSTAN'S WTO ACCESSION BID?`) but ends no statement.
        guard h.length <= 80, !endsSentence(h) || t[h.hi - 1] == 0x3F, t[h.hi - 1] != 0x2C, !LineRecognizers.isDashRule(t, h),
              LineRecognizers.paragraphStart(t, h, allowUnnumbered: true) == nil else { return nil }
        if j > i, !(j + 1 < lines.count) { return nil }
        // Sentences (`Commission. END SUMMARY`) are not headings.
        guard !containsSentenceBreak(h), !t.hasPrefixCI(h.lo, h.hi, "END ") else { return nil }
        // The previous line is blank or a rule, and the text before it ended its sentence.
        if i > 0, j == i {
            let p = lines[i - 1]
            guard p.isBlank || LineRecognizers.isDashRule(t, p) else { return nil }
            var q = i - 1
            while q > 0, lines[q].isBlank { q -= 1 }
            if q < i - 1, !lines[q].isBlank, !endsSentence(lines[q]), !LineRecognizers.isDashRule(t, lines[q]),
               !units.isEmpty, units[units.count - 1].kind == .paragraph, units[units.count - 1].lastLine >= q + 1 { return nil }
        }
        var k = j + 1
        // SIPDIS glued under a heading (`…CRYSTAL BALL` / `SIPDIS` / `-----`).
        if k < lines.count, LineRecognizers.handling(t, lines[k]) != nil, k + 1 < lines.count, LineRecognizers.isDashRule(t, lines[k + 1]) { k += 1 }
        if k < lines.count, LineRecognizers.isDashRule(t, lines[k]) { return k + 1 }
        guard k >= lines.count || lines[k].isBlank else { return nil }
        // Mixed-case headings must look like titles; all-caps ones must be followed by a paragraph.
        while k < lines.count, lines[k].isBlank { k += 1 }
        guard k < lines.count else { return nil }
        if LineRecognizers.paragraphStart(t, lines[k], allowUnnumbered: true) != nil { return j + 1 }
        return nil
    }

    /// The signature: the last line that is not blank, a page break or a banner repeat, when it is a name
    /// (`HOAGLAND`, `RICE`, `J. SMITH`).
    private mutating func findSignature() -> Int? {
        var i = lines.count - 1
        while i >= 0 {
            let l = lines[i]
            if l.isBlank || LineRecognizers.pageBreak(t, l) == l.hi || BannerReader.isRepeat(t, l.lo, l.hi) || isPunctuationOnly(l) { i -= 1; continue }
            break
        }
        guard i > 0, let b = bannerLine, i > b + 1 else { return nil }
        let l = lines[i]
        guard l.length <= 40, !t.hasPrefixCI(l.lo, l.hi, "END "), !t.hasPrefixCI(l.lo, l.hi, "BT") || l.length > 2 else { return nil }
        var words = 0
        var inWord = false
        var letters = 0
        for k in l.lo..<l.hi {
            let c = t[k]
            if ByteText.isAlpha(c) {
                letters += 1
                if !inWord { words += 1; inWord = true }
            } else if c == 0x20 || c == 0x2C {
                inWord = false
            } else if c == 0x2E || c == 0x27 || c == 0x2D || c >= 0x80 {
                continue
            } else {
                return nil
            }
        }
        guard letters >= 2, words <= 4 else { return nil }
        if endsSentence(l), !(l.hi - l.lo >= 2 && ByteText.isUpper(t[l.hi - 2]) && (l.hi - 3 < l.lo || t[l.hi - 3] == 0x20)) { return nil }
        return i
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
