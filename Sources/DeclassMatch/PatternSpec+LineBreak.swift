extension PatternSpec {
    /// True when no match of the pattern can hold a line break, read from its syntax (conservatively: an
    /// escape other than `\b`, `\B`, `\d`, `\w` or an escaped punctuation character, a negated or POSIX
    /// class, a `(?` group other than `(?:`, a control character, or an anchor outside multiline mode
    /// answers false). Texts joined by line breaks can then be scanned apart, unit by unit, with the same
    /// matches (`.` never matches a line break: patterns are compiled without DOTALL).
    public var neverMatchesLineBreak: Bool {
        let bytes = Array(expression.utf8)
        if literal { return !bytes.contains(0x0A) }
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
            switch c {
            case UInt8(ascii: "\\"):
                let allowed = next == UInt8(ascii: "b") || next == UInt8(ascii: "B") || next == UInt8(ascii: "d") || next == UInt8(ascii: "w")
                    || (next > 0x20 && next < 0x7F && !Self.isASCIIAlphanumeric(next))
                if !allowed { return false }
                i += 2
                continue
            case UInt8(ascii: "["):
                if next == UInt8(ascii: "^") || next == UInt8(ascii: ":") { return false }
            case UInt8(ascii: ":"):
                if next == UInt8(ascii: "]") { return false }
            case UInt8(ascii: "("):
                if next == UInt8(ascii: "?"), i + 2 >= bytes.count || bytes[i + 2] != UInt8(ascii: ":") { return false }
            case UInt8(ascii: "^"), UInt8(ascii: "$"):
                if !multiline { return false }
            default:
                if c < 0x20 || c == 0x7F { return false }
            }
            i += 1
        }
        return true
    }

    /// Whether `c` is an ASCII letter or digit (an escape of one names a class or a code, not itself).
    private static func isASCIIAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }
}
