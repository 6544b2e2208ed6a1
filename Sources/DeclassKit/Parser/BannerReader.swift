/// A classification banner as read from one line.
struct Banner {
    var classification: Classification
    var controls: [String]
    var section: Int?
    var sectionCount: Int?
    var origin: String?
    var serial: Int?
}

/// Reads classification banners (`C O N F I D E N T I A L SECTION 01 OF 03 ASTANA 000435`,
/// `S e c r e t section 01 of 02 nairobi 002497`, `UNCLAS SAO PAULO 000660`) and banner repeats
/// (` CONFIDENTIAL`, `CONFIDENTIAL PTQ1865`).
enum BannerReader {
    /// Reads the classification word(s) at the start of `lo..<hi`, spaced or not; returns the level and the
    /// index after them.
    @inline(__always)
    static func readLevel(_ t: ByteText, _ lo: Int, _ hi: Int) -> (Classification, Int)? {
        guard mayOpenLevel(t, lo, hi) else { return nil }
        return readLevelWord(t, lo, hi)
    }

    /// False when `readLevel` is sure to read no level at `lo..<hi` (and so `read` no banner). Every level read
    /// here starts with C, S, T, U or L (spaced or not): most lines stop at this test, made where it is called.
    /// The second byte too: a space (spaced letters) or the level word's second letter. (`The`, `Since`, `Under`
    /// open many lines of text.)
    @inline(__always)
    static func mayOpenLevel(_ t: ByteText, _ lo: Int, _ hi: Int) -> Bool {
        guard lo + 1 < hi else { return false }
        let second = t[lo + 1] == 0x20 ? 0x20 : ByteText.upper(t[lo + 1])
        switch ByteText.upper(t[lo]) {
        case 0x43, 0x54: return second == 0x4F || second == 0x20  // CONFIDENTIAL, TOP SECRET
        case 0x53: return second == 0x45 || second == 0x20  // SECRET
        case 0x55: return second == 0x4E || second == 0x20  // UNCLAS…
        case 0x4C: return second == 0x49 || second == 0x20  // LIMITED OFFICIAL USE
        default: return false
        }
    }

    /// `readLevel` for a line that starts with one of the levels' first letters (and the reference its test of
    /// the second byte is checked against).
    static func readLevelWord(_ t: ByteText, _ lo: Int, _ hi: Int) -> (Classification, Int)? {
        // Spaced letters: "C O N F I D E N T I A L", "S e c r e t".
        if lo + 2 < hi, ByteText.isAlpha(t[lo]), t[lo + 1] == 0x20, ByteText.isAlpha(t[lo + 2]) {
            // The letters are gathered on the stack and compared as bytes (an array and a string per spaced
            // line before); a word longer than the longest level is none of them.
            let found: (Classification, Int)? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { word in
                var n = 0
                var i = lo
                while i < hi, ByteText.isAlpha(t[i]) {
                    guard n < 12 else { return nil }
                    word[n] = ByteText.upper(t[i])
                    n += 1
                    if i + 2 < hi, t[i + 1] == 0x20, ByteText.isAlpha(t[i + 2]), i + 3 >= hi || t[i + 3] == 0x20 {
                        i += 2
                    } else {
                        i += 1
                        break
                    }
                }
                let w = ByteText(UnsafeBufferPointer(rebasing: word[0..<n]))
                if w.isWord(0, n, "CONFIDENTIAL") { return (.confidential, i) }
                if w.isWord(0, n, "SECRET") { return (.secret, i) }
                if w.isWord(0, n, "TOPSECRET") { return (.topSecret, i) }
                if w.isWord(0, n, "UNCLASSIFIED") || w.isWord(0, n, "UNCLAS") { return (.unclassified, i) }
                return nil
            }
            if let found { return found }
        }
        // The level words (`TOP SECRET`, `CONFIDENTIAL`, `SECRET`, `UNCLASSIFIED` before `UNCLAS`, `LIMITED
        // OFFICIAL USE`), only those with the line's first letter.
        switch ByteText.upper(t[lo]) {
        case 0x54: if t.hasWordCI(lo, hi, "TOP SECRET") { return (.topSecret, lo + 10) }
        case 0x43: if t.hasWordCI(lo, hi, "CONFIDENTIAL") { return (.confidential, lo + 12) }
        case 0x53: if t.hasWordCI(lo, hi, "SECRET") { return (.secret, lo + 6) }
        case 0x55:
            if t.hasWordCI(lo, hi, "UNCLASSIFIED") { return (.unclassified, lo + 12) }
            if t.hasWordCI(lo, hi, "UNCLAS") { return (.unclassified, lo + 6) }
        case 0x4C: if t.hasWordCI(lo, hi, "LIMITED OFFICIAL USE") { return (.sensitiveButUnclassified, lo + 20) }
        default: break
        }
        return nil
    }

