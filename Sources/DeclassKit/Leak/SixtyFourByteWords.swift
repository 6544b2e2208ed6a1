/// The leak checker's words read sixty-four bytes at a time, with few branches whose way depends on the text:
/// the same words, byte ranges, keys and unmixed hashes as `LeakWords.scalarWords`. The sixteen-byte reader
/// (`SixteenByteWords`) took a mispredicted branch for nearly every word (which of a block's word starts
/// and ends pair up, whether a word reaches past its block, whether it is longer than eight bytes), and
/// those cost more time than its instructions did. Here a block's words are taken by their ends, each
/// paired with the last start before it in one step, each is passed with its key (`LeakWord.key`, one load
/// and no branch) and hashed only when asked (chained without a branch on the length up to fifteen bytes),
/// and a block's one hard-to-foretell branch is the end of its words.
///
/// The bytes are first split into runs of ASCII letters, digits and bytes >= 0x80: every word lies in
/// one such run, and a run without a byte >= 0x80 is one word; a run holding one is read byte by byte.
enum SixtyFourByteWords {
    /// Bit k set when byte k of `v` is an ASCII letter or digit or a byte >= 0x80 (`SixteenByteWords.wordBits`'s
    /// arithmetic, with the high bit of the byte itself or-ed in).
    @inline(__always)
    static func runBits(_ v: SIMD16<UInt8>) -> UInt64 {
        let l = (v | SIMD16(repeating: 0x20)) &- SIMD16(repeating: 0x61)
        let d = v &- SIMD16(repeating: 0x30)
        let other = (l &+ SIMD16(repeating: 0x66) | l) & (d &+ SIMD16(repeating: 0x76) | d)
        let t = (~other | v) &>> SIMD16(repeating: 7)
        let halves = unsafeBitCast(t, to: SIMD2<UInt64>.self)
        return SixteenByteWords.gather(halves[0]) | SixteenByteWords.gather(halves[1]) &<< 8
    }

    /// Bit k set when byte k of `v` is >= 0x80.
    @inline(__always)
    static func highBits(_ v: SIMD16<UInt8>) -> UInt64 {
        let halves = unsafeBitCast(v &>> SIMD16(repeating: 7), to: SIMD2<UInt64>.self)
        return SixteenByteWords.gather(halves[0]) | SixteenByteWords.gather(halves[1]) &<< 8
    }

