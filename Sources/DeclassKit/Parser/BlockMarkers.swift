import DeclassMatch

/// Finds the block markers and earlier redactions of `BlockScanner` without Vectorscan: the same five
/// patterns, read as Vectorscan reads them (caseless, ASCII `\b`, leftmost starts, each pattern's
/// overlapping or touching spans merged), from one pass over the bytes that looks at 32 bytes at a time for
/// the pairs every marker holds (`MM` in SUMMARY and COMMENT, `NO` in NOTE, `XX` in a redaction).
///
///     0  \bBEGIN [ \t]*(SUMMARY|COMMENT|NOTE)\b      3  \bEND [ \t]*(SUMMARY|COMMENT|NOTE)\b
///     1  \b(SUMMARY|COMMENT)[ \t]*[:-]               4  X{6,}
///     2  \bNOTE[ \t]*:
///
/// Text where caseless UTF-8 matching could see one of the pattern letters in a non-ASCII character
/// (`ſ` for S, `ı`/`İ` for I, the letter-like symbols U+2100…) returns nil: the caller scans it with Vectorscan.
enum BlockMarkers {
    /// The markers of `t`, or nil when it needs Vectorscan. The parser finds them through `MarkedInput`, in
    /// its validation pass; this is the reference it is tested against.
    static func find(_ t: ByteText) -> [PatternMatch]? {
        let n = t.count
        guard n > 0, let base = t.b.baseAddress else { return [] }
        var spans: [PatternSpan] = []
        var xDone = 0
        let raw = UnsafeRawPointer(base)
        var i = 0
        // Thirty-two positions at a time, in two halves of sixteen (see `pairFlags`), tested together.
        while i + 33 <= n {
            let a = pairFlags(raw, i), b = pairFlags(raw, i + 16)
            if (a[0] | a[1] | b[0] | b[1]) != 0 {
                let words = SIMD4<UInt64>(a[0], a[1], b[0], b[1])
                for q in 0..<4 where words[q] != 0 {
                    guard checkWord(t, i + 8 * q, words[q], n, &spans, &xDone) else { return nil }
                }
            }
            i += 32
        }
        if i + 17 <= n {
            let a = pairFlags(raw, i)
            for q in 0..<2 where a[q] != 0 {
                guard checkWord(t, i + 8 * q, a[q], n, &spans, &xDone) else { return nil }
            }
            i += 16
        }
        while i < n {
            guard check(t, i, n, &spans, &xDone) else { return nil }
            i += 1
        }
        // Merged as `PatternScanner.scan` merges Vectorscan's reports.
        return PatternSpan.merged(&spans)
    }