    /// Reads a whole banner: level, controls, section, then origin and serial number at the end.
    static func read(_ t: ByteText, _ lo: Int, _ hi: Int) -> Banner? {
        guard let (level, after) = readLevel(t, lo, hi) else { return nil }
        for i in after..<hi where t[i] >= 0x80 { return read(level, tokens: t.upperString(after, hi)) }
        // ASCII: the tokens are split in place (their characters are their bytes) and checked as bytes; only
        // those the banner keeps or compares become strings. The last token (the serial) is looked at first:
        // most lines with a level word have none, and are refused before any array or string is made.
        var e = hi
        while e > after, t[e - 1] == 0x20 || t[e - 1] == 0x09 { e -= 1 }
        var s = e
        while s > after, t[s - 1] != 0x20, t[s - 1] != 0x09 { s -= 1 }
        guard e - s >= 2, t.digitRun(s, e) == e - s else { return nil }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(8)
        var i = after
        while i < hi {
            while i < hi, t[i] == 0x20 || t[i] == 0x09 { i += 1 }
            guard i < hi else { break }
            let s = i
            while i < hi, t[i] != 0x20, t[i] != 0x09 { i += 1 }
            ranges.append(s..<i)
        }
        guard let lastRange = ranges.last, lastRange.count >= 2, t.digitRun(lastRange.lowerBound, lastRange.upperBound) == lastRange.count,
              let serial = Int(t.string(lastRange.lowerBound, lastRange.upperBound)) else { return nil }
        ranges.removeLast()
        let tokens = ranges.map { t.upperString($0.lowerBound, $0.upperBound) }
        return read(level, serial: serial, tokens: tokens) { k in
            for j in ranges[k] where !(ByteText.isAlpha(t[j]) || t[j] == 0x2D || t[j] == 0x2E || t[j] == 0x27) { return false }
            return true
        }
    }

    /// `read` for a line with non-ASCII text: the upper-cased text after the level, split into characters.
    private static func read(_ level: Classification, tokens rest: String) -> Banner? {
        var tokens = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let last = tokens.last, last.count >= 2, last.allSatisfy(\.isASCIIDigit), let serial = Int(last) else { return nil }
        tokens.removeLast()
        return read(level, serial: serial, tokens: tokens) { k in
            tokens[k].allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" })
        }
    }

    /// The banner's controls, section and origin from the tokens between the level and the serial;
    /// `isOriginWord(k)` tells whether token `k` is made of letters, `-`, `.` and `'`.
    private static func read(_ level: Classification, serial: Int, tokens: [String], isOriginWord: (Int) -> Bool) -> Banner? {
        var banner = Banner(classification: level, controls: [], serial: serial)
        var originTokens: [String] = []
        var i = 0
        while i < tokens.count {
            let tok = tokens[i]
            if tok == "SECTION", i + 3 < tokens.count, tokens[i + 2] == "OF",
               let n = Int(tokens[i + 1]), let m = Int(tokens[i + 3]) {
                banner.section = n
                banner.sectionCount = m
                i += 4
                continue
            }
            if originTokens.isEmpty, let c = bannerControl(tok) {
                if !banner.controls.contains(c) { banner.controls.append(c) }
                i += 1
                continue
            }
            if originTokens.isEmpty, tok == "E", i + 3 < tokens.count, tokens[i + 1] == "F", tokens[i + 2] == "T", tokens[i + 3] == "O" {
                banner.controls.append("EFTO")
                i += 4
                continue
            }
            guard isOriginWord(i) else { return nil }
            originTokens.append(tok)
            i += 1
        }
        guard !originTokens.isEmpty, originTokens.count <= 4 else { return nil }
        banner.origin = originTokens.joined(separator: " ")
        return banner
    }

