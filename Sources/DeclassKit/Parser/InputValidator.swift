/// Checks raw input before parsing: not empty, not binary, valid UTF-8. One pass over the bytes, 32
/// ASCII bytes at a time; the line of a problem is counted only when there is one. The parser runs these
/// checks through `MarkedInput`, in its pass for the block markers; `validate` is their reference.
enum InputValidator {
    /// Throws the first problem of `t` (named `name` in the error): a NUL byte, invalid UTF-8, or no text.
    static func validate(_ t: ByteText, name: String) throws(CableError) {
        let n = t.count
        guard let base = t.b.baseAddress else { throw CableError.empty(name: name) }
        var i = 0
        let zero = SIMD16<Int8>(repeating: 0)  // a vector, not a literal: `.> 0` would not be specialized
        while i < n {
            // Fastest path: 32 ASCII bytes without a NUL, i.e. every byte in 1...0x7F (a signed compare with
            // zero, SSE2 through `SIMD16`); the lanes are read as words, without a reduction call.
            if i + 32 <= n {
                let p = UnsafeRawPointer(base + i)
                let w0 = p.loadUnaligned(as: SIMD16<Int8>.self), w1 = p.loadUnaligned(fromByteOffset: 16, as: SIMD16<Int8>.self)
                let plain = unsafeBitCast((w0 .> zero) .& (w1 .> zero), to: SIMD2<UInt64>.self)
                if plain[0] & plain[1] == ~0 {
                    i += 32
                    continue
                }
            }
            // Fast path: eight ASCII bytes without a NUL.
            if i + 8 <= n, isPlain8(base, i) {
                i += 8
                continue
            }
            i = try step(t, i, name: name)
        }
        try requireText(t, name: name)
    }

    /// True when the eight bytes at `i` are ASCII without a NUL (a word test: no high bit, no zero byte).
    @inline(__always)
    static func isPlain8(_ base: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        let k01: UInt64 = 0x0101_0101_0101_0101, k80: UInt64 = 0x8080_8080_8080_8080
        let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        return w & k80 == 0 && (w &- k01) & ~w & k80 == 0
    }

    /// How many of the eight bytes at `i` are ASCII without a NUL before the first that is not (8 when all
    /// are): the bytes `step` would pass one at a time before that one (~18 instructions each), skipped at
    /// once. The lowest flagged byte is exact: a borrow of the zero test only reaches the bytes above a zero.
    @inline(__always)
    static func plainPrefix8(_ base: UnsafePointer<UInt8>, _ i: Int) -> Int {
        let k01: UInt64 = 0x0101_0101_0101_0101, k80: UInt64 = 0x8080_8080_8080_8080
        let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let flagged = (w & k80) | ((w &- k01) & ~w & k80)
        return flagged.trailingZeroBitCount >> 3
    }

    /// Checks the character at `i` (an ASCII byte or a multi-byte sequence) and returns the index after it:
    /// the scalar path of `validate`, shared with `MarkedInput`, which validates while it finds the markers.
    @inline(__always)
    static func step(_ t: ByteText, _ i: Int, name: String) throws(CableError) -> Int {
        let n = t.count
        let c = t[i]
        if c < 0x80 {
            if c == 0 { throw CableError.binary(name: name, line: line(t, i), offset: i) }
            return i + 1
        }
        // Multi-byte sequence: lead byte, then 1–3 continuation bytes; no overlongs or surrogates.
        let len: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: len = 2
        case 0xE0: len = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: len = 3
        case 0xED: len = 3; upper = 0x9F
        case 0xF0: len = 4; lower = 0x90
        case 0xF1...0xF3: len = 4
        case 0xF4: len = 4; upper = 0x8F
        default: throw CableError.invalidUTF8(name: name, line: line(t, i), offset: i)
        }
        guard i + len <= n else { throw CableError.invalidUTF8(name: name, line: line(t, i), offset: i) }
        let c1 = t[i + 1]
        guard c1 >= lower, c1 <= upper else { throw CableError.invalidUTF8(name: name, line: line(t, i), offset: i) }
        for k in 2..<max(2, len) where t[i + k] & 0xC0 != 0x80 {
            throw CableError.invalidUTF8(name: name, line: line(t, i), offset: i)
        }
        return i + len
    }

    /// Throws `empty` for input that is empty or nothing but white space (a byte-order mark counts as space).
    static func requireText(_ t: ByteText, name: String) throws(CableError) {
        let n = t.count
        var k = (n >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF) ? 3 : 0
        while k < n, ByteText.isSpace(t[k]) || t[k] == 0x0A { k += 1 }
        if k == n { throw CableError.empty(name: name) }
    }

    /// The 1-based line of byte `offset`.
    private static func line(_ t: ByteText, _ offset: Int) -> Int {
        var line = 1
        for i in 0..<offset where t[i] == 0x0A { line += 1 }
        return line
    }
}