    /// The sixteen positions from `i` (SSE2 through `SIMD16`), as two words with 0xFF in the byte of each
    /// position that holds a pair (its byte and the next one's match, case folded) or a byte >= 0xC4 (for the
    /// scalar check of the fallback letters; `check` passes over the bytes below it that hold no pair). Position i + 15's pair reads byte i + 16. Read as words, the
    /// lanes need no reduction call.
    @inline(__always)
    static func pairFlags(_ raw: UnsafeRawPointer, _ i: Int) -> SIMD2<UInt64> {
        let k20 = SIMD16<UInt8>(repeating: 0x20), kC4 = SIMD16<UInt8>(repeating: 0xC4)
        let bm = SIMD16<UInt8>(repeating: 0x6D), bx = SIMD16<UInt8>(repeating: 0x78)
        let bn = SIMD16<UInt8>(repeating: 0x6E), bo = SIMD16<UInt8>(repeating: 0x6F)
        let w0 = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
        let w1 = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD16<UInt8>.self)
        let l0 = w0 | k20, l1 = w1 | k20
        let hit = ((l0 .== bm) .& (l1 .== bm)) .| ((l0 .== bx) .& (l1 .== bx)) .| ((l0 .== bn) .& (l1 .== bo)) .| (w0 .>= kC4)
        return unsafeBitCast(hit, to: SIMD2<UInt64>.self)
    }

    /// `pairFlags` for sixteen positions whose bytes are known to be ASCII (no byte >= 0xC4 to flag): the
    /// pairs alone. Position i + 15's pair reads byte i + 16, which may be any byte (it then holds no pair).
    @inline(__always)
    static func asciiPairFlags(_ raw: UnsafeRawPointer, _ i: Int) -> SIMD2<UInt64> {
        let k20 = SIMD16<UInt8>(repeating: 0x20)
        let bm = SIMD16<UInt8>(repeating: 0x6D), bx = SIMD16<UInt8>(repeating: 0x78)
        let bn = SIMD16<UInt8>(repeating: 0x6E), bo = SIMD16<UInt8>(repeating: 0x6F)
        let l0 = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self) | k20
        let l1 = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD16<UInt8>.self) | k20
        // `mm` or `xx`: the two bytes equal and one of the letters (two compares fewer than testing each pair).
        let hit = ((l0 .== l1) .& ((l0 .== bm) .| (l0 .== bx))) .| ((l0 .== bn) .& (l1 .== bo))
        return unsafeBitCast(hit, to: SIMD2<UInt64>.self)
    }

    /// Checks the flagged positions of one word of `pairFlags`, the eight positions from `at`. False when the
    /// text needs Vectorscan.
    static func checkWord(_ t: ByteText, _ at: Int, _ word: UInt64, _ n: Int, _ spans: inout [PatternSpan], _ xDone: inout Int) -> Bool {
        // Bit 8j + 7 flags position at + j (little-endian lanes).
        let h = word & 0x8080_8080_8080_8080
        var m = h.littleEndian == h ? h : h.byteSwapped
        while m != 0 {
            guard check(t, at + (m.trailingZeroBitCount >> 3), n, &spans, &xDone) else { return false }
            m &= m &- 1
        }
        return true
    }

    /// Looks at the pair at `k`; records what starts there. False when the text needs Vectorscan.
    @inline(__always)
    static func check(_ t: ByteText, _ k: Int, _ n: Int, _ spans: inout [PatternSpan], _ xDone: inout Int) -> Bool {
        let c = t[k]
        if c >= 0xC4 {
            // ſ (C5 BF), ı and İ (C4 B0/B1): Latin Extended-A; U+2100…U+214F letter-like symbols (E2 84/85).
            if c == 0xC4 || c == 0xC5 { return false }
            if c == 0xE2, k + 1 < n, t[k + 1] == 0x84 || t[k + 1] == 0x85 { return false }
            return true
        }
        guard k + 1 < n else { return true }
        let a = c | 0x20, b = t[k + 1] | 0x20
        if a == 0x78, b == 0x78 {  // xx
            guard k >= xDone else { return true }
            var s = k
            while s > 0, t[s - 1] | 0x20 == 0x78 { s -= 1 }
            var e = k + 2
            while e < n, t[e] | 0x20 == 0x78 { e += 1 }
            if e - s >= 6 { add(&spans, PatternSpan(pattern: 4, start: s, end: e)) }
            xDone = e
        } else if a == 0x6D, b == 0x6D {  // mm: SUMMARY or COMMENT two bytes before
            guard k >= 2 else { return true }
            let w = k - 2
            if t.hasPrefixCI(w, n, "SUMMARY") { word(t, w, 7, n, &spans) } else if t.hasPrefixCI(w, n, "COMMENT") { word(t, w, 7, n, &spans) }
        } else if a == 0x6E, b == 0x6F {  // no
            if t.hasPrefixCI(k, n, "NOTE") { word(t, k, 4, n, &spans) }
        }
        return true
    }

    @inline(__always) private static func isWord(_ c: UInt8) -> Bool { ByteText.isAlnum(c) || c == 0x5F }

    /// Appends `span`, making room for sixteen at the first: the spans of a cable that has some in one
    /// allocation or two, not regrown from one.
    @inline(__always) private static func add(_ spans: inout [PatternSpan], _ span: PatternSpan) {
        if spans.capacity == 0 { spans.reserveCapacity(16) }
        spans.append(span)
    }

    /// The matches around the block word at `w..<w + len` (SUMMARY, COMMENT or NOTE).
    private static func word(_ t: ByteText, _ w: Int, _ len: Int, _ n: Int, _ spans: inout [PatternSpan]) {
        let e = w + len
        let boundaryAfter = e == n || !isWord(t[e])
        // BEGIN / END before it: the keyword, one space, then spaces or tabs up to the word.
        if boundaryAfter {
            var r = w
            while r > 0, t[r - 1] == 0x20 || t[r - 1] == 0x09 { r -= 1 }
            if r < w, t[r] == 0x20 {
                if r >= 5, t.hasPrefixCI(r - 5, r, "BEGIN"), r - 5 == 0 || !isWord(t[r - 6]) { add(&spans, PatternSpan(pattern: 0, start: r - 5, end: e)) }
                if r >= 3, t.hasPrefixCI(r - 3, r, "END"), r - 3 == 0 || !isWord(t[r - 4]) { add(&spans, PatternSpan(pattern: 3, start: r - 3, end: e)) }
            }
        }
        // The word as a field: `SUMMARY:`, `COMMENT -`, `NOTE:`.
        guard w == 0 || !isWord(t[w - 1]) else { return }
        var p = e
        while p < n, t[p] == 0x20 || t[p] == 0x09 { p += 1 }
        guard p < n else { return }
        if len == 7 {
            if t[p] == 0x3A || t[p] == 0x2D { add(&spans, PatternSpan(pattern: 1, start: w, end: p + 1)) }
        } else if t[p] == 0x3A {
            add(&spans, PatternSpan(pattern: 2, start: w, end: p + 1))
        }
    }
}