    private static func bannerControl(_ tok: String) -> String? {
        let t = tok.hasPrefix("//") ? String(tok.dropFirst(2)) : tok
        switch t {
        case "NOFORN", "NF": return "NOFORN"
        case "EFTO": return "EFTO"
        case "SIPDIS": return "SIPDIS"
        case "SENSITIVE": return "SENSITIVE"
        case "EXDIS", "NODIS", "LIMDIS": return t
        default: return nil
        }
    }

    /// Reads a banner whose classification word cannot be read but whose shape is unmistakable
    /// (`CSE C R E T SECTION 01 OF 02 SHENYANG 000004`): the level is `.unknown`, so nothing is released by it.
    static func readUnreadableLevel(_ t: ByteText, _ lo: Int, _ hi: Int) -> Banner? {
        // An ASCII line spells SECTION in its bytes or holds no SECTION token: most lines stop here, before
        // the line is upper-cased and split (other text may upper-case into it: `ſ` is S).
        if BannerBytes.lacksSection(t, lo, hi) { return nil }
        let tokens = t.upperString(lo, hi).split(separator: " ")
        guard let s = tokens.firstIndex(of: "SECTION"), s >= 1, s + 5 < tokens.count, tokens[s + 2] == "OF",
              let n = Int(tokens[s + 1]), let m = Int(tokens[s + 3]), let last = tokens.last, last.count >= 3,
              last.allSatisfy(\.isASCIIDigit), let serial = Int(last) else { return nil }
        let origin = tokens[(s + 4)..<(tokens.count - 1)]
        guard (1...4).contains(origin.count), origin.allSatisfy({ $0.allSatisfy(\.isLetter) }) else { return nil }
        return Banner(classification: .unknown, controls: [], section: n, sectionCount: m, origin: origin.joined(separator: " "), serial: serial)
    }

    /// True for a line that only repeats the classification (` CONFIDENTIAL`, `CONFIDENTIAL PTQ1865`,
    /// `SECRET NOFORN`): a banner on a page break.
    @inline(__always)
    static func isRepeat(_ t: ByteText, _ lo: Int, _ hi: Int) -> Bool {
        guard let (_, after) = readLevel(t, lo, hi) else { return false }
        return isRepeatTail(t, after, hi)
    }

    /// True when what follows the level at `after` is what a repeated banner may hold: nothing, `NOFORN`,
    /// `SIPDIS` or a telegraphic serial.
    private static func isRepeatTail(_ t: ByteText, _ after: Int, _ hi: Int) -> Bool {
        if let fast = BannerBytes.isRepeatTail(t, after, hi) { return fast }
        return isRepeatTailByCharacters(t, after, hi)
    }

    /// `isRepeatTail` over the upper-cased Characters, for text that is not ASCII (and the reference the
    /// byte test is checked against).
    static func isRepeatTailByCharacters(_ t: ByteText, _ after: Int, _ hi: Int) -> Bool {
        let rest = t.upperString(after, hi).split(separator: " ")
        if rest.isEmpty { return true }
        if rest.count == 1 {
            let w = rest[0]
            if w == "NOFORN" || w == "//NOFORN" || w == "SIPDIS" { return true }
            // Telegraphic serials such as PTQ1865.
            return w.count <= 10 && w.contains(where: \.isNumber) && w.allSatisfy { $0.isLetter || $0.isNumber }
        }
        return false
    }
}

extension Character {
    /// True for `0`…`9` alone: a character of one UTF-8 byte that is a digit (read from the bytes, which is
    /// what `asciiValue` tells for a digit, without building the value).
    var isASCIIDigit: Bool {
        let u = utf8
        guard let c = u.first, c &- 0x30 < 10 else { return false }
        return u.count == 1
    }
}
