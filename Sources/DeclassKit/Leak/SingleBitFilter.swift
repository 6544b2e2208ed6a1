/// A bit filter that sets one bit per hash (at least `bitsPerEntry` bits per entry): `contains` is never
/// false for an inserted hash, lets about one other hash in `bitsPerEntry` through, and costs a multiply,
/// a shift and one bit test. The leak checker's word filter, asked once for nearly every word of an
/// output and saying no to most: three bits in a 64-bit word (`BitFilter`) cost twice the instructions
/// for a smaller table, and no fewer false alarms at this size.
struct SingleBitFilter: Sendable {
    private var bits: [UInt64]
    /// 64 minus the number of bits that pick a bit of the table.
    private let shift: UInt64

    /// A filter sized for `expected` hashes, `bitsPerEntry` bits each (at least 4,096 bits in all).
    init(expected: Int, bitsPerEntry: Int = 32) {
        var width: UInt64 = 12
        while (1 << width) < expected * bitsPerEntry, width < 36 { width += 1 }
        bits = Array(repeating: 0, count: (1 << width) / 64)
        shift = 64 - width
    }

    /// The bit of `hash`: the top bits of a multiply, so that every bit of the hash counts.
    @inline(__always) private func place(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0xff51_afd7_ed55_8ccd) &>> shift)
    }

    @inline(__always) mutating func insert(_ hash: UInt64) {
        let b = place(hash)
        bits[b &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: b & 63)
    }

    @inline(__always) func contains(_ hash: UInt64) -> Bool {
        let b = place(hash)
        return bits[b &>> 6] &>> UInt64(truncatingIfNeeded: b & 63) & 1 != 0
    }

    /// Calls `body` with a `Probe` of the filter, which reads the table in place: a reading loop asks it
    /// without loading the table and its width from the filter, or checking bounds, at every hash.
    @inline(__always) func withProbe<R>(_ body: (Probe) -> R) -> R {
        bits.withUnsafeBufferPointer { body(Probe(bits: $0.baseAddress!, shift: shift)) }
    }

    /// `contains` of a filter, its table read in place (valid only inside `withProbe`).
    struct Probe {
        fileprivate let bits: UnsafePointer<UInt64>
        fileprivate let shift: UInt64

        /// `SingleBitFilter.contains`: every bit number is below the table's size (its top `64 - shift` bits).
        @inline(__always) func contains(_ hash: UInt64) -> Bool {
            let b = (hash &* 0xff51_afd7_ed55_8ccd) &>> shift
            return bits[Int(truncatingIfNeeded: b &>> 6)] &>> (b & 63) & 1 != 0
        }
    }
}
