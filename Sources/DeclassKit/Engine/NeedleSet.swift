/// Several needles looked for in one pass over a text: at each byte only the needles that start with it
/// are tried (whole words; ASCII case ignored for a caseless needle).
struct NeedleSet {
    private var needles: [(bytes: [UInt8], rule: Int, caseless: Bool)] = []
    private var byFirst = [[Int]](repeating: [], count: 256)
    /// 1 for each byte some needle starts with: the pass over a text reads this table, not `byFirst`.
    private var isFirst = [UInt8](repeating: 0, count: 256)
    /// The needles' first bytes, each once, with 0x20 set for a caseless needle (which maps both cases
    /// of a letter to one byte), as they are for the others (a case-sensitive "R" is not looked for at
    /// every "r"): with few of them, eight bytes of text are sifted at a time for a byte that may start a
    /// needle.
    private var sifts: [Sift] = []

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
        guard let first = bytes.first else { return }
        let k = needles.count
        needles.append((bytes, rule, caseless))
        if caseless, ByteText.isAlpha(first) {
            byFirst[Int(ByteText.upper(first))].append(k)
            byFirst[Int(ByteText.upper(first) | 0x20)].append(k)
            isFirst[Int(ByteText.upper(first))] = 1
            isFirst[Int(ByteText.upper(first) | 0x20)] = 1
        } else {
            byFirst[Int(first)].append(k)
            isFirst[Int(first)] = 1
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let fold: UInt8 = caseless ? 0x20 : 0
        let sift = Sift(fold: UInt64(fold) &* ones, first: UInt64(first | fold) &* ones)
        if !sifts.contains(sift) { sifts.append(sift) }
    }

    /// Every occurrence of every needle inside `hay[range]`, with its rule, in order of position (whole
    /// words as `hay` reads them: the bytes around `range`, if any, must not continue a word, as a line
    /// break does not).
    func occurrences(in hay: [UInt8], within range: Range<Int>) -> [(Range<Int>, Int)] {
        guard !needles.isEmpty else { return [] }
        var out: [(Range<Int>, Int)] = []
        hay.withUnsafeBufferPointer { h in
            isFirst.withUnsafeBufferPointer { isFirst in
                /// The needles starting at `i`, if `h[i]` starts some.
                @inline(__always) func tryAt(_ i: Int) {
                    guard isFirst[Int(h[i])] != 0 else { return }
                    for k in byFirst[Int(h[i])] {
                        let n = needles[k]
                        guard i + n.bytes.count <= range.upperBound else { continue }
                        var j = 1
                        while j < n.bytes.count {
                            let a = h[i + j], b = n.bytes[j]
                            if a != b && !(n.caseless && ByteText.upper(a) == ByteText.upper(b)) { break }
                            j += 1
                        }
                        if j == n.bytes.count, ByteSearch.isWhole(i..<(i + j), n.bytes, hay) { out.append((i..<(i + j), n.rule)) }
                    }
                }
                var i = range.lowerBound
                if sifts.count <= NeedleSet.maxSifted {
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let highs: UInt64 = 0x8080_8080_8080_8080
                    let base = UnsafeRawPointer(h.baseAddress!)
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
                            tryAt(i + candidates.trailingZeroBitCount >> 3)
                            candidates &= candidates &- 1
                        }
                        i += 8
                    }
                }
                while i < range.upperBound {
                    tryAt(i)
                    i += 1
                }
            }
        }
        return out
    }
}