    /// `SixteenByteWords.hash(b, start, end)`, the 16 bytes from `start` being in `b`: a word of fewer than
    /// sixteen bytes is chained through both steps and the result picked by its length (no branch). Its first
    /// eight bytes are read as `LeakWord.key` reads them, so that a reader asking for both reads them once.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        let length = end &- start
        guard length < 16 else { return SixteenByteWords.hash(b, start, end) }
        let p = UnsafeRawPointer(b.baseAddress! + start)
        let k = UInt64(truncatingIfNeeded: length)
        let h1 = WordHash.step(WordHash.seed, LeakWord.head(UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)), k))
        // The next length - 8 bytes (none for 8), folded, the first the most significant: shifted by 1, then
        // by 63 - 8 (length - 8) (masking: its garbage for a length below 8 is not used).
        let x = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) | 0x2020_2020_2020_2020
        let second = (x.byteSwapped &>> 1) &>> (63 &- 8 &* (k &- 8))
        let h2 = WordHash.step(h1, second)
        return (length < 8 ? h1 : h2) ^ k
    }

    /// The word of ASCII letters and digits `b[start..<end]`, with its key only, from one load of eight
    /// bytes (the sixteen bytes from `start` are in `b`: its hash is read from them when asked).
    @inline(__always)
    static func asciiWord(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> LeakWord {
        let x = UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + start).loadUnaligned(as: UInt64.self))
        return LeakWord(start: start, end: end, key: LeakWord.key(x, length: end &- start), hash: 0, hashing: .fromSixteenBytes)
    }

    /// Calls `body(word)` for each word of `b` from its start, in 64-byte blocks while 80 bytes are left
    /// (a hash reads up to 16 bytes from a word's start); returns where the caller must go
    /// on reading (the start of the run in progress, or the first byte not read), or nil when `body`
    /// returned false.
    @inline(__always)
    static func run(_ b: UnsafeBufferPointer<UInt8>, _ body: (LeakWord) -> Bool) -> Int? {
        var held = false
        return run(b, held: &held, filtering: false, keep: { _ in true }) { w, _ in body(w) }
    }

    /// `run`, passing on only the words whose keys `keep` holds (all when not `filtering`), each with whether
    /// the word just before it was passed on too; `held` says so of the last word read (false before the
    /// first), and is left so for the reader of the rest. A block of ASCII words is probed whole before any
    /// word is passed on: the probes, one a word and most saying no, then take no branch of their own.
    @inline(__always)
    static func run(_ b: UnsafeBufferPointer<UInt8>, held: inout Bool, filtering: Bool, keep: (UInt64) -> Bool,
                    _ body: (LeakWord, Bool) -> Bool) -> Int? {
        @inline(__always) func visit(_ w: LeakWord) -> Bool {
            guard filtering else { return body(w, false) }
            return LeakWords.passHeld(w, held: &held, keep: keep, body)
        }
        let n = b.count
        var p = 0
        /// Where the run in progress (going on past the bytes read) starts, or -1.
        var carry = -1
        /// Nonzero when the run in progress holds a byte >= 0x80.
        var carryHigh: UInt64 = 0
        while p &+ 80 <= n {
            let v0 = SixteenByteWords.load16(b, p), v1 = SixteenByteWords.load16(b, p &+ 16)
            let v2 = SixteenByteWords.load16(b, p &+ 32), v3 = SixteenByteWords.load16(b, p &+ 48)
            let m = runBits(v0) | runBits(v1) &<< 16 | runBits(v2) &<< 32 | runBits(v3) &<< 48
            let any = unsafeBitCast(v0 | v1 | v2 | v3, to: SIMD2<UInt64>.self)
            var high: UInt64 = 0
            if (any[0] | any[1]) & 0x8080_8080_8080_8080 != 0 {
                high = highBits(v0) | highBits(v1) &<< 16 | highBits(v2) &<< 32 | highBits(v3) &<< 48
            }
            let starts = m & ~(m &<< 1 | (carry >= 0 ? 1 : 0))
            var ends = ~m & (m &<< 1 | (carry >= 0 ? 1 : 0))
            // Each end's word starts at the last start before it, or is the run in progress. Without a byte
            // >= 0x80 in the block or in the run going on into it, every word is read from its bytes alone, in
            // a loop of its own (which takes all the ends: the next loop, which asks at every word whether it
            // holds such a byte, then has none left).
            if filtering, (high | carryHigh) == 0 {
                // The block's starts and ends alternate: the first end pairs with the run in progress when
                // there is one, and every other end with the next start.
                var hits: UInt64 = 0
                @inline(__always) func probe(_ s: Int, _ e: Int) {
                    let x = UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + s).loadUnaligned(as: UInt64.self))
                    hits |= (keep(LeakWord.key(x, length: p &+ e &- s)) ? 1 : 0) &<< UInt64(truncatingIfNeeded: e)
                }
                if ends != 0 {
                    var rest = ends
                    var open = starts
                    let e = rest.trailingZeroBitCount
                    rest &= rest &- 1
                    let s = carry >= 0 ? carry : p &+ open.trailingZeroBitCount
                    open = carry >= 0 ? open : open & (open &- 1)
                    probe(s, e)
                    while rest != 0 {
                        let e = rest.trailingZeroBitCount
                        rest &= rest &- 1
                        let s = p &+ open.trailingZeroBitCount
                        open &= open &- 1
                        probe(s, e)
                    }
                }
                var pass = hits
                while pass != 0 {
                    let e = pass.trailingZeroBitCount
                    pass &= pass &- 1
                    let mask = (1 &<< UInt64(truncatingIfNeeded: e)) &- 1
                    let before = ends & mask
                    let after = before == 0 ? held : hits &>> UInt64(truncatingIfNeeded: 63 &- before.leadingZeroBitCount) & 1 != 0
                    let below = starts & mask
                    let s = below == 0 ? carry : p &+ (63 &- below.leadingZeroBitCount)
                    guard body(asciiWord(b, s, p &+ e), after) else { return nil }
                }
                if ends != 0 { held = hits &>> UInt64(truncatingIfNeeded: 63 &- ends.leadingZeroBitCount) & 1 != 0 }
                ends = 0
            }
            if (high | carryHigh) == 0 {
                // Starts and ends alternate (as above): the run in progress, if any, then the block's starts.
                var lead = carry
                var open = starts
                while ends != 0 {
                    let e = ends.trailingZeroBitCount
                    ends &= ends &- 1
                    let s = lead >= 0 ? lead : p &+ open.trailingZeroBitCount
                    open = lead >= 0 ? open : open & (open &- 1)
                    lead = -1
                    guard visit(asciiWord(b, s, p &+ e)) else { return nil }
                }
            }
            while ends != 0 {
                let e = ends.trailingZeroBitCount
                ends &= ends &- 1
                let below = starts & ((1 &<< UInt64(truncatingIfNeeded: e)) &- 1)
                let first = 63 &- below.leadingZeroBitCount
                let s = below == 0 ? carry : p &+ first
                if (high | carryHigh) != 0 {
                    let inBlock = high & ((1 &<< UInt64(truncatingIfNeeded: e)) &- 1) & (below == 0 ? ~0 : ~0 &<< UInt64(truncatingIfNeeded: first))
                    if inBlock != 0 || (below == 0 && carryHigh != 0) {
                        guard LeakWords.scalarWords(b, from: s, until: p &+ e, end: p &+ e, visit) != nil else { return nil }
                        continue
                    }
                }
                guard visit(asciiWord(b, s, p &+ e)) else { return nil }
            }
            // The run reaching the block's last byte goes on: from the last start, or from before the block.
            let last = 63 &- starts.leadingZeroBitCount
            let goesOn = m &>> 63 != 0
            carryHigh = !goesOn ? 0 : starts != 0 ? high & (~0 &<< UInt64(truncatingIfNeeded: last)) : carryHigh | high
            carry = !goesOn ? -1 : starts != 0 ? p &+ last : carry
            p &+= 64
        }
        return carry >= 0 ? carry : p
    }
}
