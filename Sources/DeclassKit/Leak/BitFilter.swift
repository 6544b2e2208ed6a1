/// A one-hash bit filter over 64-bit hashes (about 8 bits per entry): `contains` is never false for an
/// inserted hash and rarely true for another, so most lookups end in one cached word.
struct BitFilter: Sendable {
    private var bits: [UInt64]
    private let shift: UInt64

    /// A filter sized for `expected` hashes.
    init(expected: Int) {
        var width: UInt64 = 12
        while (1 << width) < expected * 8, width < 40 { width += 1 }
        bits = Array(repeating: 0, count: (1 << width) / 64)
        shift = 64 - width
    }

    @inline(__always) mutating func insert(_ hash: UInt64) {
        let i = Int(truncatingIfNeeded: (hash &* 0xff51_afd7_ed55_8ccd) >> shift)
        bits[i >> 6] |= 1 << UInt64(i & 63)
    }

    @inline(__always) func contains(_ hash: UInt64) -> Bool {
        let i = Int(truncatingIfNeeded: (hash &* 0xff51_afd7_ed55_8ccd) >> shift)
        return bits[i >> 6] & (1 << UInt64(i & 63)) != 0
    }
}
