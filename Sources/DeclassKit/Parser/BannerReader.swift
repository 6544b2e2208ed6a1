/// A classification banner as read from one line.
struct Banner: Equatable {
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
        return readASCII(t, level, after, hi)
    }

    /// `read` by the upper-cased String split into tokens, for any text: the reference `readASCII` is checked
    /// against.
    static func readByStrings(_ t: ByteText, _ lo: Int, _ hi: Int) -> Banner? {
        guard let (level, after) = readLevel(t, lo, hi) else { return nil }
        return read(level, tokens: t.upperString(after, hi))
    }

    /// `read` after the level on an ASCII line: the tokens are split in place (their characters are their
    /// bytes) and matched as bytes, ignoring case; only the origin becomes a string (the controls are literals).
    /// An upper-cased String per token, an array of them and the joined origin cost about 4K instructions per
    /// banner before. The last token (the serial) is looked at first: most lines with a level word have none,
    /// and are refused before any array is made.
    static func readASCII(_ t: ByteText, _ level: Classification, _ after: Int, _ hi: Int) -> Banner? {
        var e = hi
        while e > after, t[e - 1] == 0x20 || t[e - 1] == 0x09 { e -= 1 }
        var s = e
        while s > after, t[s - 1] != 0x20, t[s - 1] != 0x09 { s -= 1 }
        guard e - s >= 2, t.digitRun(s, e) == e - s else { return nil }
        // `Int(String)` of the digits: nil when the value overflows.
        var serial = 0
        for k in s..<e {
            let (m, o1) = serial.multipliedReportingOverflow(by: 10)
            let (v, o2) = m.addingReportingOverflow(Int(t[k] &- 0x30))
            guard !o1, !o2 else { return nil }
            serial = v
        }
        // The tokens' ranges on the stack (at most one per two bytes): an array grown for them cost about 450
        // instructions a banner.
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: (s - after) / 2 + 1) { ranges in
            var n = 0
            var i = after
            while i < s {
                while i < s, t[i] == 0x20 || t[i] == 0x09 { i += 1 }
                guard i < s else { break }
                let a = i
                while i < s, t[i] != 0x20, t[i] != 0x09 { i += 1 }
                ranges[n] = a..<i
                n += 1
            }
            return readTokens(t, level, serial, UnsafeBufferPointer(rebasing: ranges[0..<n]))
        }
    }

    /// `Int(String)` of the token `r`: read from the bytes when it is up to 18 digits (no sign, no overflow).
    @inline(__always)
    private static func intToken(_ t: ByteText, _ r: Range<Int>) -> Int? {
        if r.count > 0, r.count <= 18, t.digitRun(r.lowerBound, r.upperBound) == r.count { return t.intValue(r.lowerBound, r.upperBound) }
        return Int(t.string(r.lowerBound, r.upperBound))
    }

    /// `readASCII` on the tokens between the level and the serial.
    private static func readTokens(_ t: ByteText, _ level: Classification, _ serial: Int, _ ranges: UnsafeBufferPointer<Range<Int>>) -> Banner? {
        var banner = Banner(classification: level, controls: [], serial: serial)
        // The origin's tokens (at most four are kept: a fifth refuses the banner), and their bytes with a space
        // between them.
        var origin: (Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0)
        var originCount = 0
        var originLength = -1
        let n = ranges.count
        var k = 0
        while k < n {
            let r = ranges[k]
            if t.isWordCI(r.lowerBound, r.upperBound, "SECTION"), k + 3 < n, t.isWordCI(ranges[k + 2].lowerBound, ranges[k + 2].upperBound, "OF"),
               let a = intToken(t, ranges[k + 1]), let b = intToken(t, ranges[k + 3]) {
                banner.section = a
                banner.sectionCount = b
                k += 4
                continue
            }
            if originCount == 0 {
                if let c = bannerControl(t, r) {
                    if !banner.controls.contains(c) { banner.controls.append(c) }
                    k += 1
                    continue
                }
                if t.isWordCI(r.lowerBound, r.upperBound, "E"), k + 3 < n, t.isWordCI(ranges[k + 1].lowerBound, ranges[k + 1].upperBound, "F"),
                   t.isWordCI(ranges[k + 2].lowerBound, ranges[k + 2].upperBound, "T"), t.isWordCI(ranges[k + 3].lowerBound, ranges[k + 3].upperBound, "O") {
                    banner.controls.append("EFTO")
                    k += 4
                    continue
                }
            }
            for j in r where !(ByteText.isAlpha(t[j]) || t[j] == 0x2D || t[j] == 0x2E || t[j] == 0x27) { return nil }
            switch originCount {
            case 0: origin.0 = r
            case 1: origin.1 = r
            case 2: origin.2 = r
            case 3: origin.3 = r
            default: return nil
            }
            originCount += 1
            originLength += r.count + 1
            k += 1
        }
        guard originCount > 0 else { return nil }
        banner.origin = String(unsafeUninitializedCapacity: originLength) { out in
            var o = 0
            func put(_ p: Range<Int>) {
                if o > 0 { out[o] = 0x20; o += 1 }
                for j in p { out[o] = ByteText.upper(t[j]); o += 1 }
            }
            put(origin.0)
            if originCount > 1 { put(origin.1) }
            if originCount > 2 { put(origin.2) }
            if originCount > 3 { put(origin.3) }
            return o
        }
        return banner
    }

    /// The control token `r` names (as `bannerControl` on its upper-cased String), compared as bytes.
    @inline(__always)
    private static func bannerControl(_ t: ByteText, _ r: Range<Int>) -> String? {
        let lo = t.hasPrefix(r.lowerBound, r.upperBound, "//") ? r.lowerBound + 2 : r.lowerBound, hi = r.upperBound
        switch hi - lo {
        case 2: if t.isWordCI(lo, hi, "NF") { return "NOFORN" }
        case 4: if t.isWordCI(lo, hi, "EFTO") { return "EFTO" }
        case 5:
            if t.isWordCI(lo, hi, "EXDIS") { return "EXDIS" }
            if t.isWordCI(lo, hi, "NODIS") { return "NODIS" }
        case 6:
            if t.isWordCI(lo, hi, "NOFORN") { return "NOFORN" }
            if t.isWordCI(lo, hi, "SIPDIS") { return "SIPDIS" }
            if t.isWordCI(lo, hi, "LIMDIS") { return "LIMDIS" }
        case 9: if t.isWordCI(lo, hi, "SENSITIVE") { return "SENSITIVE" }
        default: break
        }
        return nil
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
