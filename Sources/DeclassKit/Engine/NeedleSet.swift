/// Several needles looked for in one pass over a text: at each byte only the needles that start with it
/// are tried (whole words; ASCII case ignored for a caseless needle).
struct NeedleSet {
    /// Every needle's bytes, one after another (`Needle.start`).
    private var store: [UInt8] = []
    private var needles: [Needle] = []
    /// Per byte, upper-cased (`ByteText.upper`), the first needle starting with it in either case, or -1;
    /// `Needle.next` chains the others in the order added.
    private var chains = [Int32](repeating: -1, count: 256)
    /// Per byte, the last needle of its chain, where the next one is linked.
    private var tails = [Int32](repeating: -1, count: 256)
    /// 1 for each byte some needle starts with: the pass over a text reads this table, not the chains.
    private var isFirst = [UInt8](repeating: 0, count: 256)
    /// Per chain (`chains`), a bit for each second byte its needles have, upper-cased, modulo 64 (every
    /// bit for a needle of one byte): a text byte starting some needle is followed by one of them, or
    /// its chain is not walked.
    private var seconds = [UInt64](repeating: 0, count: 256)
    /// The needles' first bytes, each once, with 0x20 set for a caseless needle (which maps both cases
    /// of a letter to one byte), as they are for the others (a case-sensitive "R" is not looked for at
    /// every "r"): with few of them, eight bytes of text are sifted at a time for a byte that may start a
    /// needle.
    private var sifts: [Sift] = []
    /// The first `maxSifted` sifts as vectors, each fold then first byte in every lane; the others fold
    /// 0x20 into a byte and compare it with zero, which none matches: sixteen bytes of text are sifted
    /// with four compares and no loop.
    private var lanes = NeedleSet.noLanes

    /// Sifts that match no byte.
    private static let noLanes = (SIMD16<UInt8>(repeating: 0x20), SIMD16<UInt8>(repeating: 0), SIMD16<UInt8>(repeating: 0x20),
                                  SIMD16<UInt8>(repeating: 0), SIMD16<UInt8>(repeating: 0x20), SIMD16<UInt8>(repeating: 0),
                                  SIMD16<UInt8>(repeating: 0x20), SIMD16<UInt8>(repeating: 0))

    /// One needle: where its bytes are in `store`, its rule, and its head, the first eight bytes (or
    /// fewer) compared in one load before its bytes are read one by one.
    private struct Needle {
        let start: Int
        let count: Int
        let rule: Int
        let caseless: Bool
        /// The head's bytes, 0x20 set in each for a caseless needle, zero past the needle's end.
        let head: UInt64
        /// 0xFF in each byte of the head.
        let mask: UInt64
        /// 0x20 in each byte for a caseless needle, else 0: or-ed into the text's eight bytes (a caseless
        /// match has them equal, though some unequal non-letters pass: the bytes are compared after).
        let fold: UInt64
        /// The next needle of its chain, or -1.
        var next: Int32 = -1
    }

    /// A needle's first byte broadcast to eight lanes, as the sift compares it.
    private struct Sift: Equatable {
        /// 0x20 in every byte for a caseless needle, else 0: or-ed into the text before comparing.
        let fold: UInt64
        let first: UInt64
    }

    /// Past this many sifts, the text is read a byte at a time.
    static let maxSifted = 4

    /// Adds needle `bytes` of rule `rule` (nothing for an empty one).
    mutating func add(_ bytes: [UInt8], rule: Int, caseless: Bool) {
        bytes.withUnsafeBufferPointer { add($0, rule: rule, caseless: caseless) }
    }

