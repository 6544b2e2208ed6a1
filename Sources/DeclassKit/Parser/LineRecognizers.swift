/// The start of a paragraph: its number as written and repaired later, and its portion mark.
struct ParagraphStart {
    /// Byte range of the number's digits, as written (`11` for `11. (C)`), or nil for an unnumbered marked
    /// paragraph (1–3 digits; strings are built only for the paragraphs kept).
    var digits: Range<Int>?
    /// Byte range of the whole number token as written (`[1](#)2`, `¶18`).
    var token: Range<Int>
    /// True when a `[1](#)` rendering artifact stood before the number.
    var artifact: Bool
    var marking: PortionMarking?
    var markRange: Range<Int>?
    /// Where the paragraph's words begin.
    var contentStart: Int
}

/// Recognisers for single lines, working on bytes in place.
enum LineRecognizers {
    /// False when `paragraphStart` is sure to find nothing on the line: it opens with neither `¶`, `[`, a digit
    /// nor `(`. Most lines of a paragraph fail this one byte test, before any result is built.
    @inline(__always)
    static func mayStartParagraph(_ t: ByteText, _ line: SourceLine) -> Bool {
        guard line.lo < line.hi else { return false }
        let c = t[line.lo]
        return c == 0xC2 || c == 0x5B || c == 0x28 || ByteText.isDigit(c)
    }

    /// Reads `¶4. (C)`, `[1](#)2. (C)`, `11. (C)`, `1.(C)`, `¶1. DESPITE…`, or, when `allowUnnumbered`, a
    /// line that starts with a known portion mark (`(C) The Ambassador…`).
    static func paragraphStart(_ t: ByteText, _ line: SourceLine, allowUnnumbered: Bool) -> ParagraphStart? {
        var i = line.lo
        let hi = line.hi
        let tokenStart = i
        var artifact = false
        // "¶" is C2 B6 in UTF-8.
        if i + 1 < hi, t[i] == 0xC2, t[i + 1] == 0xB6 { i += 2; i = t.skipSpaces(i, hi) }
        if t.hasPrefixCI(i, hi, "[1](#)") { artifact = true; i += 6 }
        let nd = t.digitRun(i, hi)
        if nd == 0 {
            guard allowUnnumbered, i == line.lo, i < hi, t[i] == 0x28,
                  let (m, after) = MarkingReader.read(t, at: i, end: hi), !m.isUnknown else { return nil }
            return ParagraphStart(digits: nil, token: i..<i, artifact: false, marking: m, markRange: i..<after, contentStart: t.skipSpaces(after, hi))
        }
        guard nd <= 3 else { return nil }
        let digitsStart = i
        i += nd
        guard i < hi, t[i] == 0x2E else { return nil }  // "."
        let afterDot = i + 1
        // "1.4" is a section number, not a paragraph.
        if afterDot < hi, ByteText.isDigit(t[afterDot]) { return nil }
        if afterDot < hi, !(ByteText.isSpace(t[afterDot]) || t[afterDot] == 0x28) { return nil }
        let digits = digitsStart..<(digitsStart + nd)
        let token = tokenStart..<(digitsStart + nd)
        var j = t.skipSpaces(afterDot, hi)
        var marking: PortionMarking?
        var markRange: Range<Int>?
        if j < hi, t[j] == 0x28, let (m, after) = MarkingReader.read(t, at: j, end: hi) {
            marking = m
            markRange = j..<after
            j = t.skipSpaces(after, hi)
        }
        return ParagraphStart(digits: digits, token: token, artifact: artifact, marking: marking, markRange: markRange, contentStart: j)
    }

    /// A page break: `ASTANA 00000435 002 OF 003` (whole line), or `PAGE 02 HARARE 06677 01 OF 03 291400Z`
    /// with text glued after it. Returns the end of the page-break text on the line.
    @inline(__always)
    static func pageBreak(_ t: ByteText, _ line: SourceLine) -> Int? {
        // Both forms need a P (`PAGE`) first or a digit last: most lines stop here, where it is called.
        guard line.hi - line.lo >= 8, ByteText.upper(t[line.lo]) == 0x50 || ByteText.isDigit(t[line.hi - 1]) else { return nil }
        return pageBreakText(t, line)
    }

