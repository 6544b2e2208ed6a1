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

    /// `verbatimPrefix` of sixteen bytes `x`, given `next`, the sixteen bytes one further (its lane k is
    /// the byte after lane k of `x`): up to the first byte below 0x20, or the first space followed by a
    /// space or such a byte, or a space last. Comparisons are written between vectors (with a scalar
    /// operand they compile to a loop over the lanes).
    @inline(__always)
    static func verbatimPrefix16(_ x: SIMD16<UInt8>, next: SIMD16<UInt8>) -> Int {
        let space = SIMD16<UInt8>(repeating: 0x20)
        let last = SIMD16<UInt8>(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF)
        let breaks = (x .< space).bytes | (x .== space).bytes & ((next .<= space).bytes | last)
        let halves = unsafeBitCast(breaks, to: SIMD2<UInt64>.self)
        if halves[0] != 0 { return halves[0].trailingZeroBitCount &>> 3 }
        return halves[1] != 0 ? 8 &+ halves[1].trailingZeroBitCount &>> 3 : 16
    }
}
