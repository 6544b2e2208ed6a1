/// A blocked bit filter over 64-bit hashes (at least `bitsPerEntry` bits per entry, three bits set in one
/// 64-bit word per entry): `contains` is never false for an inserted hash and rarely true for another, and
/// costs one memory read.
struct BitFilter: Sendable {
    private var bits: [UInt64]
    private let shift: UInt64

    /// A filter sized for `expected` hashes, `bitsPerEntry` bits each (at least 4,096 bits in all): 8 lets
    /// about one other hash in 30 through, 32 about one in 1,000.
    init(expected: Int, bitsPerEntry: Int = 8) {
        var width: UInt64 = 12
        while (1 << width) < expected * bitsPerEntry, width < 36 { width += 1 }
        bits = Array(repeating: 0, count: (1 << width) / 64)
        shift = 64 - (width - 6)
    }

    @inline(__always) private func place(_ hash: UInt64) -> (word: Int, mask: UInt64) {
        BitFilter.place(hash, shift: shift)
    }

    @inline(__always) private static func place(_ hash: UInt64, shift: UInt64) -> (word: Int, mask: UInt64) {
        let m = hash &* 0xff51_afd7_ed55_8ccd
        // Masking shifts: `shift` is below 64 and the bit numbers are six bits, so no check for wider ones.
        return (Int(truncatingIfNeeded: m &>> shift), 1 &<< m | 1 &<< (m &>> 6) | 1 &<< (m &>> 12))
    }

    @inline(__always) mutating func insert(_ hash: UInt64) {
        let (w, mask) = place(hash)
        bits[w] |= mask
    }

    @inline(__always) func contains(_ hash: UInt64) -> Bool {
        let (w, mask) = place(hash)
        return bits[w] & mask == mask
    }

    /// Calls `body` with an `Inserter` of the filter, which writes the table in place: a loop inserting
    /// many hashes checks the table's uniqueness once, not at every hash.
    @inline(__always) mutating func withInserter<R>(_ body: (Inserter) -> R) -> R {
        let shift = shift
        return bits.withUnsafeMutableBufferPointer { body(Inserter(bits: $0, shift: shift)) }
    }

    /// `insert` into a filter, its table written in place (valid only inside `withInserter`).
    struct Inserter {
        fileprivate let bits: UnsafeMutableBufferPointer<UInt64>
        fileprivate let shift: UInt64

        /// `BitFilter.insert`.
        @inline(__always) func insert(_ hash: UInt64) {
            let (w, mask) = BitFilter.place(hash, shift: shift)
            bits[w] |= mask
        }
    }
}
