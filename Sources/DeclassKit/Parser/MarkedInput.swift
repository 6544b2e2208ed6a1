import DeclassMatch

/// Validates the input (what `InputValidator.validate` checks, with the same errors) and finds the block
/// markers (what `BlockMarkers.find` finds) in one pass over the bytes, 32 at a time: the two passes read
/// every byte twice before, and a block of ASCII without a NUL, proven valid by the validator's test, needs
/// no test of the marker scan for the bytes that send text to Vectorscan (>= 0xC4).
enum MarkedInput {
    /// The block markers of valid input `t`, or nil when its text needs Vectorscan (as `BlockMarkers.find`);
    /// throws the first problem `InputValidator.validate` throws.
    static func scan(_ t: ByteText, name: String) throws(CableError) -> [PatternMatch]? {
        let n = t.count
        guard let base = t.b.baseAddress else { throw CableError.empty(name: name) }
        let raw = UnsafeRawPointer(base)
        var spans: [PatternSpan] = []
        var xDone = 0
        // False once a marker check needs Vectorscan: the markers are no longer looked for, the bytes still
        // validated.
        var direct = true
        // The bytes before `valid` are validated (a multi-byte sequence may run past a block).
        var valid = 0
        var i = 0
        let zero = SIMD16<Int8>(repeating: 0)  // a vector, not a literal: `.> 0` would not be specialized
        while i + 33 <= n {
            let w0 = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<Int8>.self)
            let w1 = raw.loadUnaligned(fromByteOffset: i + 16, as: SIMD16<Int8>.self)
            let plain = unsafeBitCast((w0 .> zero) .& (w1 .> zero), to: SIMD2<UInt64>.self)
            // Each branch records its own flags: joined after the branch, the two kinds of mask would be
            // converted to one (three instructions a half).
            if plain[0] & plain[1] == ~0 {
                // 32 ASCII bytes without a NUL: valid, and none of them >= 0xC4.
                valid = i + 32
                if direct {
                    direct = record(t, i, BlockMarkers.asciiPairFlags(raw, i), BlockMarkers.asciiPairFlags(raw, i + 16), n, &spans, &xDone)
                }
            } else {
                while valid < i + 32 {
                    if valid + 8 <= n {
                        let k = InputValidator.plainPrefix8(base, valid)
                        if k == 8 { valid += 8; continue }
                        valid += k
                    }
                    valid = try InputValidator.step(t, valid, name: name)
                }
                if direct {
                    direct = record(t, i, BlockMarkers.pairFlags(raw, i), BlockMarkers.pairFlags(raw, i + 16), n, &spans, &xDone)
                }
            }
            i += 32
        }
        while valid < n {
            if valid + 8 <= n {
                let k = InputValidator.plainPrefix8(base, valid)
                if k == 8 { valid += 8; continue }
                valid += k
            }
            valid = try InputValidator.step(t, valid, name: name)
        }
        try InputValidator.requireText(t, name: name)
        guard direct else { return nil }
        // The last bytes as `BlockMarkers.find` reads them after its blocks of 32.
        if i + 17 <= n {
            let a = BlockMarkers.pairFlags(raw, i)
            for q in 0..<2 where a[q] != 0 {
                guard BlockMarkers.checkWord(t, i + 8 * q, a[q], n, &spans, &xDone) else { return nil }
            }
            i += 16
        }
        while i < n {
            guard BlockMarkers.check(t, i, n, &spans, &xDone) else { return nil }
            i += 1
        }
        return PatternSpan.merged(&spans)
    }

    /// Checks the positions flagged in the 32 from `i` (`a` the first sixteen, `b` the next); false when the
    /// text needs Vectorscan.
    @inline(__always)
    private static func record(_ t: ByteText, _ i: Int, _ a: SIMD2<UInt64>, _ b: SIMD2<UInt64>, _ n: Int,
                               _ spans: inout [PatternSpan], _ xDone: inout Int) -> Bool {
        guard (a[0] | a[1] | b[0] | b[1]) != 0 else { return true }
        let words = SIMD4<UInt64>(a[0], a[1], b[0], b[1])
        for q in 0..<4 where words[q] != 0 {
            guard BlockMarkers.checkWord(t, i + 8 * q, words[q], n, &spans, &xDone) else { return false }
        }
        return true
    }
}
