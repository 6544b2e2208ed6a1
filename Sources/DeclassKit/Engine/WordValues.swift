/// The words of a unit's text as 64-bit values, read eight bytes at a time, for the overlap finder. A word
/// is a maximal run of letters, digits and bytes >= 0x80, ASCII letters upper-cased (what
/// `OverlapFinder` has always compared). Equal words give equal values and unequal words unequal ones but
/// with a chance of about 2⁻⁶⁴; the values are only compared with each other, within one cable.
///
/// Why chunks pay here when a chunked reader once did not: the classification of eight bytes is a dozen
/// word operations, and a word is taken from the folded chunk already in a register (no reload, no
/// byte-at-a-time hash): a word of up to eight bytes is its folded bytes packed, mixed once.
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

    /// Writes the value of each word of `b[range]`, in order, at `out` and returns how many. `range` is
    /// one unit's words: the byte before it (if any) and the byte at its end are not word bytes, and
    /// eight bytes can be loaded at any offset below its end (`CableText.padding`); `out` has room for a
    /// word per two bytes of `range`, plus one. Wrapping arithmetic and masked shifts throughout: no
    /// overflow checks in the loop.
    static func write(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: UnsafeMutablePointer<UInt64>) -> Int {
        var n = 0
        var word = WordValue()
        var p = range.lowerBound
        let end = range.upperBound
        let base = UnsafeRawPointer(b.baseAddress!)
        while p < end {
            let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: p, as: UInt64.self))
            let (words, folded) = classify(x)
            var bits = (words &>> 7) &* 0xFF
            let left = end &- p
            if left < 8 { bits &= (1 &<< UInt64(truncatingIfNeeded: left &* 8)) &- 1 }
            // A word carried from the chunk before ends unless this chunk's first byte continues it.
            if word.isOpen, bits & 0xFF == 0 {
                out[n] = word.close()
                n &+= 1
            }
            while bits != 0 {
                let s = UInt64(truncatingIfNeeded: bits.trailingZeroBitCount)
                let length = UInt64(truncatingIfNeeded: (~(bits &>> s)).trailingZeroBitCount)
                let part = length == 64 ? folded : (folded &>> s) & ((1 &<< length) &- 1)
                if s &+ length == 64 {
                    // The word may go on in the next chunk.
                    word.add(part, bits: length)
                    break
                }
                if word.isOpen {
                    word.add(part, bits: length)
                    out[n] = word.close()
                } else {
                    // A whole word of up to seven bytes inside the chunk: its value is its bytes.
                    out[n] = WordValue.mix(part)
                }
                n &+= 1
                bits &= ~0 &<< (s &+ length)
            }
            p &+= 8
        }
        if word.isOpen {
            out[n] = word.close()
            n &+= 1
        }
        return n
    }

    /// One word's bytes as they arrive (in pieces of up to eight): up to seven packed as they are, longer
    /// words chained through `WordHash.step` eight bytes at a time from their first byte, so the value
    /// does not depend on where the chunks cut the word.
    struct WordValue {
        /// The bytes not yet chained (fewer than eight), the first in the low bits.
        private var pending: UInt64 = 0
        /// Bits in `pending` (0...56).
        private var pendingBits: UInt64 = 0
        /// Bits of the word so far.
        private var total: UInt64 = 0
        private var hash = WordHash.seed

        var isOpen: Bool { total != 0 }

        /// Adds `count` bits (a multiple of 8, 8...64), the first byte in the low bits of `part`.
        @inline(__always)
        mutating func add(_ part: UInt64, bits count: UInt64) {
            let combined = pending | part &<< pendingBits
            let filled = pendingBits &+ count
            total &+= count
            if filled < 64 {
                pending = combined
                pendingBits = filled
                return
            }
            hash = WordHash.step(hash, combined)
            // What did not fit (none when the eight bytes filled exactly).
            pending = filled == 64 ? 0 : part &>> (64 &- pendingBits)
            pendingBits = filled &- 64
        }

        /// The word's value, mixed (`mix`: words of up to seven bytes keep distinct values); starts the
        /// next word.
        @inline(__always)
        mutating func close() -> UInt64 {
            let value = total < 64 ? pending : WordHash.step(hash, pending) ^ total
            self = WordValue()
            return WordValue.mix(value)
        }

        /// A word's value from its packed bytes (or chained hash): a multiply and a shift, both bijections.
        @inline(__always)
        static func mix(_ value: UInt64) -> UInt64 {
            let m = value &* 0x9fb2_1c65_1e98_df25
            return m ^ m >> 32
        }
    }
}
