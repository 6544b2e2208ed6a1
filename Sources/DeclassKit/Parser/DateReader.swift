/// Reads the dates cables write: `03/12/2029`, ` 6/3/2017`, `11/29/10`, `2019/12/16`, `JUNE 21, 2006`,
/// `30 JUN 2005`, and date-time groups (`120728Z MAR 09`).
enum DateReader {
    /// A date read from text, with what was guessed on the way.
    struct Result: Equatable {
        var date: CivilDate
        /// The number of characters consumed from the start of the text (after leading spaces).
        var length: Int
        /// Set when a two-digit year was widened (`10` → `2010`).
        var twoDigitYear: String?
        /// Set when the written form was irregular and repaired (`011/2/2019`).
        var repaired: String?
    }

    static let fullMonths = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]
    static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// The month for a name or abbreviation (`MAR`, `March`, `SEPT`), or nil.
    static func month(_ word: some StringProtocol) -> Int? {
        let u = word.uppercasedFast()
        guard u.count >= 3 else { return nil }
        guard let i = months.firstIndex(of: String(u.prefix(3))) else { return nil }
        let full = fullMonths[i]
        return (full.hasPrefix(u) || u == "SEPT") ? i + 1 : nil
    }

    /// Widens a two-digit year against a pivot year (the cable's own): the first year ending in those digits
    /// that is not more than one year before the pivot.
    static func widen(_ yy: Int, pivot: Int?) -> Int {
        guard let pivot else { return yy >= 50 ? 1900 + yy : 2000 + yy }
        var y = (pivot / 100) * 100 + yy
        if y < pivot - 1 { y += 100 }
        return y
    }

    /// Reads a numeric or written date at the start of `text`; `pivot` is the year two-digit years are read against.
    static func read(_ text: Substring, pivot: Int?) -> Result? {
        let s = text.drop(while: { $0 == " " })
        // The spaces only, not the whole text; each dropped Character is a bare space, one byte.
        let skipped = text.utf8.distance(from: text.startIndex, to: s.startIndex)
        if let r = readNumeric(s, pivot: pivot) { return Result(date: r.date, length: r.length + skipped, twoDigitYear: r.twoDigitYear, repaired: r.repaired) }
        if let r = readWritten(s) { return Result(date: r.date, length: r.length + skipped) }
        return nil
    }

    /// The numeric date at the start of `s` (`read`'s first reading), or nil.
    static func readNumeric(_ s: Substring, pivot: Int?) -> Result? {
        guard let (a, b, c, length) = numericParts(s) else { return nil }
        // The parts hold ASCII digits only (one byte a Character), so their lengths are read on the UTF-8
        // view: `count` on a Substring walks grapheme breaks.
        var repaired: String?
        var twoDigit: String?
        let y: Int, m: Int, d: Int
        if a.utf8.count == 4 {
            guard let yy = Int(a), let mm = Int(b), let dd = Int(c), b.utf8.count <= 2, c.utf8.count <= 2 else { return nil }
            (y, m, d) = (yy, mm, dd)
        } else {
            guard var mm = Int(a), let dd = Int(b), let yv = Int(c), b.utf8.count <= 2 else { return nil }
            if a.utf8.count == 3 {
                guard a.first == "0" else { return nil }
                repaired = "month written '\(a)' read as \(mm)"
            } else if a.utf8.count > 3 { return nil }
            if mm > 12, dd <= 12 { return nil }  // day/month order is ambiguous: refuse rather than guess
            mm = Int(a) ?? mm
            switch c.utf8.count {
            case 4: y = yv
            case 2:
                y = widen(yv, pivot: pivot)
                twoDigit = "two-digit year '\(c)' read as \(y)"
            default: return nil
            }
            (m, d) = (mm, dd)
        }
        guard let date = CivilDate(year: y, month: m, day: d) else { return nil }
        return Result(date: date, length: length, twoDigitYear: twoDigit, repaired: repaired)
    }

    /// `read`'s numeric dates from byte `k` of ASCII text without a carriage return (where every Character is
    /// one byte): the digit runs are read in place, where `readNumeric` made and parsed Substrings (about 2.6K
    /// instructions a date in the E.O. line). Nil when no numeric date starts there; the caller then reads the
    /// text with `read`, for a written date.
    static func readNumericASCII(_ t: ByteText, from k: Int, pivot: Int?) -> Result? {
        var p = k
        while p < t.count, t[p] == 0x20 { p += 1 }
        let r = ByteText(UnsafeBufferPointer(rebasing: t.b[p...]))
        guard let (a, b, c, length) = numericOffsets(r) else { return nil }
        // `Int(Substring)` of a digit run: up to 18 digits cannot overflow.
        func int(_ x: Range<Int>) -> Int? { x.count <= 18 ? r.intValue(x.lowerBound, x.upperBound) : Int(r.string(x.lowerBound, x.upperBound)) }
        var repaired: String?
        var twoDigit: String?
        let y: Int, m: Int, d: Int
        if a.count == 4 {
            guard let yy = int(a), let mm = int(b), let dd = int(c), b.count <= 2, c.count <= 2 else { return nil }
            (y, m, d) = (yy, mm, dd)
        } else {
            guard let mm = int(a), let dd = int(b), let yv = int(c), b.count <= 2 else { return nil }
            if a.count == 3 {
                guard r[a.lowerBound] == 0x30 else { return nil }
                repaired = "month written '\(r.string(a.lowerBound, a.upperBound))' read as \(mm)"
            } else if a.count > 3 { return nil }
            if mm > 12, dd <= 12 { return nil }
            switch c.count {
            case 4: y = yv
            case 2:
                y = widen(yv, pivot: pivot)
                twoDigit = "two-digit year '\(r.string(c.lowerBound, c.upperBound))' read as \(y)"
            default: return nil
            }
            (m, d) = (mm, dd)
        }
        guard let date = CivilDate(year: y, month: m, day: d) else { return nil }
        return Result(date: date, length: length + (p - k), twoDigitYear: twoDigit, repaired: repaired)
    }

    /// The three digit runs of a numeric date at the start of `s` (`03/12/2029`: one separator, `/`, `-` or
    /// `.`, used twice) and the characters they take; nil when `s` does not start with one. ASCII text is read
    /// on its bytes (there characters are bytes; a CR LF pair can only stand after the date, where it is read
    /// as its CR is), other text by `numericPartsByCharacters`.
    static func numericParts(_ s: Substring) -> (Substring, Substring, Substring, Int)? {
        let ascii = s.utf8.withContiguousStorageIfAvailable { buf in !buf.contains(where: { $0 >= 0x80 }) } ?? false
        if ascii, let found = s.utf8.withContiguousStorageIfAvailable({ numericOffsets(ByteText($0)) }) {
            guard let (a, b, c, length) = found else { return nil }
            let u = s.utf8
            func part(_ r: Range<Int>) -> Substring { s[u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)] }
            return (part(a), part(b), part(c), length)
        }
        return numericPartsByCharacters(s)
    }

    /// `numericParts` over ASCII bytes: the runs as offsets, and the offset after the date.
    private static func numericOffsets(_ t: ByteText) -> (Range<Int>, Range<Int>, Range<Int>, Int)? {
        let n = t.count
        var runs: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)
        var idx = 0
        var sep: UInt8 = 0
        for k in 0..<3 {
            let start = idx
            idx += t.digitRun(idx, n)
            guard idx > start else { return nil }
            switch k {
            case 0: runs.0 = start..<idx
            case 1: runs.1 = start..<idx
            default: runs.2 = start..<idx
            }
            if k == 2 { break }
            guard idx < n, t[idx] == 0x2F || t[idx] == 0x2D || t[idx] == 0x2E else { return nil }  // / - .
            if sep != 0, t[idx] != sep { return nil }
            sep = t[idx]
            idx += 1
        }
        guard idx == n || !(ByteText.isAlnum(t[idx]) || t[idx] == 0x2F) else { return nil }
        return (runs.0, runs.1, runs.2, idx)
    }

    /// `numericParts` over Characters, for text that is not ASCII.
    static func numericPartsByCharacters(_ s: Substring) -> (Substring, Substring, Substring, Int)? {
        var parts: [Substring] = []
        var idx = s.startIndex
        var sep: Character?
        while parts.count < 3 {
            let start = idx
            while idx < s.endIndex, s[idx].isASCIIDigit { idx = s.index(after: idx) }
            guard idx > start else { return nil }
            parts.append(s[start..<idx])
            if parts.count == 3 { break }
            guard idx < s.endIndex, s[idx] == "/" || s[idx] == "-" || s[idx] == "." else { return nil }
            if let sep, s[idx] != sep { return nil }
            sep = s[idx]
            idx = s.index(after: idx)
        }
        guard idx == s.endIndex || !(s[idx].isLetter || s[idx].isNumber || s[idx] == "/") else { return nil }
        let length = s.distance(from: s.startIndex, to: idx)
        return (parts[0], parts[1], parts[2], length)
    }

    /// `JUNE 21, 2006`, `June 21 2006`, `21 JUNE 2006`, `30 JUN 2005`.
    private static func readWritten(_ s: Substring) -> Result? {
        let words = s.split(whereSeparator: { $0 == " " || $0 == "," }).prefix(3)
        guard words.count == 3 else { return nil }
        var m: Int?, d: Int?, y: Int?
        if let mm = month(words[0]), let dd = Int(words[1]), words[2].count == 4, let yy = Int(words[2].prefix(4)) {
            (m, d, y) = (mm, dd, yy)
        } else if let dd = Int(words[0]), let mm = month(words[1]), words[2].count >= 4, let yy = Int(words[2].prefix(4)) {
            (m, d, y) = (mm, dd, yy)
        }
        guard let m, let d, let y, let date = CivilDate(year: y, month: m, day: d) else { return nil }
        let end = words[2].endIndex
        let length = s.distance(from: s.startIndex, to: end)
        return Result(date: date, length: length)
    }

    /// Reads a date-time group `DDHHMMZ MON YY` (`120728Z MAR 09`, `291359Z Nov 00`) from tokens.
    static func readDTG(_ tokens: [Substring]) -> (CivilDate, String)? {
        guard tokens.count >= 3 else { return nil }
        let g = tokens[0]
        guard g.count == 7, g.last == "Z" || g.last == "z", g.dropLast().allSatisfy(\.isASCIIDigit),
              let day = Int(g.prefix(2)), let mon = month(tokens[1]), tokens[1].count == 3,
              tokens[2].count == 2, let yy = Int(tokens[2]) else { return nil }
        let year = widen(yy, pivot: nil)
        guard let date = CivilDate(year: year, month: mon, day: day) else { return nil }
        return (date, "\(g) \(tokens[1]) \(tokens[2])")
    }
}
