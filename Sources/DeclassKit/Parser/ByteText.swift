/// Read-only helpers over the input's UTF-8 bytes, so that the per-line path of the parser compares and
/// scans bytes in place instead of building strings.
struct ByteText {
    let b: UnsafeBufferPointer<UInt8>

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    @inline(__always) var count: Int { b.count }
    @inline(__always) subscript(i: Int) -> UInt8 { b[i] }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C || c == 0x0B }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c &- 0x41 < 26 }
    @inline(__always) static func isLower(_ c: UInt8) -> Bool { c &- 0x61 < 26 }
    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }
    @inline(__always) static func upper(_ c: UInt8) -> UInt8 { isLower(c) ? c - 0x20 : c }

    /// Calls `body` with each run of bytes other than the space (0x20) in `from..<to`, in order, until it
    /// returns false: a line's tokens split on spaces in place.
    @inline(__always) func forEachToken(_ from: Int, _ to: Int, _ body: (Range<Int>) -> Bool) {
        var i = from
        while i < to {
            while i < to, self[i] == 0x20 { i += 1 }
            guard i < to else { return }
            let s = i
            while i < to, self[i] != 0x20 { i += 1 }
            guard body(s..<i) else { return }
        }
    }

    /// Index of the first non-space byte in `from..<to`, or `to`.
    @inline(__always) func skipSpaces(_ from: Int, _ to: Int) -> Int {
        var i = from
        while i < to, ByteText.isSpace(b[i]) { i += 1 }
        return i
    }

    /// End of `from..<to` with trailing spaces removed.
    @inline(__always) func trimEnd(_ from: Int, _ to: Int) -> Int {
        var j = to
        while j > from, ByteText.isSpace(b[j - 1]) { j -= 1 }
        return j
    }

    /// True when the bytes at `at` spell `word` in ASCII, ignoring case (`word` given in upper case).
    @inline(__always) func hasPrefixCI(_ at: Int, _ end: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard at + n <= end else { return false }
        let w = word.utf8Start
        for k in 0..<n where ByteText.upper(b[at + k]) != w[k] { return false }
        return true
    }

    /// True when `from..<to` is exactly `word`, ignoring ASCII case (`word` given in upper case).
    @inline(__always) func isWordCI(_ from: Int, _ to: Int, _ word: StaticString) -> Bool {
        to - from == word.utf8CodeUnitCount && hasPrefixCI(from, to, word)
    }

    /// True when the bytes at `at` spell `word` exactly (case matters).
    @inline(__always) func hasPrefix(_ at: Int, _ end: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard at + n <= end else { return false }
        let w = word.utf8Start
        for k in 0..<n where b[at + k] != w[k] { return false }
        return true
    }

    /// True when `from..<to` is exactly `word`, byte for byte.
    @inline(__always) func isWord(_ from: Int, _ to: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard to - from == n else { return false }
        let w = word.utf8Start
        for k in 0..<n where b[from + k] != w[k] { return false }
        return true
    }

    /// True when `word` stands at `at` and is not followed by a letter or digit.
    @inline(__always) func hasWordCI(_ at: Int, _ end: Int, _ word: StaticString) -> Bool {
        guard hasPrefixCI(at, end, word) else { return false }
        let e = at + word.utf8CodeUnitCount
        return e == end || !ByteText.isAlnum(b[e])
    }

    /// Index of the first occurrence of `c` in `from..<to`, or nil.
    @inline(__always) func firstIndex(of c: UInt8, _ from: Int, _ to: Int) -> Int? {
        var i = from
        while i < to {
            if b[i] == c { return i }
            i += 1
        }
        return nil
    }

    /// Number of decimal digits starting at `at` (before `end`).
    @inline(__always) func digitRun(_ at: Int, _ end: Int) -> Int {
        var i = at
        while i < end, ByteText.isDigit(b[i]) { i += 1 }
        return i - at
    }

    /// The integer value of the digits in `from..<to` (assumed digits, at most 9 of them).
    @inline(__always) func intValue(_ from: Int, _ to: Int) -> Int {
        var v = 0
        for i in from..<to { v = v * 10 + Int(b[i] &- 0x30) }
        return v
    }

    /// True when `from..<to` holds only ASCII letters, digits and spaces (what routing lines and date-time
    /// groups are made of), so that the line is worth tokenising.
    func isUpperTokens(_ from: Int, _ to: Int) -> Bool {
        // Eight bytes a word: each byte's high bit tells whether it is a digit, a letter (folded to lower
        // case) or a space; range tests by adding to bytes below 0x80, which carries into no other byte.
        let k01: UInt64 = 0x0101_0101_0101_0101, k80 = k01 << 7
        var i = from
        if let base = b.baseAddress {
            while i + 8 <= to {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                guard w & k80 == 0 else { return false }
                let digit = (w &+ k01 &* (0x80 - 0x30)) & ~(w &+ k01 &* (0x7F - 0x39))
                let l = w | k01 &* 0x20
                let letter = (l &+ k01 &* (0x80 - 0x61)) & ~(l &+ k01 &* (0x7F - 0x7A))
                let z = w ^ k01 &* 0x20  // a space is a zero byte here
                let space = ~((z & ~k80) &+ ~k80 | z)
                guard (digit | letter | space) & k80 == k80 else { return false }
                i += 8
            }
        }
        return isUpperTokensByBytes(i, to)
    }

    /// `isUpperTokens` a byte at a time: the reference the word test is checked against, and its last bytes.
    func isUpperTokensByBytes(_ from: Int, _ to: Int) -> Bool {
        for i in from..<to {
            let c = b[i]
            if !(ByteText.isAlnum(c) || c == 0x20) { return false }
        }
        return true
    }

    /// The bytes of `from..<to` decoded as UTF-8 (invalid sequences repaired; input is validated earlier).
    func string(_ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
    }
}

