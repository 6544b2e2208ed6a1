extension VerbatimChunk {
    /// How many of eight bytes (the first in the low bits) that follow a copied non-space byte fold to
    /// themselves, from the first: up to the first byte below 0x20 (tab, line breaks), or the first space
    /// followed by a space or such a byte, or a space last (the next byte might be another). `isVerbatim`
    /// is this being 8; a shorter run is still copied with one store, where `isVerbatim` would send every
    /// byte up to the break through the byte-at-a-time fold.
    @inline(__always)
    static func verbatimPrefix(_ x: UInt64) -> Int { breaks(x).trailingZeroBitCount >> 3 }
}

extension VerbatimChunk {
    /// The sixteen bytes at `i` (`i + 16` within the buffer), the first in lane 0.
    @inline(__always)
    static func load16(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> SIMD16<UInt8> {
        UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// Writes `x` (as `load16` read it) at `out[i..<(i + 16)]`.
    @inline(__always)
    static func store16(_ x: SIMD16<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>, _ i: Int) {
        UnsafeMutableRawPointer(out.baseAddress! + i).storeBytes(of: x, as: SIMD16<UInt8>.self)
    }
}
