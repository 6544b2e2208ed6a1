/// The words of a unit's text as 64-bit values, read eight bytes at a time, for the overlap finder. A word
/// is a maximal run of letters, digits and bytes >= 0x80, ASCII letters upper-cased (what
/// `OverlapFinder` has always compared). Equal words give equal values and unequal words unequal ones but
/// with a chance of about 2⁻⁶⁴; the values are only compared with each other, within one cable.
///
/// Why chunks pay here when a chunked reader once did not: the classification of eight bytes is a dozen
/// word operations, and a word is taken from the folded chunk already in a register (no reload, no
/// byte-at-a-time hash): a word of up to seven bytes is its folded bytes packed, mixed once. A word that
/// runs into the next chunk is read again from its first byte, so no word is carried across chunks.
enum WordValues {
    static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// For eight bytes `x` (the first in the low bits): 0x80 in each byte that belongs to a word (an
    /// ASCII letter or digit, or a byte >= 0x80), and `x` with its ASCII lower-case letters upper-cased
    /// (`ByteText.upper` on each byte). One pass: the letter test serves both.
    @inline(__always)
    static func classify(_ x: UInt64) -> (words: UInt64, folded: UInt64) {
        let low = x & ~highs
        let l = low | 0x2020_2020_2020_2020
        // Letters: l in 0x61...0x7A; digits: low in 0x30...0x39 (7-bit sums: no carries between bytes).
        let letters = (l &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(l &+ 0x0505_0505_0505_0505)
        let digits = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646)
        // A lower-case ASCII letter: a letter below 0x80 with 0x20 set (`x << 2` moves 0x20 to 0x80).
        let lower = letters & x << 2 & ~x & highs
        return ((letters | digits | x) & highs, x &- (lower >> 2))
    }

