extension VerbatimChunk {
    /// Sixteen bytes `x` as the fold writes them, and how many of them, from the first, it writes so,
    /// given `next`, the sixteen bytes one further (its lane k is the byte after lane k of `x`), when they
    /// follow a byte written as it is (not a space). A lone line break between two words counts as a plain
    /// byte: the fold writes it as a space whose source is the line break itself, so the run
    /// of source offsets goes on (where each wrapped line cost a trip through the byte-at-a-time fold).
    /// The run stops at the first byte below 0x20 other than a line break, and at the first space or line
    /// break followed by a byte up to 0x20 (folding it may drop bytes); a space or line break last is
    /// kept when `next` says the byte after it is a word byte.
    @inline(__always)
    static func foldedPrefix16(_ x: SIMD16<UInt8>, next: SIMD16<UInt8>) -> (bytes: SIMD16<UInt8>, run: Int) {
        let (bytes, breaks) = foldedBreaks16(x, next: next)
        return (bytes, run(breaks))
    }

    /// Copies from `src[i...]` to `out[n...]`, sixteen bytes at a time while the byte after them is before
    /// `stop` (it is read), the bytes the fold writes as they are (`foldedPrefix16`), advancing `i` and `n`;
    /// returns true when a run stopped short, at a byte the fold must read (false when fewer than seventeen
    /// bytes were left). The bytes stored past the run are written over next.
    @inline(__always)
    static func copyFoldedRuns16(_ src: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
                                 _ i: inout Int, _ n: inout Int, stop: Int) -> Bool {
        while i &+ 17 <= stop {
            let (x, run) = foldedPrefix16(load16(src, i), next: load16(src, i &+ 1))
            store16(x, out, n)
            n &+= run
            i &+= run
            guard run == 16 else { return true }
        }
        return false
    }

    /// `foldedPrefix16`'s bytes, and 0xFF in each lane that stops the run (the run is up to the first):
    /// two blocks' flags or-ed tell with one test that neither stops.
    @inline(__always)
    static func foldedBreaks16(_ x: SIMD16<UInt8>, next: SIMD16<UInt8>) -> (bytes: SIMD16<UInt8>, breaks: SIMD16<UInt8>) {
        let space = SIMD16<UInt8>(repeating: 0x20)
        let lineBreaks = (x .== SIMD16<UInt8>(repeating: 0x0A)).bytes
        let breaks = (x .<= space).bytes & (next .<= space).bytes
            | (x .< space).bytes & ~lineBreaks
        // A line break (0x0A) becomes a space (0x20): 0x0A ^ 0x2A.
        return (x ^ lineBreaks & SIMD16<UInt8>(repeating: 0x2A), breaks)
    }

    /// Whether no lane of `breaks` (`foldedBreaks16`) is set.
    @inline(__always)
    static func none(_ breaks: SIMD16<UInt8>) -> Bool {
        let halves = unsafeBitCast(breaks, to: SIMD2<UInt64>.self)
        return halves[0] | halves[1] == 0
    }

    /// The lanes of `breaks` (`foldedBreaks16`) before the first set one: 16 when none is.
    @inline(__always)
    static func run(_ breaks: SIMD16<UInt8>) -> Int {
        let halves = unsafeBitCast(breaks, to: SIMD2<UInt64>.self)
        if halves[0] | halves[1] == 0 { return 16 }
        return halves[0] != 0 ? halves[0].trailingZeroBitCount &>> 3 : 8 &+ halves[1].trailingZeroBitCount &>> 3
    }
}