    /// `pageBreak` for a line of 8 bytes or more that opens with P or ends with a digit.
    private static func pageBreakText(_ t: ByteText, _ line: SourceLine) -> Int? {
        let lo = line.lo, hi = line.hi
        if t.hasPrefixCI(lo, hi, "PAGE "), ByteText.isDigit(t[t.skipSpaces(lo + 5, hi)]) {
            // Find " OF NN" then an optional date-time group token.
            var i = lo + 5
            while i + 4 <= hi {
                if t[i] == 0x20, t.hasPrefixCI(i + 1, hi, "OF "), t.digitRun(t.skipSpaces(i + 4, hi), hi) > 0 {
                    var j = t.skipSpaces(i + 4, hi)
                    j += t.digitRun(j, hi)
                    let k = t.skipSpaces(j, hi)
                    let g = t.digitRun(k, hi)
                    if g == 6, k + 6 < hi, t[k + 6] == 0x5A { j = k + 7 }  // 291400Z
                    return t.skipSpaces(j, hi) == hi ? line.hi : t.skipSpaces(j, hi)
                }
                i += 1
            }
            return nil
        }
        // ORIGIN NNNNNNNN NNN OF NNN: the line ends in "OF" + digits.
        guard ByteText.isDigit(t[hi - 1]) else { return nil }
        var e = hi
        while e > lo, ByteText.isDigit(t[e - 1]) { e -= 1 }
        guard e - 4 > lo, t[e - 1] == 0x20, t.hasPrefixCI(e - 3, e, "OF"), t[e - 4] == 0x20, hi - lo <= 80 else { return nil }
        // ASCII lines (all but a few) are checked in place; the tokens are split on spaces as below.
        var ascii = true
        var n = 0
        var inToken = false
        for k in lo..<hi {
            let c = t[k]
            if c >= 0x80 { ascii = false; break }
            if c == 0x20 { inToken = false } else if !inToken { inToken = true; n += 1 }
        }
        if !ascii { return pageBreakTokens(t, lo, hi) }
        // The last two tokens are `OF` and the digits (checked above); then the page number, the serial and
        // the origin's words.
        guard n >= 5, n <= 8 else { return nil }
        var p = e - 4
        while p > lo, t[p - 1] == 0x20 { p -= 1 }
        var q = p
        while q > lo, t[q - 1] != 0x20 { q -= 1 }
        guard q < p, ByteText.isDigit(t[q]) else { return nil }
        for k in q..<p where !(ByteText.isDigit(t[k]) || t[k] == 0x2E) { return nil }
        var p2 = q
        while p2 > lo, t[p2 - 1] == 0x20 { p2 -= 1 }
        var q2 = p2
        while q2 > lo, t[q2 - 1] != 0x20 { q2 -= 1 }
        guard p2 - q2 >= 5 else { return nil }
        for k in q2..<p2 where !ByteText.isDigit(t[k]) { return nil }
        for k in lo..<q2 where !(ByteText.isAlpha(t[k]) || t[k] == 0x20) { return nil }
        return hi
    }

    /// The token test of `pageBreak` for a line with non-ASCII text (Unicode letters count as letters).
    private static func pageBreakTokens(_ t: ByteText, _ lo: Int, _ hi: Int) -> Int? {
        let tokens = t.string(lo, hi).split(separator: " ", omittingEmptySubsequences: true)
        guard tokens.count >= 5, tokens.count <= 8 else { return nil }
        let n = tokens.count
        guard tokens[n - 2].uppercasedFast() == "OF", tokens[n - 1].allSatisfy(\.isASCIIDigit),
              tokens[n - 3].allSatisfy({ $0.isASCIIDigit || $0 == "." }), tokens[n - 3].first?.isASCIIDigit == true,
              tokens[n - 4].count >= 5, tokens[n - 4].allSatisfy(\.isASCIIDigit),
              tokens[0..<(n - 4)].allSatisfy({ $0.allSatisfy(\.isLetter) }) else { return nil }
        return hi
    }

    /// True for a line of dashes (`-------`), used to underline headings.
    @inline(__always)
    static func isDashRule(_ t: ByteText, _ line: SourceLine) -> Bool {
        // The first byte decides for most lines.
        guard line.length >= 3, t[line.lo] == 0x2D || t[line.lo] == 0x3D || t[line.lo] == 0x20 else { return false }
        for i in line.lo..<line.hi where t[i] != 0x2D && t[i] != 0x3D && t[i] != 0x20 { return false }
        return true
    }

    /// Handling words that stand alone on a line (`SIPDIS`, `NOFORN`, `SENSITIVE`, `E F T O`); returns them.
    static func handling(_ t: ByteText, _ line: SourceLine) -> [String]? {
        guard line.length <= 40, line.length >= 4 else { return nil }
        var hi = line.hi
        if t[hi - 1] == 0x2E { hi -= 1 }  // `SENSITIVE BUT UNCLASSIFIED.`
        for i in line.lo..<hi where !(ByteText.isAlpha(t[i]) || t[i] == 0x20 || t[i] == 0x2C) { return nil }
        // The words (split on spaces and commas), compared in place: the letters are ASCII, so comparing
        // them upper-cased is what upper-casing the line would give.
        var count = 0
        var sbu = true  // SENSITIVE BUT UNCLASSIFIED so far
        var efto = true  // E F T O so far
        var listed = true  // every word a handling word so far
        var out: [String] = []
        var i = line.lo
        while i < hi {
            while i < hi, t[i] == 0x20 || t[i] == 0x2C { i += 1 }
            guard i < hi else { break }
            let ws = i
            while i < hi, t[i] != 0x20, t[i] != 0x2C { i += 1 }
            switch count {
            case 0: sbu = sbu && t.isWordCI(ws, i, "SENSITIVE")
            case 1: sbu = sbu && t.isWordCI(ws, i, "BUT")
            case 2: sbu = sbu && t.isWordCI(ws, i, "UNCLASSIFIED")
            default: sbu = false
            }
            efto = efto && count < 4 && i - ws == 1 && ByteText.upper(t[ws]) == (count == 0 ? 0x45 : count == 1 ? 0x46 : count == 2 ? 0x54 : 0x4F)
            count += 1
            if listed {
                if let w = handlingWord(t, ws, i) { out.append(w) } else { listed = false }
            }
        }
        guard count > 0 else { return nil }
        if sbu, count == 3 { return ["SENSITIVE"] }
        if efto, count == 4 { return ["EFTO"] }
        return listed ? out : nil
    }

