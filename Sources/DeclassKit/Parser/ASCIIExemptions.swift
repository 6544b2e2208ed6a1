/// `DeclassLineReader.readExemptions` on the bytes of ASCII text, without splitting Characters, upper-casing
/// each token into a new String or parsing digits with `Int`: the exemption list is read for every E.O. line
/// that gives no keyword the reader knows first. On ASCII text without a carriage return every Character is
/// one byte, so reading bytes gives what the String reader gives; other text returns nil (the caller reads
/// it as a String).
enum ASCIIExemptions {
    /// The exemption codes at the start of `t` as `readExemptions` reads them, or nil when `t` holds a byte
    /// that is not ASCII, or a carriage return (`\r\n` is one Character of two bytes).
    static func read(_ t: ByteText) -> [String]? {
        let n = t.count
        for i in 0..<n where t[i] >= 0x80 || t[i] == 0x0D { return nil }
        var out: [String] = []
        var i = 0
        while i < n {
            while i < n, isSeparator(t[i]) { i += 1 }
            guard i < n else { break }
            let start = i
            while i < n, !isSeparator(t[i]) { i += 1 }
            var a = start
            if t.hasPrefix(a, i, "1.6") { a += 3 }
            if let code = code(t, a, i) { out.append(code) } else if t.isWord(a, i, "AND") { continue } else { break }
        }
        return out
    }

    /// The separators of the exemption list: space, comma, semicolon and slash.
    @inline(__always) private static func isSeparator(_ c: UInt8) -> Bool { c == 0x20 || c == 0x2C || c == 0x3B || c == 0x2F }

    /// `canonicalExemption` of the token `from..<to`: `X1`…`X8`, or `25X`/`50X`/`75X`, a digit 1–9 and
    /// optionally a dash and at least two letters, in upper case; nil for anything else.
    static func code(_ t: ByteText, _ from: Int, _ to: Int) -> String? {
        let len = to - from
        guard len >= 2 else { return nil }
        if len == 2, ByteText.upper(t[from]) == 0x58 {  // X1…X8
            return t[from + 1] &- 0x31 < 8 ? t.upperString(from, to) : nil
        }
        guard len >= 3, ByteText.upper(t[from + 2]) == 0x58 else { return nil }
        let d0 = t[from], d1 = t[from + 1]
        guard (d0 == 0x32 && d1 == 0x35) || (d0 == 0x35 && d1 == 0x30) || (d0 == 0x37 && d1 == 0x35) else { return nil }  // 25X 50X 75X
        guard len >= 4, t[from + 3] &- 0x31 < 9 else { return nil }  // a digit 1–9
        if len == 4 { return t.upperString(from, to) }
        guard t[from + 4] == 0x2D, len - 4 >= 3 else { return nil }
        for k in (from + 5)..<to where !ByteText.isAlpha(t[k]) { return nil }
        return t.upperString(from, to)
    }
}
