/// How a word reader sees eight bytes at a time: which bytes belong to words, and how they fold.
protocol WordFold {
    /// 0x80 in each byte of `x` (eight bytes, the first in the low bits) that belongs to a word.
    static func wordBytes(_ x: UInt64) -> UInt64
    /// `x` with its word bytes folded (case); what it does to other bytes does not matter.
    static func fold(_ x: UInt64) -> UInt64
    /// True when the eight bytes hold something the chunked reader cannot judge (then the caller's
    /// byte-at-a-time reader takes over).
    static func needsScalar(_ x: UInt64) -> Bool
}

/// Words read eight bytes at a time: a word is a maximal run of bytes `F` counts as word bytes; each is
/// passed with its byte range and the unmixed `WordHash` of its folded bytes (the same value as adding them
/// one by one). Word boundaries come from bit masks (no branch per byte), and a word is hashed from unaligned
/// 8-byte loads at its start.
enum ChunkedWords<F: WordFold> {
    static var ones: UInt64 { 0x0101_0101_0101_0101 }
    static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `i` (`i + 8 <= b.count`), the first in the low bits.
    @inline(__always)
    static func load(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// Up to eight bytes at `i`, zeros past the end of `b`.
    @inline(__always)
    static func loadPartial(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        if i + 8 <= b.count { return load(b, i) }
        var x: UInt64 = 0
        var k = b.count - 1
        while k >= i {
            x = x << 8 | UInt64(b[k])
            k -= 1
        }
        return x
    }

    /// The unmixed `WordHash` of the folded bytes `b[start..<end]`, all of them word bytes.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = WordHash.seed
        var i = start
        while end - i >= 8 {
            h = WordHash.step(h, F.fold(load(b, i)).byteSwapped)
            i += 8
        }
        let k = end - i
        var tail: UInt64 = 0
        if k > 0 {
            // The k bytes in the low bits, the first the most significant (as `WordHash.add` shifts them in).
            // k is 1…7: the shifts are below 64 (masking shifts, no check for wider ones).
            let x = F.fold(loadPartial(b, i)) & (~0 &>> UInt64(64 - 8 * k))
            tail = x.byteSwapped &>> UInt64(64 - 8 * k)
        }
        return WordHash.step(h, tail) ^ UInt64(end - start)
    }

    /// Calls `body(hash, start, end)` for each word of `b` from `from` on, where `from` is 0 or follows a
    /// byte that is not a word byte. Stops at the first eight bytes that `F.needsScalar` refuses (or when
    /// fewer than eight remain) and returns where the caller must go on reading byte by byte: the start of
    /// the word in progress, or the first byte not yet read; nil when `body` returned false.
    @inline(__always)
    static func run(_ b: UnsafeBufferPointer<UInt8>, from: Int, _ body: (UInt64, Int, Int) -> Bool) -> Int? {
        let n = b.count
        var p = from
        var start = -1
        while p + 8 <= n {
            let x = load(b, p)
            if F.needsScalar(x) { break }
            let m = F.wordBytes(x)
            // 0x80 where the byte before is a word byte (the byte before the chunk: a word in progress).
            let before = m << 8 | (start >= 0 ? 0x80 : 0)
            let starts = m & ~before
            let ends = ~m & before & highs
            var events = starts | ends
            while events != 0 {
                let bit = events.trailingZeroBitCount
                let at = p &+ bit &>> 3
                if starts & (1 &<< UInt64(bit)) != 0 {
                    start = at
                } else {
                    guard body(hash(b, start, at), start, at) else { return nil }
                    start = -1
                }
                events &= events &- 1
            }
            p += 8
        }
        return start >= 0 ? start : p
    }
}

/// The leak checker's words: ASCII letters (lowercased) and digits; any byte ≥ 0x80 sends the reader back
/// to `LeakWords`' byte-at-a-time reading, which judges Unicode scalars.
enum LeakFold: WordFold {
    @inline(__always) static func letters(_ x: UInt64) -> UInt64 {
        let l = x | 0x2020_2020_2020_2020  // ASCII only (checked by needsScalar): no carries between bytes below
        return (l &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(l &+ 0x0505_0505_0505_0505) & 0x8080_8080_8080_8080
    }

    @inline(__always) static func digits(_ x: UInt64) -> UInt64 {
        (x &+ 0x5050_5050_5050_5050) & ~(x &+ 0x4646_4646_4646_4646) & 0x8080_8080_8080_8080
    }

    @inline(__always) static func wordBytes(_ x: UInt64) -> UInt64 { letters(x) | digits(x) }
    @inline(__always) static func fold(_ x: UInt64) -> UInt64 { x | letters(x) >> 2 }
    @inline(__always) static func needsScalar(_ x: UInt64) -> Bool { x & 0x8080_8080_8080_8080 != 0 }
}
