/// Classifies the lines before the banner: routing, date-time group, FM/TO/INFO, distribution blocks,
/// archive notices.
enum HeaderLines {
    static func kind(_ t: ByteText, _ line: SourceLine, previous: UnitKind?) -> UnitKind {
        let lo = line.lo, hi = line.hi
        // The prefixes by the line's first letter (each line was tested against all eleven before): no two
        // of them share a first letter unless tested in the same order here.
        let first = ByteText.upper(t[lo])
        switch first {
        case 0x56: if t.hasPrefixCI(lo, hi, "VZCZC") { return .routing }  // V
        case 0x44: if t.hasPrefixCI(lo, hi, "DE R") { return .routing }  // D
        case 0x5A: if t.hasPrefixCI(lo, hi, "ZNY ") || t.hasPrefixCI(lo, hi, "ZNR ") { return .routing }  // Z
        case 0x46: if t.hasPrefixCI(lo, hi, "FM ") { return .from }  // F
        case 0x54:  // T
            if t.hasPrefixCI(lo, hi, "TO ") { return .to }
            if t.hasPrefixCI(lo, hi, "THIS RECORD IS A PARTIAL EXTRACT") { return .notice }
        case 0x49:  // I
            // `INFO LOG-00 …` (also `INFO  LOG-00`): a distribution block, not addressees.
            if t.hasPrefixCI(lo, hi, "INFO ") { return t.hasPrefixCI(t.skipSpaces(lo + 5, hi), hi, "LOG-") ? .distribution : .info }
        case 0x41: if t.hasPrefixCI(lo, hi, "ACTION ") { return .distribution }  // A
        case 0x2D: if hi - lo > 6, t[lo + 1] == 0x2D, t[lo + 2] == 0x2D { return .distribution }  // ---
        default: break
        }
        // Date-time groups (`O 120728Z MAR 09`, `291359Z Nov 00`) and routing-indicator lines (`OO RUEHBI …`)
        // are short, start with a precedence letter or a digit and hold only letters, digits and spaces.
        if hi - lo <= 100, first == 0x4F || first == 0x50 || first == 0x52 || first == 0x5A || ByteText.isDigit(first), t.isUpperTokens(lo, hi) {
            if hi - lo <= 40, mayHoldDTG(t, lo, hi), isDTG(t, lo, hi) { return .dateTimeGroup }
            if isRoutingIndicators(t, lo, hi) { return .routing }
        }
        switch previous {
        case .to, .info:
            return previous!
        case .distribution where line.start < lo:
            return .distribution
        default:
            return .headerText
        }
    }

    /// True when `lo..<hi` holds six digits then `Z` or `z`, as every date-time group does (`120728Z`):
    /// a line without them is no group, and is not split into tokens to find out.
    static func mayHoldDTG(_ t: ByteText, _ lo: Int, _ hi: Int) -> Bool {
        var run = 0
        for i in lo..<hi {
            let c = t[i]
            if ByteText.isDigit(c) {
                run += 1
            } else {
                if run >= 6, c == 0x5A || c == 0x7A { return true }
                run = 0
            }
        }
        return false
    }

    /// `O 120728Z MAR 09`, `O R 161415Z DEC 09`, `291359Z Nov 00`.
    static func isDTG(_ tokens: [Substring]) -> Bool {
        var i = 0
        while i < tokens.count, i < 2, tokens[i].count <= 2, tokens[i].allSatisfy({ "OPRZ".contains($0) }) { i += 1 }
        return tokens.count - i <= 4 && DateReader.readDTG(Array(tokens[i...])) != nil
    }

    /// `isDTG` over the bytes of a line made only of ASCII letters, digits and spaces (as `isUpperTokens`
    /// finds), where characters are bytes: the tokens are split on spaces in place.
    static func isDTG(_ t: ByteText, _ lo: Int, _ hi: Int) -> Bool {
        guard let g = dtgTokens(t, lo, hi) else { return false }
        return g.tokens.count - g.first <= 4
    }

