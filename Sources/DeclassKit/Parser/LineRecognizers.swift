/// The start of a paragraph: its number as written and repaired later, and its portion mark.
struct ParagraphStart {
    /// The number's digits, as written (`11` for `11. (C)`), or nil for an unnumbered marked paragraph.
    var digits: String?
    /// The whole number token as written (`[1](#)2`, `¶18`).
    var token: String
    /// True when a `[1](#)` rendering artifact stood before the number.
    var artifact: Bool
    var marking: PortionMarking?
    var markRange: Range<Int>?
    /// Where the paragraph's words begin.
    var contentStart: Int
}

/// Recognisers for single lines, working on bytes in place.
enum LineRecognizers {
    /// Reads `¶4. (C)`, `[1](#)2. (C)`, `11. (C)`, `1.(C)`, `¶1. DESPITE…`, or, when `allowUnnumbered`, a
    /// line that starts with a known portion mark (`(C) The Ambassador…`).
    static func paragraphStart(_ t: ByteText, _ line: SourceLine, allowUnnumbered: Bool) -> ParagraphStart? {
        var i = line.lo
        let hi = line.hi
        var tokenStart = i
        var artifact = false
        // "¶" is C2 B6 in UTF-8.
        if i + 1 < hi, t[i] == 0xC2, t[i + 1] == 0xB6 { i += 2; i = t.skipSpaces(i, hi) }
        if t.hasPrefixCI(i, hi, "[1](#)") { artifact = true; i += 6 }
        let nd = t.digitRun(i, hi)
        if nd == 0 {
            guard allowUnnumbered, i == line.lo, i < hi, t[i] == 0x28,
                  let (m, after) = MarkingReader.read(t, at: i, end: hi), !m.isUnknown else { return nil }
            return ParagraphStart(digits: nil, token: "", artifact: false, marking: m, markRange: i..<after, contentStart: t.skipSpaces(after, hi))
        }
        guard nd <= 3 else { return nil }
        let digitsStart = i
        i += nd
        guard i < hi, t[i] == 0x2E else { return nil }  // "."
        let afterDot = i + 1
        // "1.4" is a section number, not a paragraph.
        if afterDot < hi, ByteText.isDigit(t[afterDot]) { return nil }
        if afterDot < hi, !(ByteText.isSpace(t[afterDot]) || t[afterDot] == 0x28) { return nil }
        let digits = t.string(digitsStart, digitsStart + nd)
        let token = t.string(tokenStart, digitsStart + nd)
        tokenStart = afterDot
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
    static func pageBreak(_ t: ByteText, _ line: SourceLine) -> Int? {
        let lo = line.lo, hi = line.hi
        guard hi - lo >= 8 else { return nil }
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
        let tokens = t.string(lo, hi).split(separator: " ", omittingEmptySubsequences: true)
        guard tokens.count >= 5, tokens.count <= 8 else { return nil }
        let n = tokens.count
        guard tokens[n - 2].uppercased() == "OF", tokens[n - 1].allSatisfy(\.isASCIIDigit),
              tokens[n - 3].allSatisfy({ $0.isASCIIDigit || $0 == "." }), tokens[n - 3].first?.isASCIIDigit == true,
              tokens[n - 4].count >= 5, tokens[n - 4].allSatisfy(\.isASCIIDigit),
              tokens[0..<(n - 4)].allSatisfy({ $0.allSatisfy(\.isLetter) }) else { return nil }
        return hi
    }

    /// True for a line of dashes (`-------`), used to underline headings.
    static func isDashRule(_ t: ByteText, _ line: SourceLine) -> Bool {
        guard line.length >= 3 else { return false }
        for i in line.lo..<line.hi where t[i] != 0x2D && t[i] != 0x3D && t[i] != 0x20 { return false }
        return true
    }

    /// Handling words that stand alone on a line (`SIPDIS`, `NOFORN`, `SENSITIVE`, `E F T O`); returns them.
    static func handling(_ t: ByteText, _ line: SourceLine) -> [String]? {
        guard line.length <= 40, line.length >= 4 else { return nil }
        var hi = line.hi
        if t[hi - 1] == 0x2E { hi -= 1 }  // `SENSITIVE BUT UNCLASSIFIED.`
        for i in line.lo..<hi where !(ByteText.isAlpha(t[i]) || t[i] == 0x20 || t[i] == 0x2C) { return nil }
        let words = t.string(line.lo, hi).uppercased().split(whereSeparator: { $0 == " " || $0 == "," })
        guard !words.isEmpty else { return nil }
        if words == ["SENSITIVE", "BUT", "UNCLASSIFIED"] { return ["SENSITIVE"] }
        if words.allSatisfy({ $0.count == 1 }), words.joined() == "EFTO" { return ["EFTO"] }
        var out: [String] = []
        for w in words {
            switch w {
            case "SIPDIS", "NOFORN", "SENSITIVE", "EFTO", "NODIS", "EXDIS", "LIMDIS", "STADIS", "CHEROKEE", "ROGER", "NOCONTRACT", "ORCON", "PROPIN":
                out.append(String(w))
            default:
                return nil
            }
        }
        return out
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
            let w = t.string(ws, i)
            if words > 1, w == "FOR" || w == "PASS" { return true }
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

    /// Where "TAGS" appears as a field on the line (at its start, or after an E.O. instruction), or nil.
    static func tagsField(_ t: ByteText, from: Int, _ hi: Int) -> Int? {
        var i = from
        while i + 4 <= hi {
            if (i == from || t[i - 1] == 0x20), t.hasPrefixCI(i, hi, "TAGS"), i + 4 == hi || t[i + 4] == 0x3A || t[i + 4] == 0x20 {
                return i
            }
            i += 1
        }
        return nil
    }
}