    private static let handlingWords: [(StaticString, String)] = [
        ("SIPDIS", "SIPDIS"), ("NOFORN", "NOFORN"), ("SENSITIVE", "SENSITIVE"), ("EFTO", "EFTO"), ("NODIS", "NODIS"), ("EXDIS", "EXDIS"),
        ("LIMDIS", "LIMDIS"), ("STADIS", "STADIS"), ("CHEROKEE", "CHEROKEE"), ("ROGER", "ROGER"), ("NOCONTRACT", "NOCONTRACT"),
        ("ORCON", "ORCON"), ("PROPIN", "PROPIN"),
    ]

    /// The handling word spelled by `from..<to` (any case), or nil.
    private static func handlingWord(_ t: ByteText, _ from: Int, _ to: Int) -> String? {
        for (w, s) in handlingWords where t.isWordCI(from, to, w) { return s }
        return nil
    }

    /// True for distribution lines (`STATE FOR SCA/CEN, …`, `PLEASE PASS TO USTR`, `STATE PASS TO USTR`,
    /// `LONDON FOR CHARLES GURNEY`, `DEPT ALSO FOR …`).
    static func isDistribution(_ t: ByteText, _ line: SourceLine) -> Bool {
        let lo = line.lo, hi = line.hi
        guard hi > lo, ByteText.isUpper(t[lo]) else { return false }
        if t.hasPrefixCI(lo, hi, "PLEASE PASS") || t.hasPrefixCI(lo, hi, "PASS TO") || t.hasPrefixCI(lo, hi, "FOR ") { return true }
        // Up to four upper-case words, then "FOR" or "PASS".
        var i = lo
        var words = 0
        while i < hi, words < 5 {
            let ws = i
            while i < hi, !ByteText.isSpace(t[i]) {
                let c = t[i]
                if ByteText.isLower(c) { return false }
                i += 1
            }
            words += 1
            if words > 1, t.isWord(ws, i, "FOR") || t.isWord(ws, i, "PASS") { return true }
            i = t.skipSpaces(i, hi)
        }
        return false
    }

    /// Index just after an `E.O.`/`EO`/`E. O.`/`E.o.` prefix followed by an order number, or nil.
    static func executiveOrder(_ t: ByteText, _ line: SourceLine) -> Int? {
        var i = line.lo
        let hi = line.hi
        if i + 1 < hi, t[i] == 0xC2, t[i + 1] == 0xB6 { i += 2 }
        guard i < hi, t[i] == 0x45 || t[i] == 0x65 else { return nil }  // E/e
        i += 1
        if i < hi, t[i] == 0x2E { i += 1 }
        if i < hi, t[i] == 0x20 { i += 1 }
        guard i < hi, t[i] == 0x4F || t[i] == 0x6F else { return nil }  // O/o
        i += 1
        if i < hi, t[i] == 0x2E { i += 1 }
        i = t.skipSpaces(i, hi)
        guard t.digitRun(i, hi) == 5 else { return nil }
        return i
    }

    /// True when the line opens with the TAGS field: `tagsField(t, from: line.lo, line.hi) == line.lo`, tested
    /// at the line's start only (`tagsField` would look along the whole line for a later one).
    @inline(__always)
    static func opensTags(_ t: ByteText, _ line: SourceLine) -> Bool {
        isTags(t, line.lo, line.hi)
    }

    /// "TAGS" at `i` as a field: followed by the end, a colon or a space.
    @inline(__always)
    private static func isTags(_ t: ByteText, _ i: Int, _ hi: Int) -> Bool {
        t.hasPrefixCI(i, hi, "TAGS") && (i + 4 == hi || t[i + 4] == 0x3A || t[i + 4] == 0x20)
    }

    /// Where "TAGS" appears as a field on the line (at its start, or after an E.O. instruction), or nil.
    static func tagsField(_ t: ByteText, from: Int, _ hi: Int) -> Int? {
        var i = from
        while i + 4 <= hi {
            if (i == from || t[i - 1] == 0x20), isTags(t, i, hi) {
                return i
            }
            i += 1
        }
        return nil
    }
}