    /// Adds needle `bytes` of rule `rule` (nothing for an empty one), read in place: the engine's needles
    /// are ranges of a cable's words, copied only into `store` (an array made for each cost an allocation).
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, rule: Int, caseless: Bool) {
        guard let first = bytes.first else { return }
        let k = Int32(needles.count)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let fold: UInt8 = caseless ? 0x20 : 0
        let width = min(bytes.count, 8)
        var head: UInt64 = 0
        for i in (0..<width).reversed() { head = head << 8 | UInt64(bytes[i] | fold) }
        let mask: UInt64 = width == 8 ? ~0 : (1 << UInt64(width * 8)) - 1
        needles.append(Needle(start: store.count, count: bytes.count, rule: rule, caseless: caseless, head: head, mask: mask,
                              fold: UInt64(fold) &* ones & mask))
        store += bytes
        let key = Int(ByteText.upper(first))
        if tails[key] < 0 { chains[key] = k } else { needles[Int(tails[key])].next = k }
        tails[key] = k
        seconds[key] |= bytes.count > 1 ? NeedleSet.bit(bytes[1]) : ~0
        if caseless, ByteText.isAlpha(first) {
            isFirst[Int(ByteText.upper(first))] = 1
            isFirst[Int(ByteText.upper(first) | 0x20)] = 1
        } else {
            isFirst[Int(first)] = 1
        }
        let sift = Sift(fold: UInt64(fold) &* ones, first: UInt64(first | fold) &* ones)
        if !sifts.contains(sift) {
            sifts.append(sift)
            let fold = SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: sift.fold)), byte = SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: sift.first))
            switch sifts.count {
            case 1: (lanes.0, lanes.1) = (fold, byte)
            case 2: (lanes.2, lanes.3) = (fold, byte)
            case 3: (lanes.4, lanes.5) = (fold, byte)
            case 4: (lanes.6, lanes.7) = (fold, byte)
            default: break
            }
        }
    }

    /// Empties the set, its storage kept: only the table entries of the needles' first bytes are reset
    /// (an engine reuses one set from cable to cable: a new set cost four tables of 256 allocated and
    /// filled, then freed, per cable with redactions).
    mutating func removeAll() {
        for n in needles {
            let key = Int(ByteText.upper(store[n.start]))
            chains[key] = -1
            tails[key] = -1
            seconds[key] = 0
            isFirst[key] = 0
            isFirst[key | 0x20] = 0
            isFirst[Int(store[n.start])] = 0
        }
        needles.removeAll(keepingCapacity: true)
        store.removeAll(keepingCapacity: true)
        sifts.removeAll(keepingCapacity: true)
        lanes = NeedleSet.noLanes
    }

    /// The bit of a needle's second byte in `seconds`, either case.
    @inline(__always)
    private static func bit(_ c: UInt8) -> UInt64 { 1 << UInt64(ByteText.upper(c) & 63) }

    /// Every occurrence of every needle inside `hay[range]`, with its rule, in order of position (whole
    /// words as `hay` reads them: the bytes around `range`, if any, must not continue a word, as a line
    /// break does not).
    func occurrences(in hay: [UInt8], within range: Range<Int>) -> [(Range<Int>, Int)] {
        guard !needles.isEmpty else { return [] }
        var out: [(Range<Int>, Int)] = []
        hay.withUnsafeBufferPointer { h in
            isFirst.withUnsafeBufferPointer { isFirst in
            chains.withUnsafeBufferPointer { chains in
            seconds.withUnsafeBufferPointer { seconds in
            needles.withUnsafeBufferPointer { needles in
            store.withUnsafeBufferPointer { store in
                let base = UnsafeRawPointer(h.baseAddress!)
                /// Adds to `out` the needles starting at `i`, if `h[i]` starts some (`out` passed, not
                /// captured: a captured variable is checked for exclusive access at each call).
                @inline(__always) func tryAt(_ i: Int, _ out: inout [(Range<Int>, Int)]) {
                    guard isFirst[Int(h[i])] != 0 else { return }
                    // Eight bytes from `i` when the hay holds them, else those left, zero-filled.
                    var x: UInt64 = 0
                    if i &+ 8 <= h.count {
                        x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    } else {
                        for j in (i..<h.count).reversed() { x = x << 8 | UInt64(h[j]) }
                    }
                    let key = Int(ByteText.upper(h[i]))
                    guard seconds[key] & NeedleSet.bit(UInt8(truncatingIfNeeded: x >> 8)) != 0 else { return }
                    var k = Int(chains[key])
                    while k >= 0 {
                        let n = needles[k]
                        k = Int(n.next)
                        guard (x | n.fold) & n.mask == n.head, i &+ n.count <= range.upperBound else { continue }
                        var j = 0
                        while j < n.count {
                            let a = h[i &+ j], b = store[n.start &+ j]
                            if a != b && !(n.caseless && ByteText.upper(a) == ByteText.upper(b)) { break }
                            j &+= 1
                        }
                        if j == n.count,
                           ByteSearch.isWhole(i..<(i + j), first: store[n.start], last: store[n.start &+ j &- 1], hay) {
                            out.append((i..<(i + j), n.rule))
                        }
                    }
                }
                var i = range.lowerBound
                if sifts.count <= NeedleSet.maxSifted {
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let highs: UInt64 = 0x8080_8080_8080_8080
                    let l = lanes
                    /// Sixteen bytes at a time (`lanes`), comparing the first `sifted` sifts only (a constant
                    /// where this is inlined: most sets have one or two, and the unused ones cost two
                    /// operations each). The last bytes of `range` too, when the hay holds sixteen bytes
                    /// from them (`CableText` is padded): a needle starting past `range` is not taken by
                    /// `tryAt`, and the eight-byte and byte-at-a-time loops below are left for a hay's end.
                    /// Tries the candidates of the block of sixteen bytes at `i` (0xFF in each byte equal to a
                    /// sift's byte, the first in the low bits of `low`, the next eight in `high`). Apart from
                    /// the loop (`sixteen`), which finds the blocks holding one: with it inlined, the loop
                    /// kept offsets of its own on the stack, added to at every block.
                    @inline(never) func block(_ i: Int, _ low: UInt64, _ high: UInt64, _ out: inout [(Range<Int>, Int)]) {
                        var low = low & highs, high = high & highs
                        while low != 0 {
                            tryAt(i &+ low.trailingZeroBitCount &>> 3, &out)
                            low &= low &- 1
                        }
                        while high != 0 {
                            tryAt(i &+ 8 &+ high.trailingZeroBitCount &>> 3, &out)
                            high &= high &- 1
                        }
                    }
                    /// Sixteen bytes at a time (`lanes`), comparing the first `sifted` sifts only (a constant
                    /// where this is inlined: most sets have one or two, and the unused ones cost two
                    /// operations each). The last bytes of `range` too, when the hay holds sixteen bytes
                    /// from them (`CableText` is padded): a needle starting past `range` is not taken by
                    /// `tryAt`, and the eight-byte and byte-at-a-time loops below are left for a hay's end.
                    @inline(__always) func sixteen(_ sifted: Int, _ i: inout Int, _ out: inout [(Range<Int>, Int)]) {
                        // While `i < range.upperBound` and the hay holds sixteen bytes from `i`.
                        let stop = min(range.upperBound, h.count &- 15)
                        while i < stop {
                            let y = base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                            var m = (y | l.0) .== l.1
                            if sifted > 1 { m = m .| ((y | l.2) .== l.3) }
                            if sifted > 2 { m = m .| ((y | l.4) .== l.5) }
                            if sifted > 3 { m = m .| ((y | l.6) .== l.7) }
                            // 0xFF in each byte equal to a sift's byte, the first in the low bits of `v[0]`.
                            let v = unsafeBitCast(m.bytes, to: SIMD2<UInt64>.self)
                            if v[0] | v[1] != 0 { block(i, v[0], v[1], &out) }
                            i &+= 16
                        }
                    }
                    switch sifts.count {
                    case 1: sixteen(1, &i, &out)
                    case 2: sixteen(2, &i, &out)
                    case 3: sixteen(3, &i, &out)
                    default: sixteen(4, &i, &out)
                    }
                    while range.upperBound - i >= 8 {
                        let y = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        // 0x80 at each byte equal to a sift's byte (and perhaps at some byte above one:
                        // `tryAt` checks each candidate).
                        var candidates: UInt64 = 0
                        for f in sifts {
                            let v = (y | f.fold) ^ f.first
                            candidates |= (v &- ones) & ~v & highs
                        }
                        while candidates != 0 {
                            tryAt(i + candidates.trailingZeroBitCount >> 3, &out)
                            candidates &= candidates &- 1
                        }
                        i += 8
                    }
                }
                while i < range.upperBound {
                    tryAt(i, &out)
                    i += 1
                }
            }
            }
            }
            }
            }
        }
        return out
    }
}