extension ByteText {
    /// `string(from, to).uppercased()`, built in one pass when the bytes are ASCII (where the two agree).
    func upperString(_ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        for i in from..<to where b[i] >= 0x80 { return string(from, to).uppercased() }
        return String(unsafeUninitializedCapacity: to - from) { out in
            for i in from..<to { out[i - from] = ByteText.upper(b[i]) }
            return to - from
        }
    }
}

extension StringProtocol {
    /// `uppercased()` without the Unicode case tables when the text is ASCII, where only `a`–`z` change;
    /// other text goes through `uppercased()`, so the result is always the same.
    func uppercasedFast() -> String {
        let fast: String?? = utf8.withContiguousStorageIfAvailable { buf -> String? in
            for c in buf where c >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: buf.count) { out in
                for i in 0..<buf.count { out[i] = ByteText.upper(buf[i]) }
                return buf.count
            }
        }
        if let fast, let fast { return fast }
        return uppercased()
    }

    /// `filter { $0 != " " }` on the UTF-8 bytes when the text is ASCII: each Character is a byte there but
    /// for a CR LF pair, which is no space and keeps both its bytes either way. Other text is filtered over
    /// Characters, so the result is always the same.
    func removingSpaces() -> String {
        let fast: String?? = utf8.withContiguousStorageIfAvailable { buf -> String? in
            for c in buf where c >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: buf.count) { out in
                var n = 0
                for c in buf where c != 0x20 {
                    out[n] = c
                    n += 1
                }
                return n
            }
        }
        if let fast, let fast { return fast }
        return String(filter { $0 != " " })
    }

    /// `hasPrefix(prefix)` for an ASCII `prefix` without a carriage return, decided on the UTF-8 bytes when
    /// the text's first `prefix` bytes and the one after are ASCII: there each Character is one byte (a
    /// `\r\n` pair differs from the prefix either way), so the two agree. Other text goes through `hasPrefix`.
    func hasASCIIPrefix(_ prefix: StaticString) -> Bool {
        onASCIIHead(prefix.utf8CodeUnitCount) { $0.hasPrefix(0, $1, prefix) } ?? hasPrefix(prefix.description)
    }

    /// `uppercasedFast().hasPrefix(prefix)` for an ASCII `prefix` given in upper case, without a carriage
    /// return: on the bytes when the first `prefix` bytes and the one after are ASCII (there upper-casing maps
    /// byte to byte and characters are bytes), otherwise by upper-casing the text.
    func hasASCIIPrefixCI(_ prefix: StaticString) -> Bool {
        onASCIIHead(prefix.utf8CodeUnitCount) { $0.hasPrefixCI(0, $1, prefix) } ?? uppercasedFast().hasPrefix(prefix.description)
    }

    /// `body(bytes, count)` on the text's UTF-8 bytes when its first `n + 1` bytes (or all, if fewer) are
    /// ASCII, so that a test of an `n`-byte ASCII prefix may read bytes as characters; nil otherwise (or
    /// when the text has no contiguous UTF-8).
    private func onASCIIHead(_ n: Int, _ body: (ByteText, Int) -> Bool) -> Bool? {
        let fast: Bool?? = utf8.withContiguousStorageIfAvailable { buf -> Bool? in
            for i in 0..<Swift.min(n + 1, buf.count) where buf[i] >= 0x80 { return nil }
            return body(ByteText(buf), buf.count)
        }
        return fast ?? nil
    }
}
