extension SIMDMask where Storage == SIMD16<Int8> {
    /// 0xFF in each lane where the mask holds, else 0: a comparison's result as bytes, to combine with `&`
    /// and `|` or to read as two words.
    @inline(__always)
    var bytes: SIMD16<UInt8> { unsafeBitCast(unsafeBitCast(self, to: SIMD16<Int8>.self), to: SIMD16<UInt8>.self) }
}
