/// Eight bytes of a unit's words that folding white space leaves as they are, so that `UnitText` and
/// `Cable.words(of:)` copy them with one load and one store instead of one byte at a time.
enum VerbatimChunk {
    /// The eight bytes at `i` (`i + 8` within the buffer), the first in the low bits.
    @inline(__always)
    static func load(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// Writes `x` (as `load` read it) at `out[i..<(i + 8)]`.
    @inline(__always)
    static func store(_ x: UInt64, _ out: UnsafeMutableBufferPointer<UInt8>, _ i: Int) {
        UnsafeMutableRawPointer(out.baseAddress! + i).storeBytes(of: x.littleEndian, as: UInt64.self)
    }

    /// True when eight bytes (the first in the low bits) that follow a copied non-space byte fold to
    /// themselves: no byte below 0x20 (tab, line breaks), no two spaces in a row, and no space last (the
    /// next byte might be another).
    @inline(__always)
    static func isVerbatim(_ x: UInt64) -> Bool { breaks(x) == 0 }

    /// 0x80 in each of eight bytes (the first in the low bits) where folding may change the text: a byte
    /// below 0x20 (tab, line breaks), a space followed by a space or such a byte, a space last (the next
    /// byte might be another). The lowest flag is exact; a borrow may flag bytes above it.
    @inline(__always)
    static func breaks(_ x: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        // 0x80 at each byte < 0x20 (the lowest exact; a borrow only runs on from a byte below 0x20 itself).
        let control = (x &- 0x2020_2020_2020_2020) & ~x & highs
        let y = x ^ 0x2020_2020_2020_2020
        // 0x80 in each byte that is a space (exact per byte: no carries between bytes).
        let spaces = ~(((y & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | y) & highs
        return control | spaces & (spaces >> 8 | control >> 8 | 0x8000_0000_0000_0000)
    }
}
