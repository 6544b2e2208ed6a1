/// The words of a text as the leak checker compares them, read in one pass without copies. A word is a
/// maximal run of letters and digits (ASCII, and non-ASCII letters, numbers and combining marks);
/// everything else, white space and punctuation alike, separates words. Words are compared with case
/// folded: ASCII on the bytes, words holding non-ASCII through `String.lowercased()`. Bytes that are not
/// valid UTF-8 count as word characters.
enum LeakWords {
    /// Calls `body(hash, start, end)` for each word of `bytes`, in order: the folded word's unmixed hash
    /// (`WordHash.unmixed`; `WordHash.finish` of it is the word's hash) and the byte range where it stands;
    /// stops when `body` returns false. `forEachWord`'s words, each hashed.
    @inline(__always)
    static func forEach(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64, Int, Int) -> Bool) {
        forEachWord(bytes) { body($0.unmixed(bytes), $0.start, $0.end) }
    }

    /// Calls `body(word)` for each word of `bytes`, in order (its place, its filter key, and its unmixed
    /// hash when asked: `LeakWord`); stops when `body` returns false. Text is read sixty-four bytes at a
    /// time (`SixtyFourByteWords`) but for its last 80 bytes or fewer, which are read sixteen bytes at a time
    /// (`SixteenByteWords`); from sixteen bytes holding a byte ≥ 0x80 on, byte by byte (`scalarWords`)
    /// until past a separator sixteen bytes further. All give the same words, keys and hashes.
    @inline(__always)
    static func forEachWord(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (LeakWord) -> Bool) {
        guard let at = SixtyFourByteWords.run(bytes, body), at < bytes.count else { return }
        forEachWord(bytes, from: at, body)
    }

    /// `forEachWord`, passing on only the words whose keys (`LeakWord.key`) `keep` holds, each with whether
    /// the word just before it was passed on too (false for the first word): the same words as a `forEachWord`
    /// body asking `keep` would take, but the 64-byte reader probes a block's words before passing any on.
    @inline(__always)
    static func forEachHeldWord(_ bytes: UnsafeBufferPointer<UInt8>, keep: (UInt64) -> Bool,
                                _ body: (LeakWord, Bool) -> Bool) {
        var held = false
        guard let at = SixtyFourByteWords.run(bytes, held: &held, filtering: true, keep: keep, body), at < bytes.count else { return }
        forEachWord(bytes, from: at) { w in passHeld(w, held: &held, keep: keep, body) }
    }

    /// Passes `w` on to `body` when `keep` holds its key, with whether the word before it was passed on too
    /// (`held`, then set for the next word); a word `keep` turns away clears `held` and reading goes on.
    @inline(__always)
    static func passHeld(_ w: LeakWord, held: inout Bool, keep: (UInt64) -> Bool, _ body: (LeakWord, Bool) -> Bool) -> Bool {
        guard keep(w.key) else {
            held = false
            return true
        }
        let after = held
        held = true
        return body(w, after)
    }

    /// `forEachWord` from `at` (0, or a byte that follows a separator), sixteen bytes at a time. Kept out of
    /// line (it reads a text's last 80 bytes or fewer): inlined next to the 64-byte loop, it made the callers
    /// too large for the optimiser to inline the loads and `min`s of that loop, which it then called.
    @inline(never)
    static func forEachWord(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, _ body: (LeakWord) -> Bool) {
        var at = from
        while at < bytes.count {
            guard let stop = SixteenByteWords.run(bytes, from: at, body), stop < bytes.count,
                  let next = scalarWords(bytes, from: stop, until: stop + 16, end: bytes.count, body) else { return }
            at = next
        }
    }

    /// `forEach` one byte at a time from `from` (0, or a byte that follows a separator) until just past the
    /// first separator at or after `until`; returns where it stopped (`bytes.count` at the end), or nil when
    /// `body` returned false.
    static func scalarWords(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, until: Int, _ body: (UInt64, Int, Int) -> Bool) -> Int? {
        scalarWords(bytes, from: from, until: until, end: bytes.count) { body($0.unmixed(bytes), $0.start, $0.end) }
    }

    /// `forEachWord` one byte at a time from `from` (0, or a byte that follows a separator) until just past
    /// the first separator at or after `until`, the bytes from `end` on left out (`end` is the end of `bytes`,
    /// or a byte below 0x80 that is not a letter or digit: a word ends there either way); returns where it
    /// stopped (`end` at the end), or nil when `body` returned false. Its words come hashed.
    @inline(__always)
    static func scalarWords(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, until: Int, end: Int, _ body: (LeakWord) -> Bool) -> Int? {
        let n = end
        var i = from
        var start = -1
        var h = WordHash()
        var nonASCII = false
        @inline(__always) func word(_ end: Int) -> LeakWord {
            nonASCII ? foldedWord(bytes, start, end) : LeakWord(start: start, end: end, key: h.key, hash: h.unmixed, hashing: .done)
        }
        while i < n {
            let c = bytes[i]
            if c < 0x80 {
                let lower = c | 0x20
                let folded: UInt8 = lower &- 0x61 < 26 ? lower : (c &- 0x30 < 10 ? c : 0)
                if folded != 0 {
                    if start < 0 {
                        start = i
                        h = WordHash()
                        nonASCII = false
                    }
                    h.add(folded)
                } else if start >= 0 {
                    guard body(word(i)) else { return nil }
                    start = -1
                }
                i += 1
                if folded == 0, i >= until { return i }
            } else {
                let (length, isWord) = scalar(bytes, i)
                if isWord {
                    if start < 0 {
                        start = i
                        h = WordHash()
                    }
                    nonASCII = true
                } else if start >= 0 {
                    guard body(word(i)) else { return nil }
                    start = -1
                }
                i += length
                if !isWord, i >= until { return i }
            }
        }
        if start >= 0 {
            guard body(word(n)) else { return nil }
        }
        return n
    }

    /// Writes the unmixed word hashes of `bytes` to `out` and their keys (`LeakWord.key`) to `keys`, which
    /// have room for `bytes.count / 2 + 1` of them (a word and the separator after it take two bytes at
    /// least); returns how many there are and the byte range of the first word (nil when there is none).
    /// Stores through pointers, so that the word loop keeps no array to check for uniqueness and capacity at
    /// every word.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt64>,
                      keys: UnsafeMutablePointer<UInt64>) -> (count: Int, first: Range<Int>?) {
        var count = 0
        var first = 0 ..< 0
        forEachWord(bytes) { w in
            if count == 0 { first = w.start ..< w.end }
            out[count] = w.unmixed(bytes)
            keys[count] = w.key
            count &+= 1
            return true
        }
        return (count, count == 0 ? nil : first)
    }

    /// A word holding non-ASCII bytes, `bytes[start..<end]`, hashed: its text lowercased (invalid UTF-8 read
    /// as U+FFFD).
    private static func foldedWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> LeakWord {
        var h = WordHash()
        for c in String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self).lowercased().utf8 {
            h.add(c)
        }
        return LeakWord(start: start, end: end, key: h.key, hash: h.unmixed, hashing: .done)
    }

    /// The length of the UTF-8 sequence starting at `i` (a byte ≥ 0x80) and whether it is a word character:
    /// a letter, number or combining mark; an invalid sequence is one byte long and counts as a word character.
    @inline(__always)
    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Bool) {
        let c = b[i]
        let n = b.count
        @inline(__always) func cont(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let x = b[i + k]
            return x & 0xC0 == 0x80 ? UInt32(x & 0x3F) : nil
        }
        var value: UInt32
        var length: Int
        switch c {
        case 0xC2 ... 0xDF:
            guard let c1 = cont(1) else { return (1, true) }
            value = UInt32(c & 0x1F) << 6 | c1
            length = 2
        case 0xE0 ... 0xEF:
            guard let c1 = cont(1), let c2 = cont(2) else { return (1, true) }
            value = UInt32(c & 0x0F) << 12 | c1 << 6 | c2
            guard value >= 0x800, !(0xD800 ... 0xDFFF).contains(value) else { return (1, true) }
            length = 3
        case 0xF0 ... 0xF4:
            guard let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return (1, true) }
            value = UInt32(c & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            guard value >= 0x10000, value <= 0x10FFFF else { return (1, true) }
            length = 4
        default:
            return (1, true)
        }
        return (length, isWordValue(value))
    }

    /// Bit k set when U+0080 + k is a word character (Latin-1: `ª`, `²`, `³`, `µ`, `¹`, `º`, `¼`–`¾`), then
    /// when U+00C0 + k is (every letter but `×` and `÷`).
    private static var latin1Words: (UInt64, UInt64) { (0x762C_0400_0000_0000, 0xFF7F_FFFF_FF7F_FFFF) }

    /// `isWordScalar` of the scalar `value` (a valid scalar ≥ U+0080): Latin-1 and the General Punctuation
    /// block (`’`, `“`, `”`, `–`, all separators) are answered without the Unicode property tables, which
    /// cost some 700 instructions a scalar; `¶` and curly quotes stand in almost every cable.
    @inline(__always)
    static func isWordValue(_ value: UInt32) -> Bool {
        if value < 0x100 {
            let bits = value < 0xC0 ? latin1Words.0 : latin1Words.1
            return bits >> UInt64(value & 0x3F) & 1 != 0
        }
        if value &- 0x2000 < 0x70 { return false }
        guard let s = Unicode.Scalar(value) else { return true }
        return isWordScalar(s)
    }

    /// Letters, numbers and combining marks belong to words; white space, punctuation and symbols separate them.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
