/// The leak checker's ASCII words read sixteen bytes at a time: a word is a maximal run of ASCII letters
/// and digits; each is passed with its byte range and its key (`LeakWord`), hashed when asked to the
/// unmixed `WordHash` of its folded bytes (the same value as adding them one by one). A few vector operations give sixteen bytes' word bits at once
/// (where eight-byte masks took some twenty scalar operations for eight bytes), the words' starts and
/// ends pair up in order in those bits, and a word of up to seven bytes is hashed from one load.
enum SixteenByteWords {
    /// The sixteen bytes at `i` (`i + 16 <= b.count`), the first in lane 0.
    @inline(__always)
    static func load16(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> SIMD16<UInt8> {
        UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// The bytes from `i` to the end of `b` (fewer than sixteen), zeros after: a zero is neither a word
    /// byte nor a byte >= 0x80, so a word going on to the end of `b` ends there.
    @inline(__always)
    static func loadLast(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> SIMD16<UInt8> {
        var v = SIMD16<UInt8>(repeating: 0)
        withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[i...]))) }
        return v
    }

    /// The eight bytes at `i` (zeros past the end of `b`), the first in the low bits.
    @inline(__always)
    static func load8(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        if i &+ 8 <= b.count { return UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) }
        var x: UInt64 = 0
        var k = b.count &- 1
        while k >= i {
            x = x &<< 8 | UInt64(b[k])
            k &-= 1
        }
        return x
    }

    /// The low bit of each of eight bytes (the first in the low bits) gathered into bits 0–7: one multiply,
    /// since the bits' shifted copies never meet (no carries).
    @inline(__always)
    static func gather(_ x: UInt64) -> UInt64 { ((x & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) &>> 56 }

    /// Bit k set when byte k of `v` is an ASCII letter or digit; nil when some byte is >= 0x80 (the
    /// caller reads those bytes one at a time). Only lane-wise arithmetic: comparisons of bytes as unsigned
    /// compile to a loop over the lanes, so `y < 26` is read from the high bit of `(y + 102) | y`, clear
    /// exactly when it holds.
    @inline(__always)
    static func wordBits(_ v: SIMD16<UInt8>) -> UInt64? {
        let l = (v | SIMD16(repeating: 0x20)) &- SIMD16(repeating: 0x61)
        let d = v &- SIMD16(repeating: 0x30)
        // 0x80 in each byte that is neither a letter (l < 26) nor a digit (d < 10).
        let other = (l &+ SIMD16(repeating: 0x66) | l) & (d &+ SIMD16(repeating: 0x76) | d)
        // The word flag in each byte's low bit, and the byte's own high bit: both read from one pair of words.
        let t = ~other &>> SIMD16(repeating: 7) | v & SIMD16(repeating: 0x80)
        let halves = unsafeBitCast(t, to: SIMD2<UInt64>.self)
        if (halves[0] | halves[1]) & 0x8080_8080_8080_8080 != 0 { return nil }
        return gather(halves[0]) | gather(halves[1]) &<< 8
    }

    /// The unmixed `WordHash` of the folded bytes `b[start..<end]`, all of them ASCII letters and digits
    /// (folding is then or-ing 0x20 into each byte: digits have it already).
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        let fold: UInt64 = 0x2020_2020_2020_2020
        var h = WordHash.seed
        var i = start
        while end &- i >= 8 {
            h = WordHash.step(h, (load8(b, i) | fold).byteSwapped)
            i &+= 8
        }
        let k = UInt64(truncatingIfNeeded: end &- i)
        // The k bytes with the first the most significant (as `WordHash.add` shifts them in); k is 1…7
        // (masking shifts: below 64), or 0 with nothing left.
        let tail = k == 0 ? 0 : (load8(b, i) | fold).byteSwapped &>> (64 &- 8 &* k)
        return WordHash.step(h, tail) ^ UInt64(truncatingIfNeeded: end &- start)
    }

    /// Calls `body(word)` for each word of `b` from `from` on, where `from` is 0 or follows a
    /// byte that is not a word byte. Stops at the first sixteen bytes holding a byte >= 0x80 and returns
    /// where the caller must go on reading byte by byte (the start of the word in progress, or the first
    /// of those sixteen bytes), or `b.count` when all was read (the last bytes, fewer than sixteen, are
    /// read padded with zeros); nil when `body` returned false.
    @inline(__always)
    static func run(_ b: UnsafeBufferPointer<UInt8>, from: Int, _ body: (LeakWord) -> Bool) -> Int? {
        let n = b.count
        @inline(__always) func word(_ start: Int, _ end: Int) -> LeakWord {
            LeakWord(start: start, end: end, key: LeakWord.key(b, start, end), hash: 0, hashing: .fromBytes)
        }
        var p = from
        /// Where the word in progress (going on past the bytes read) starts, or -1.
        var start = -1
        while p < n {
            let v = p &+ 16 <= n ? load16(b, p) : loadLast(b, p)
            guard let m = wordBits(v) else { return start >= 0 ? start : p }
            // Bit k of `before` set when the byte before byte k is a word byte.
            let before = m &<< 1 | (start >= 0 ? 1 : 0)
            var starts = m & ~before
            var ends = ~m & before & 0xFFFF
            // Starts and ends alternate: the word in progress ends first, then each start has the next end
            // (none when its word goes on past these sixteen bytes).
            if start >= 0, ends != 0 {
                let end = p &+ ends.trailingZeroBitCount
                guard body(word(start, end)) else { return nil }
                ends &= ends &- 1
                start = -1
            }
            while starts != 0 {
                let s = p &+ starts.trailingZeroBitCount
                starts &= starts &- 1
                guard ends != 0 else {
                    start = s
                    break
                }
                let end = p &+ ends.trailingZeroBitCount
                ends &= ends &- 1
                guard body(word(s, end)) else { return nil }
            }
            p &+= 16
        }
        if start >= 0 {
            guard body(word(start, n)) else { return nil }
        }
        return n
    }
}
