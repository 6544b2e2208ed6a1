extension VerbatimChunk {
    /// How many of eight bytes (the first in the low bits) that follow a copied non-space byte fold to
    /// themselves, from the first: up to the first byte below 0x20 (tab, line breaks), or the first space
    /// followed by a space or such a byte, or a space last (the next byte might be another). `isVerbatim`
    /// is this being 8; a shorter run is still copied with one store, where `isVerbatim` would send every
    /// byte up to the break through the byte-at-a-time fold.
    @inline(__always)
    static func verbatimPrefix(_ x: UInt64) -> Int {
        let highs: UInt64 = 0x8080_8080_8080_8080
        // 0x80 at each byte < 0x20 (the lowest exact; a borrow may flag bytes above it, which cannot
        // move the first break).
        let control = (x &- 0x2020_2020_2020_2020) & ~x & highs
        let y = x ^ 0x2020_2020_2020_2020
        // 0x80 in each byte that is a space (exact per byte: no carries between bytes).
        let spaces = ~(((y & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | y) & highs
        // A space is a break when the byte after it is a space or below 0x20, or when it is last.
        let breaks = control | spaces & (spaces >> 8 | control >> 8 | 0x8000_0000_0000_0000)
        return breaks.trailingZeroBitCount >> 3
    }
}