    /// A date-time group line as `CableFields` reads it (`O R 161415Z DEC 09`): the date, the group as written,
    /// the precedence letters joined by a space, and how many tokens follow the precedence; nil when the
    /// tokens after the precedence are no group. The text is the line's Substring tokens.
    static func readDTG(_ text: String) -> (date: CivilDate, group: String, precedence: String?, tokens: Int)? {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true)
        var i = 0
        var precedence: [Substring] = []
        while i < tokens.count, i < 2, tokens[i].count <= 2, tokens[i].allSatisfy({ "OPRZ".contains($0) }) { precedence.append(tokens[i]); i += 1 }
        guard let (date, group) = DateReader.readDTG(Array(tokens[i...])) else { return nil }
        return (date, group, precedence.isEmpty ? nil : precedence.joined(separator: " "), tokens.count - i)
    }

    /// `readDTG` over the bytes of a line made only of ASCII letters, digits and spaces (as `isUpperTokens`
    /// finds), where characters are bytes: only the group and the precedence become strings.
    static func readDTG(_ t: ByteText, _ lo: Int, _ hi: Int) -> (date: CivilDate, group: String, precedence: String?, tokens: Int)? {
        guard let (date, tokens, k) = dtgTokens(t, lo, hi) else { return nil }
        let group = joined(t, tokens[k...k + 2])
        let precedence = k == 0 ? nil : joined(t, tokens[0..<k])
        return (date, group, precedence, tokens.count - k)
    }

    /// The tokens' bytes joined by single spaces, as one string built once (`map` then `joined` made a
    /// string per token first).
    private static func joined(_ t: ByteText, _ tokens: ArraySlice<Range<Int>>) -> String {
        let n = tokens.reduce(0) { $0 + $1.count } + tokens.count - 1
        return String(unsafeUninitializedCapacity: max(0, n)) { out in
            var w = 0
            for r in tokens {
                if w > 0 { out[w] = 0x20; w += 1 }
                for i in r { out[w] = t[i]; w += 1 }
            }
            return w
        }
    }

    /// The tokens of such a line split on spaces in place, the first after the precedence letters, and the
    /// date they give when they are a group (`120728Z`, a three-letter month, a two-digit year); else nil.
    static func dtgTokens(_ t: ByteText, _ lo: Int, _ hi: Int) -> (date: CivilDate, tokens: [Range<Int>], first: Int)? {
        var tokens: [Range<Int>] = []
        tokens.reserveCapacity(8)  // a group line has up to six tokens: one allocation, not four
        t.forEachToken(lo, hi) { tokens.append($0); return true }
        var k = 0
        while k < tokens.count, k < 2, tokens[k].count <= 2, tokens[k].allSatisfy({ t[$0] == 0x4F || t[$0] == 0x50 || t[$0] == 0x52 || t[$0] == 0x5A }) { k += 1 }
        guard tokens.count - k >= 3 else { return nil }
        let g = tokens[k], m = tokens[k + 1], y = tokens[k + 2]
        guard g.count == 7, t[g.upperBound - 1] | 0x20 == 0x7A, t.digitRun(g.lowerBound, g.upperBound - 1) == 6,
              m.count == 3, let mon = monthIndex(t, m.lowerBound),
              y.count == 2, t.digitRun(y.lowerBound, y.upperBound) == 2 else { return nil }
        let year = DateReader.widen(t.intValue(y.lowerBound, y.upperBound), pivot: nil)
        guard let date = CivilDate(year: year, month: mon + 1, day: t.intValue(g.lowerBound, g.lowerBound + 2)) else { return nil }
        return (date, tokens, k)
    }

    /// The index in `DateReader.months` of the three ASCII letters at `at`, in any case (what looking up their
    /// upper-cased string gives), or nil.
    private static func monthIndex(_ t: ByteText, _ at: Int) -> Int? {
        let a = ByteText.upper(t[at]), b = ByteText.upper(t[at + 1]), c = ByteText.upper(t[at + 2])
        for (i, m) in monthBytes.enumerated() where m.0 == a && m.1 == b && m.2 == c { return i }
        return nil
    }

    /// `DateReader.months` as byte triples.
    private static let monthBytes: [(UInt8, UInt8, UInt8)] = DateReader.months.map { m in
        let u = Array(m.utf8)
        return (u[0], u[1], u[2])
    }

    /// `isRoutingIndicators` over the line's bytes, split on spaces in place (the line is ASCII letters,
    /// digits and spaces, so its characters are its bytes).
    static func isRoutingIndicators(_ t: ByteText, _ lo: Int, _ hi: Int) -> Bool {
        var k = 0
        var seenIndicator = false
        var ok = true
        t.forEachToken(lo, hi) { token in
            defer { k += 1 }
            if k == 0, token.count <= 2, !token.contains(where: { !(t[$0] == 0x4F || t[$0] == 0x50 || t[$0] == 0x52 || t[$0] == 0x5A) }) { return true }
            guard (4...8).contains(token.count), t[token.lowerBound] == 0x52, !token.contains(where: { !ByteText.isUpper(t[$0]) }) else {
                ok = false
                return false
            }
            seenIndicator = true
            return true
        }
        return ok && seenIndicator
    }

    /// `OO RUEHBI RUEHCI …` and their continuation lines: precedence letters and routing indicators.
    static func isRoutingIndicators(_ tokens: [Substring]) -> Bool {
        guard !tokens.isEmpty else { return false }
        var seenIndicator = false
        for (k, tok) in tokens.enumerated() {
            if k == 0, tok.utf8.count <= 2, tok.utf8.allSatisfy({ $0 == 0x4F || $0 == 0x50 || $0 == 0x52 || $0 == 0x5A }) { continue }
            guard (4...8).contains(tok.utf8.count), tok.utf8.first == 0x52, tok.utf8.allSatisfy({ ByteText.isUpper($0) }) else { return false }
            seenIndicator = true
        }
        return seenIndicator
    }
}