    /// The eight bytes at `offset`, the first in the low bits, classified (`classify`): 0xFF in each
    /// word byte, and the bytes folded.
    @inline(__always)
    static func chunk(_ base: UnsafeRawPointer, _ offset: Int) -> (bits: UInt64, folded: UInt64) {
        let (words, folded) = classify(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        return ((words &>> 7) &* 0xFF, folded)
    }

    /// Writes the value of each word of `b[range]`, in order, at `out` and returns how many. `range` is
    /// one unit's words: the byte before it (if any) and the byte at its end are not word bytes, and
    /// eight bytes can be loaded at any offset up to its end (`CableText.padding`); `out` has room for a
    /// word per two bytes of `range`, plus one. Wrapping arithmetic and masked shifts throughout: no
    /// overflow checks in the loop.
    @inline(never)
    static func write(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: UnsafeMutablePointer<UInt64>) -> Int {
        write(b, range, to: out, heads: nil)
    }

    /// `write`, and each word's first byte at `firsts` and second byte at `seconds`, as `writeHeads` gives
    /// them: the words an `OverlapSift` may be made from, their heads read in the same pass (a pass of
    /// their own read every byte again).
    @inline(never)
    static func write(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: UnsafeMutablePointer<UInt64>,
                      firsts: UnsafeMutablePointer<UInt8>, seconds: UnsafeMutablePointer<UInt8>) -> Int {
        write(b, range, to: out, heads: (firsts, seconds))
    }

    /// `write`, with the heads written when `heads` holds where (nil or not in each caller, where this is
    /// inlined: `write` alone has no head stores).
    @inline(__always)
    private static func write(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: UnsafeMutablePointer<UInt64>,
                              heads: (firsts: UnsafeMutablePointer<UInt8>, seconds: UnsafeMutablePointer<UInt8>)?) -> Int {
        var n = 0
        var p = range.lowerBound
        let end = range.upperBound
        let base = UnsafeRawPointer(b.baseAddress!)
        // `p` never stands inside a word: the byte before it is not a word byte.
        while p < end {
            var (bits, folded) = chunk(base, p)
            let left = end &- p
            if left < 8 { bits &= (1 &<< UInt64(truncatingIfNeeded: left &* 8)) &- 1 }
            var next = p &+ 8
            while bits != 0 {
                let s = UInt64(truncatingIfNeeded: bits.trailingZeroBitCount)
                let length = UInt64(truncatingIfNeeded: (~(bits &>> s)).trailingZeroBitCount)
                if s &+ length == 64 {
                    // The word may go on in the next chunk: read it again from its first byte, or, when it
                    // fills this chunk, chained eight bytes at a time.
                    if s == 0 {
                        let (value, after) = long(base, p)
                        out[n] = value
                        // A word of eight bytes or more: its second byte is in this chunk.
                        if let heads { writeHead(base, folded, at: p, shift: 0, length: 64, n, heads.firsts, heads.seconds) }
                        n &+= 1
                        next = after
                    } else {
                        next = p &+ Int(truncatingIfNeeded: s &>> 3)
                    }
                    break
                }
                // A whole word of up to seven bytes inside the chunk: its value is its bytes.
                out[n] = mix((folded &>> s) & ((1 &<< length) &- 1))
                if let heads { writeHead(base, folded, at: p, shift: s, length: length, n, heads.firsts, heads.seconds) }
                n &+= 1
                bits &= ~0 &<< (s &+ length)
            }
            p = next
        }
        return n
    }

    /// Writes the head of word `n`, starting `shift` bits into the folded chunk at `p` and `length` bits
    /// long there: its first byte folded, its second as it stands (0 for a word of one byte).
    @inline(__always)
    private static func writeHead(_ base: UnsafeRawPointer, _ folded: UInt64, at p: Int, shift s: UInt64, length: UInt64, _ n: Int,
                                  _ firsts: UnsafeMutablePointer<UInt8>, _ seconds: UnsafeMutablePointer<UInt8>) {
        firsts[n] = UInt8(truncatingIfNeeded: folded &>> s)
        seconds[n] = length > 8 ? base.load(fromByteOffset: p &+ Int(truncatingIfNeeded: s &>> 3) &+ 1, as: UInt8.self) : 0
    }

    /// The value of the word of eight bytes or more starting at `p`, and the offset just past it: its
    /// folded bytes chained through `WordHash.step` eight at a time from its first byte, then the
    /// rest (fewer than eight) and its length in bits. A word stops at a unit's end by itself (the byte
    /// there is not a word byte).
    @inline(__always)
    static func long(_ base: UnsafeRawPointer, _ p: Int) -> (value: UInt64, after: Int) {
        var hash = WordHash.seed
        var q = p
        var total: UInt64 = 0
        while true {
            let (bits, folded) = chunk(base, q)
            if bits == ~0 {
                hash = WordHash.step(hash, folded)
                total &+= 64
                q &+= 8
                continue
            }
            let length = UInt64(truncatingIfNeeded: (~bits).trailingZeroBitCount)
            let rest = folded & ((1 &<< length) &- 1)
            return (mix(WordHash.step(hash, rest) ^ (total &+ length)), q &+ Int(truncatingIfNeeded: length &>> 3))
        }
    }

    /// Whether `c` belongs to a word: an ASCII letter or digit, or a byte >= 0x80.
    @inline(__always)
    static func isWordByte(_ c: UInt8) -> Bool { c >= 0x80 || ByteText.isAlnum(c) }

    /// The value of the word starting at `p` (the byte before it is not a word byte), as `write` gives it.
    @inline(__always)
    static func value(_ base: UnsafeRawPointer, _ p: Int) -> UInt64 { word(base, p).value }

    /// The value of the word starting at `p` (the byte before it is not a word byte), as `write` gives it,
    /// and the offset just past it.
    @inline(__always)
    static func word(_ base: UnsafeRawPointer, _ p: Int) -> (value: UInt64, after: Int) {
        let (bits, folded) = chunk(base, p)
        if bits == ~0 { return long(base, p) }
        let length = UInt64(truncatingIfNeeded: (~bits).trailingZeroBitCount)
        return (mix(folded & ((1 &<< length) &- 1)), p &+ Int(truncatingIfNeeded: length &>> 3))
    }

    /// Writes the first byte of each word of `b[range]` (ASCII letters upper-cased), in order, at `out` and
    /// returns how many: the words `write` reads, byte by byte (the plain reading `writeHeads` is checked
    /// against).
    static func writeFirsts(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        var inWord = false
        for i in range {
            let isWord = isWordByte(b[i])
            if isWord, !inWord {
                out[n] = ByteText.upper(b[i])
                n += 1
            }
            inWord = isWord
        }
        return n
    }

    /// Writes the first byte of each word of `b[range]` (ASCII letters upper-cased, as `writeFirsts`) at
    /// `firsts` and its second byte (as it stands; 0 for a word of one byte) at `seconds`, in order, and
    /// returns how many words: for an `OverlapSift` and its filter on a word's first two bytes. Read by
    /// `write` with the words' values (`range` as there), as the finder reads them: read a byte at a time,
    /// the heads of the withheld words cost about what sifting the released ones saves.
    static func writeHeads(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, firsts: UnsafeMutablePointer<UInt8>,
                           seconds: UnsafeMutablePointer<UInt8>) -> Int {
        // The values are written too, where they are dropped: the finder takes the heads with them.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: range.count / 2 + 1) { values in
            write(b, range, to: values.baseAddress!, firsts: firsts, seconds: seconds)
        }
    }

    /// Writes the second byte of each word of `b[range]` (as it stands; 0 for a word of one byte), in
    /// order, at `out` and returns how many: the words `writeFirsts` reads, a byte at a time (the plain
    /// reading `writeHeads` is checked against).
    static func writeSeconds(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        var inWord = false
        for i in range {
            let isWord = isWordByte(b[i])
            if isWord, !inWord {
                out[n] = i + 1 < range.upperBound && isWordByte(b[i + 1]) ? b[i + 1] : 0
                n += 1
            }
            inWord = isWord
        }
        return n
    }

    /// A word's value from its packed bytes (or chained hash): a multiply and a shift, both bijections.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        let m = value &* 0x9fb2_1c65_1e98_df25
        return m ^ m >> 32
    }
}
