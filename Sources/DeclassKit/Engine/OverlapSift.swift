/// Tells which released units may repeat six words of withheld text without reading their words: a run
/// of six withheld words always holds a word whose first byte is one of a few (some letters, the digits,
/// the bytes >= 0x80), so a released unit repeating the run holds that word, and a sift of its bytes for those
/// first bytes finds it (each candidate that starts a word is read and looked up among the withheld
/// words). Most withheld text is a few routing lines that no paragraph repeats: the paragraphs are sifted
/// at a few operations per eight bytes instead of having their every word hashed.
struct OverlapSift {
    /// The letters chosen as first bytes, lower-cased, broadcast to eight lanes, then zeros (a folded
    /// byte has 0x20 set: zero matches none): all four compared, with no loop.
    private var letters: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// True when the digits are among the first bytes chosen.
    private var digits = false
    /// True when the bytes >= 0x80 are among the first bytes chosen.
    private var nonASCII = false
    /// The withheld words' values (`WordValues`), as a set.
    private var words: ShingleTable

    /// Past this many kinds of first bytes (each letter, the digits, the bytes >= 0x80), sifting would
    /// cost about what reading the words does: no sift.
    static let maxKinds = 4

    /// The kinds of first bytes, rarest first at the start of a word of English text: the bytes >= 0x80,
    /// some letters, the digits, the other letters.
    private static let rarity: [UInt8] = [0x80] + Array("xzqjyvk".utf8) + [0x30] + Array("ugnlerdmfhpbwciosat".utf8)

    /// For each byte that starts a word (ASCII letters either case), its kind's place in `rarity`.
    private static let kindOf: [UInt8] = (0..<256).map { c in
        let c = UInt8(c)
        let k: UInt8 = c >= 0x80 ? 0x80 : (c >= 0x30 && c <= 0x39) ? 0x30 : c | 0x20
        return UInt8(rarity.firstIndex(of: k) ?? 0)
    }

    /// The sift for the withheld units' words `values` with their first bytes `firsts`, each unit's range
    /// of them (six words or more); nil when covering every run of six needs more than `maxKinds` kinds
    /// of first bytes (chosen greedily: the kind most uncovered runs hold, ties to the rarer).
    init?(values: UnsafePointer<UInt64>, firsts: UnsafePointer<UInt8>, units: [Range<Int>], shingle: Int) {
        // Per run of six, the kinds its words start with, a bit each.
        var runs: [UInt32] = []
        runs.reserveCapacity(units.last?.upperBound ?? 0)
        for r in units {
            for at in r.lowerBound...(r.upperBound - shingle) {
                var m: UInt32 = 0
                for i in at..<(at + shingle) { m |= 1 << UInt32(OverlapSift.kindOf[Int(firsts[i])]) }
                runs.append(m)
            }
        }
        var chosen: UInt32 = 0
        var count = 0
        var counts = [Int32](repeating: 0, count: OverlapSift.rarity.count)
        while true {
            for k in counts.indices { counts[k] = 0 }
            var uncovered = false
            for m in runs where m & chosen == 0 {
                uncovered = true
                var bits = m
                while bits != 0 {
                    counts[bits.trailingZeroBitCount] += 1
                    bits &= bits &- 1
                }
            }
            guard uncovered else { break }
            guard count < OverlapSift.maxKinds else { return nil }
            var best = 0
            for k in counts.indices where counts[k] > counts[best] { best = k }
            chosen |= 1 << UInt32(best)
            count += 1
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        var chosenLetters: [UInt64] = []
        for (k, kind) in OverlapSift.rarity.enumerated() where chosen & (1 << UInt32(k)) != 0 {
            switch kind {
            case 0x80: nonASCII = true
            case 0x30: digits = true
            default: chosenLetters.append(UInt64(kind) &* ones)
            }
        }
        // At most `maxKinds` (four) letters.
        chosenLetters += [UInt64](repeating: 0, count: 4 - chosenLetters.count)
        letters = (chosenLetters[0], chosenLetters[1], chosenLetters[2], chosenLetters[3])
        words = ShingleTable(capacity: units.last?.upperBound ?? 0)
        for r in units {
            for i in r { words.insert(values[i], owner: 0) }
        }
    }

    /// False when unit `b[range]` (a unit's words, as `WordValues.write` reads them) holds no withheld
    /// word starting with a chosen first byte, and so repeats no run of six withheld words.
    func mayRepeat(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let base = UnsafeRawPointer(b.baseAddress!)
        var p = range.lowerBound
        while p < range.upperBound {
            let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: p, as: UInt64.self))
            // 0x80 at each byte that is a chosen first byte (and perhaps at some byte above one).
            let folded = x | 0x2020_2020_2020_2020
            /// 0x80 at each byte of `folded` equal to a byte of `l` (and perhaps at some byte above one).
            @inline(__always) func equal(_ l: UInt64) -> UInt64 {
                let v = folded ^ l
                return (v &- ones) & ~v & highs
            }
            var candidates = equal(letters.0) | equal(letters.1) | equal(letters.2) | equal(letters.3)
            if nonASCII { candidates |= x & highs }
            if digits {
                let low = x & ~highs
                candidates |= (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ~x & highs
            }
            let left = range.upperBound &- p
            if left < 8 { candidates &= (1 &<< UInt64(truncatingIfNeeded: left &* 8)) &- 1 }
            while candidates != 0 {
                let q = p &+ candidates.trailingZeroBitCount >> 3
                candidates &= candidates &- 1
                // A candidate counts where it starts a word that is a withheld word.
                guard q == range.lowerBound || !WordValues.isWordByte(b[q &- 1]) else { continue }
                if words.owner(of: WordValues.value(base, q)) != nil { return true }
            }
            p &+= 8
        }
        return false
    }
}
