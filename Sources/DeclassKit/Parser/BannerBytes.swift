/// Byte tests for `BannerReader` on ASCII lines, where every Character is one byte and upper-casing maps
/// byte to byte, so the line need not be upper-cased into a String and split: a repeated banner's tail, and
/// the SECTION a banner with an unreadable level must hold. Other text gets nil or false (the caller reads
/// it as a String).
enum BannerBytes {
    /// True when `lo..<hi` is ASCII without a carriage return.
    @inline(__always)
    static func isPlainASCII(_ t: ByteText, _ lo: Int, _ hi: Int) -> Bool {
        for i in lo..<max(lo, hi) where t[i] >= 0x80 || t[i] == 0x0D { return false }
        return true
    }

    /// True when `lo..<hi` is ASCII and holds no `SECTION` (any case): no space-separated token of it
    /// upper-cases to SECTION.
    static func lacksSection(_ t: ByteText, _ lo: Int, _ hi: Int) -> Bool {
        guard isPlainASCII(t, lo, hi) else { return false }
        var i = lo
        while i + 7 <= hi {
            if t[i] | 0x20 == 0x73, t.hasPrefixCI(i, hi, "SECTION") { return false }
            i += 1
        }
        return true
    }

    /// `BannerReader.isRepeatTail` on the bytes: nothing, `NOFORN`, `//NOFORN`, `SIPDIS` or a serial of at
    /// most ten letters and digits with a digit; nil when `after..<hi` is not plain ASCII.
    static func isRepeatTail(_ t: ByteText, _ after: Int, _ hi: Int) -> Bool? {
        guard isPlainASCII(t, after, hi) else { return nil }
        // The one word: from the first non-space byte to the next space, with only spaces after it.
        let lo = skipBlanks(t, after, hi)
        if lo == hi { return true }
        var e = lo
        while e < hi, t[e] != 0x20 { e += 1 }
        guard skipBlanks(t, e, hi) == hi else { return false }
        if t.isWordCI(lo, e, "NOFORN") || t.isWordCI(lo, e, "//NOFORN") || t.isWordCI(lo, e, "SIPDIS") { return true }
        guard e - lo <= 10 else { return false }
        var digit = false
        for k in lo..<e {
            let c = t[k]
            if ByteText.isDigit(c) { digit = true } else if !ByteText.isAlpha(c) { return false }
        }
        return digit
    }

    /// Index of the first byte in `from..<to` that is not a space (0x20 only, as `split(separator: " ")`).
    @inline(__always)
    private static func skipBlanks(_ t: ByteText, _ from: Int, _ to: Int) -> Int {
        var i = from
        while i < to, t[i] == 0x20 { i += 1 }
        return i
    }
}
