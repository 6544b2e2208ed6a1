/// Tells which released units repeat six withheld words without reading their words: a run of six
/// withheld words always holds a word whose first byte is one of a few (some letters, the digits, the
/// bytes >= 0x80), so a released unit repeating the run holds that word, and a sift of its bytes for word
/// starts with those first bytes finds it. A candidate that is a withheld word has the runs of six words
/// around it looked up among the withheld runs; only a unit holding one is read whole. Most withheld text
/// is a few routing lines that no paragraph repeats: the paragraphs are sifted sixteen bytes at a time
/// (a few vector operations) instead of having their every word hashed, and a paragraph that merely
/// shares a word with them is not read.
struct OverlapSift {
    /// The letters chosen as first bytes, lower-cased, in every lane, then zeros (a folded byte has 0x20
    /// set: zero matches none): all compared, with no loop.
    private var letters: (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>)
    /// How many of `letters` are chosen letters (the first ones): only those are compared.
    private var letterCount: Int
    /// 0xFF in every lane when the digits are among the first bytes chosen, else 0.
    private var digits: SIMD16<UInt8>
    /// 0xFF in every lane when the bytes >= 0x80 are among the first bytes chosen, else 0.
    private var nonASCII: SIMD16<UInt8>
    /// The withheld words' values (`WordValues`), as a set.
    private var words: ShingleTable
    /// The withheld words' first two bytes (`headKey`), a bit each: a candidate whose two bytes are not
    /// among them is no withheld word, told in a few operations where its value and lookup take dozens
    /// (most candidates are words that merely start like a withheld one).
    private var heads: [UInt64]

    /// Past this many kinds of first bytes (each letter, the digits, the bytes >= 0x80), the sift lets
    /// so many words through that reading them costs about what hashing them does: no sift.
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

    /// The sift for the words `values` with their first bytes `firsts`, each unit's range of them (six
    /// words or more); nil when covering every run of six needs more than `maxKinds` kinds of first bytes
    /// (chosen greedily: the kind most uncovered runs hold, ties to the rarer).
    /// Every candidate is looked up until `filterHeads` is given the words' second bytes.
    init?(values: UnsafePointer<UInt64>, firsts: UnsafePointer<UInt8>, units: [Range<Int>], shingle: Int) {
        // Per run of six, the kinds its words start with, a bit each. Each word's kind is looked up once
        // and the tables and lists read through pointers: with a kind looked up per word of each run (the
        // table's lazy initialiser checked each time) and the counts checked per store, making a sift cost
        // more than sifting the units it saves reading.
        precondition(shingle == 6, "runs of six words are or-ed as two threes")
        var total = 0
        for r in units { total += r.count - shingle + 1 }
        // `kinds` is indexed by word, so it must reach the last unit's end: units come in order.
        precondition(zip(units, units.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound }, "units out of order")
        // Room for the kind counts too (`counts`, read once `kinds` is done with): one allocation for both.
        let kinds = UnsafeMutablePointer<UInt32>.allocate(capacity: max((units.last?.upperBound ?? 0) + 1, 32))
        defer { kinds.deallocate() }
        let runs = UnsafeMutablePointer<UInt32>.allocate(capacity: total)
        defer { runs.deallocate() }
        OverlapSift.kindOf.withUnsafeBufferPointer { kindOf in
            var n = 0
            for r in units {
                for i in r { kinds[i] = 1 &<< UInt32(truncatingIfNeeded: kindOf[Int(firsts[i])]) }
                // A run's kinds are those of its first three words and of its last three: each word's
                // entry becomes that of the three from it (read ahead before written over), then each run
                // takes two of them, where or-ing its six words' took a loop of six.
                for i in r.lowerBound...(r.upperBound &- 3) { kinds[i] = kinds[i] | kinds[i &+ 1] | kinds[i &+ 2] }
                for at in r.lowerBound...(r.upperBound - shingle) {
                    runs[n] = kinds[at] | kinds[at &+ 3]
                    n &+= 1
                }
            }
        }
        var chosen: UInt32 = 0
        var count = 0
        let kindCount = OverlapSift.rarity.count
        // Per kind, how many uncovered runs hold it: in `kinds`' memory, which the runs no longer need.
        let counts = kinds
        // The uncovered runs are kept at the front of `runs` (those a chosen kind covers dropped), and each
        // kind some of them hold is counted in a pass over them: a loop the compiler runs on vectors. Counted
        // a bit at a time, one increment of `counts` after another, they waited on each other in memory
        // (most of a sift's making, natively), and every uncovered run was read again for each choice.
        var uncovered = total
        var present: UInt32 = 0
        for j in 0..<total { present |= runs[j] }
        while uncovered > 0 {
            guard count < OverlapSift.maxKinds else { return nil }
            counts.initialize(repeating: 0, count: 32)
            var kinds = present
            while kinds != 0 {
                let k = UInt32(truncatingIfNeeded: kinds.trailingZeroBitCount)
                var c: UInt32 = 0
                for j in 0..<uncovered { c &+= runs[j] &>> k & 1 }
                counts[Int(k)] = c
                kinds &= kinds &- 1
            }
            var best = 0
            for k in 0..<kindCount where counts[k] > counts[best] { best = k }
            // Each kind chosen from now on covers at most as many of the uncovered runs as the best does
            // now: when the kinds left cannot cover them all, the greedy choice would end in no sift, and
            // counting again for each of them (most of a failed sift's cost, on a paragraph) is spared.
            if Int(counts[best]) * (OverlapSift.maxKinds - count) < uncovered { return nil }
            let bit: UInt32 = 1 << UInt32(best)
            chosen |= bit
            count += 1
            var kept = 0
            present = 0
            for j in 0..<uncovered {
                let m = runs[j]
                runs[kept] = m
                if m & bit == 0 {
                    kept &+= 1
                    present |= m
                }
            }
            uncovered = kept
        }
        // At most `maxKinds` (four) letters, zeros after them: a vector, where an array was allocated.
        var chosenLetters = SIMD4<UInt8>(repeating: 0)
        var letterCount = 0
        digits = SIMD16(repeating: 0)
        nonASCII = SIMD16(repeating: 0)
        for (k, kind) in OverlapSift.rarity.enumerated() where chosen & (1 << UInt32(k)) != 0 {
            switch kind {
            case 0x80: nonASCII = SIMD16(repeating: 0xFF)
            case 0x30: digits = SIMD16(repeating: 0xFF)
            default:
                chosenLetters[letterCount] = kind
                letterCount += 1
            }
        }
        self.letterCount = letterCount
        letters = (SIMD16(repeating: chosenLetters[0]), SIMD16(repeating: chosenLetters[1]), SIMD16(repeating: chosenLetters[2]),
                   SIMD16(repeating: chosenLetters[3]))
        words = ShingleTable(capacity: units.last?.upperBound ?? 0)
        for r in units {
            for i in r { words.insert(values[i], owner: 0) }
        }
        heads = [UInt64](repeating: ~0, count: 64)
    }

    /// Lets through only the candidates whose first two bytes start a withheld word: `firsts` and
    /// `seconds` (`WordValues.writeSeconds`: 0 for a word of one byte) of the words the sift was made
    /// from, each unit's range of them. Apart from `init` because the second bytes are read only for a
    /// sift that is made (most withheld text needs too many kinds of first bytes).
    mutating func filterHeads(firsts: UnsafePointer<UInt8>, seconds: UnsafePointer<UInt8>, units: [Range<Int>]) {
        // Written over in place (the sift's own array, unshared): a new array was allocated per sift.
        var heads = self.heads
        self.heads = []
        for row in heads.indices { heads[row] = 0 }
        for r in units {
            for i in r {
                // A word of one byte is followed by any byte that is not a word byte: every second byte.
                let (row, column) = OverlapSift.headKey(firsts[i], seconds[i])
                heads[row] |= seconds[i] == 0 ? ~0 : 1 &<< UInt64(column)
            }
        }
        self.heads = heads
    }

    /// The row and bit of a word's first two bytes in `heads`: each folded (0x20 set: either case of a
    /// letter alike), six bits of each. Words equal as `WordValues` reads them have equal keys; unequal
    /// words may share one.
    @inline(__always)
    static func headKey(_ first: UInt8, _ second: UInt8) -> (row: Int, column: Int) {
        (Int(truncatingIfNeeded: (first | 0x20) & 0x3F), Int(truncatingIfNeeded: (second | 0x20) & 0x3F))
    }

    /// `c` in every lane. Comparisons and arithmetic are written between vectors: with a scalar operand
    /// they compile to a loop over the lanes.
    @inline(__always)
    private static func lanes(_ c: UInt8) -> SIMD16<UInt8> { SIMD16(repeating: c) }

    /// 0xFF in each lane of `x` that is an ASCII letter, either case.
    @inline(__always)
    static func letterLanes(_ x: SIMD16<UInt8>) -> SIMD16<UInt8> {
        (((x | lanes(0x20)) &- lanes(0x61)) .< lanes(26)).bytes
    }

    /// False when `b[range]` (a unit's words, as `WordValues.write` reads them) holds no run of six words
    /// of `runs` (the withheld runs, `OverlapFinder.forEachShingle`; true may also come from a hash
    /// collision). Sixteen bytes at a time: the lanes holding a chosen first byte at a word's start are
    /// the candidates (`sift`); a candidate that is a withheld word has the runs of six words around it
    /// looked up (each withheld run holds such a word, so a run repeated here is found around one).
    /// Sixteen bytes can be loaded at any offset up to the unit's end (`CableText.padding`).
    func mayRepeat(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, runs: ShingleTable) -> Bool {
        heads.withUnsafeBufferPointer { heads in
            // Most sifts choose letters alone: their loop leaves out the digit and byte >= 0x80 tests.
            unsafeBitCast(digits | nonASCII, to: SIMD2<UInt64>.self) == SIMD2(repeating: 0)
                ? siftLetters(b, range, runs: runs, heads: heads) : siftAll(b, range, runs: runs, heads: heads)
        }
    }

    /// `sift` for a sift of letters alone: a loop of its own for each count of letters, with no digit or
    /// byte >= 0x80 test (most sifts choose one or two letters: the compares of the others are spared).
    @inline(never)
    private func siftLetters(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, runs: ShingleTable,
                             heads: UnsafeBufferPointer<UInt64>) -> Bool {
        switch letterCount {
        case 1: sift(b, range, runs: runs, ranges: false, letters: 1, heads: heads)
        case 2: sift(b, range, runs: runs, ranges: false, letters: 2, heads: heads)
        case 3: sift(b, range, runs: runs, ranges: false, letters: 3, heads: heads)
        default: sift(b, range, runs: runs, ranges: false, letters: 4, heads: heads)
        }
    }

    /// `sift` for a sift that holds the digits or the bytes >= 0x80, a loop for each count of letters.
    @inline(never)
    private func siftAll(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, runs: ShingleTable,
                         heads: UnsafeBufferPointer<UInt64>) -> Bool {
        switch letterCount {
        case 0: sift(b, range, runs: runs, ranges: true, letters: 0, heads: heads)
        case 1: sift(b, range, runs: runs, ranges: true, letters: 1, heads: heads)
        case 2: sift(b, range, runs: runs, ranges: true, letters: 2, heads: heads)
        case 3: sift(b, range, runs: runs, ranges: true, letters: 3, heads: heads)
        default: sift(b, range, runs: runs, ranges: true, letters: 4, heads: heads)
        }
    }

    /// `mayRepeat`, with the digits and the bytes >= 0x80 tested only when `ranges`, and the first `count`
    /// letters only (constants in each loop of `siftLetters` and `siftAll`, so that each holds only its
    /// own tests). A candidate is a chosen
    /// first byte after a byte that is not a letter: that is every word start holding one, and a few more
    /// (after a digit or a byte >= 0x80), which `repeats` rules out by the byte before them (a run holding
    /// their word holds a word start of a chosen kind, a candidate of its own).
    /// Testing for letters alone takes a third of the operations that testing for word bytes does.
    /// The loop only finds the blocks of sixteen bytes holding a candidate (about one in five); their
    /// candidates are read apart (`candidates`), so that the loop keeps nothing of theirs in registers or
    /// on the stack: with them inlined, it kept offsets of theirs on the stack, added to every block.
    @inline(__always)
    private func sift(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, runs: ShingleTable, ranges: Bool, letters count: Int,
                      heads: UnsafeBufferPointer<UInt64>) -> Bool {
        let base = UnsafeRawPointer(b.baseAddress!)
        var p = range.lowerBound
        let end = range.upperBound
        // The buffer's first block has no byte before it: a space stands in (shifted in), once, outside
        // the loop.
        if p == 0, p < end {
            let x = base.loadUnaligned(fromByteOffset: 0, as: SIMD16<UInt8>.self)
            let v = unsafeBitCast(x, to: SIMD2<UInt64>.self)
            let before = unsafeBitCast(SIMD2<UInt64>(v[0] &<< 8 | 0x20, v[1] &<< 8 | v[0] &>> 56), to: SIMD16<UInt8>.self)
            let lanes = unsafeBitCast(starts(x, before: before, ranges: ranges, letters: count), to: SIMD2<UInt64>.self)
            if lanes[0] | lanes[1] != 0, candidates(b, at: 0, lanes[0], lanes[1], range, runs, heads) { return true }
            p = 16
        }
        while p < end {
            let x = base.loadUnaligned(fromByteOffset: p, as: SIMD16<UInt8>.self)
            let before = base.loadUnaligned(fromByteOffset: p &- 1, as: SIMD16<UInt8>.self)
            // 0xFF in each candidate byte, the first lane in the low bits of `lanes[0]`.
            let lanes = unsafeBitCast(starts(x, before: before, ranges: ranges, letters: count), to: SIMD2<UInt64>.self)
            if lanes[0] | lanes[1] != 0, candidates(b, at: p, lanes[0], lanes[1], range, runs, heads) { return true }
            p &+= 16
        }
        return false
    }

    /// 0xFF in each lane of the sixteen bytes `x` holding a chosen first byte after a byte that is not a
    /// letter (`before`, the bytes one earlier); of the letters, the first `count` are compared (the others
    /// are zeros, which match no folded byte).
    @inline(__always)
    private func starts(_ x: SIMD16<UInt8>, before: SIMD16<UInt8>, ranges: Bool, letters count: Int) -> SIMD16<UInt8> {
        let folded = x | OverlapSift.lanes(0x20)
        var hit = folded .== letters.0
        if count > 1 { hit = hit .| (folded .== letters.1) }
        if count > 2 { hit = hit .| (folded .== letters.2) }
        if count > 3 { hit = hit .| (folded .== letters.3) }
        var first = count > 0 ? hit.bytes : SIMD16(repeating: 0)
        if ranges {
            let isDigit = (x &- OverlapSift.lanes(0x30)) .< OverlapSift.lanes(10)
            first |= isDigit.bytes & digits | (x .>= OverlapSift.lanes(0x80)).bytes & nonASCII
        }
        return first & ~OverlapSift.letterLanes(before)
    }

    /// True when one of the candidates of the block at `p` (0xFF in each candidate byte of `low`, the
    /// first eight, and `high`) repeats a withheld run (`repeats`); lanes past the unit's end do not count.
    @inline(never)
    private func candidates(_ b: UnsafeBufferPointer<UInt8>, at p: Int, _ low: UInt64, _ high: UInt64, _ range: Range<Int>,
                            _ runs: ShingleTable, _ heads: UnsafeBufferPointer<UInt64>) -> Bool {
        let base = UnsafeRawPointer(b.baseAddress!)
        // 0x80 in each candidate byte (one bit a lane).
        let highs: UInt64 = 0x8080_8080_8080_8080
        let left = range.upperBound &- p
        var low = low & highs, high = high & highs
        if left < 16 {
            if left <= 8 {
                high = 0
                if left < 8 { low &= (1 &<< UInt64(truncatingIfNeeded: left &* 8)) &- 1 }
            } else {
                high &= (1 &<< UInt64(truncatingIfNeeded: (left &- 8) &* 8)) &- 1
            }
        }
        while low != 0 {
            let q = p &+ low.trailingZeroBitCount &>> 3
            low &= low &- 1
            if mayBeWithheld(base, q, heads), repeats(b, q, range, runs) { return true }
        }
        while high != 0 {
            let q = p &+ 8 &+ high.trailingZeroBitCount &>> 3
            high &= high &- 1
            if mayBeWithheld(base, q, heads), repeats(b, q, range, runs) { return true }
        }
        return false
    }

    /// False when the word at `q` (its first byte and the one after it, within the buffer as the unit's
    /// line break or padding follows its words) is no withheld word by its first two bytes (`heads`).
    @inline(__always)
    private func mayBeWithheld(_ base: UnsafeRawPointer, _ q: Int, _ heads: UnsafeBufferPointer<UInt64>) -> Bool {
        let two = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: q, as: UInt16.self))
        let (row, column) = OverlapSift.headKey(UInt8(truncatingIfNeeded: two), UInt8(truncatingIfNeeded: two &>> 8))
        return heads[row] &>> UInt64(truncatingIfNeeded: column) & 1 != 0
    }

    /// True when the word at `q` (a candidate: a word start, or a byte inside a word after a digit or a
    /// byte >= 0x80) is a withheld word and one of the runs of six words of `b[range]` holding it is in
    /// `runs` (hash collisions aside). Every word of a withheld run is a withheld word (`words`), so only
    /// the streak of withheld words around it can hold one: read outward, forward first, up to five words
    /// each way, each stopping at the first word that is none. Most candidates that are withheld words
    /// stand amid others (a place name, "the"): one or two values rule them out, where the runs of the
    /// eleven words around each cost some 1,700 instructions (`repeatsAround`, the reading this one is
    /// checked against). A byte inside a word is no word start: false at once, as a run holding that word
    /// holds a word starting with a chosen first byte, a candidate of its own.
    @inline(__always)
    func repeats(_ b: UnsafeBufferPointer<UInt8>, _ q: Int, _ range: Range<Int>, _ runs: ShingleTable) -> Bool {
        guard q == range.lowerBound || !WordValues.isWordByte(b[q &- 1]) else { return false }
        let base = UnsafeRawPointer(b.baseAddress!)
        let (value, after) = WordValues.word(base, q)
        guard words.owner(of: value) != nil else { return false }
        return streak(b, q, value, after, range, runs)
    }

    /// `repeats` past its first word (`value`, a withheld word at `q`, ending at `after`): the streak of
    /// withheld words around it and its runs. Apart, so that the few instructions of `repeats` are what
    /// the sift's loop inlines.
    private func streak(_ b: UnsafeBufferPointer<UInt8>, _ q: Int, _ value: UInt64, _ after: Int, _ range: Range<Int>,
                        _ runs: ShingleTable) -> Bool {
        let shingle = OverlapFinder.shingle
        let base = UnsafeRawPointer(b.baseAddress!)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * shingle - 1) { values in
            // The word at `q` in the middle, the words before it below, those after it above.
            let mid = shingle &- 1
            values[mid] = value
            var ahead = 0
            var p = after
            while ahead < shingle &- 1 {
                while p < range.upperBound, !WordValues.isWordByte(b[p]) { p &+= 1 }
                guard p < range.upperBound else { break }
                let (v, next) = WordValues.word(base, p)
                guard words.owner(of: v) != nil else { break }
                ahead &+= 1
                values[mid &+ ahead] = v
                p = next
            }
            var behind = 0
            var i = q &- 1
            while behind < shingle &- 1 {
                while i >= range.lowerBound, !WordValues.isWordByte(b[i]) { i &-= 1 }
                guard i >= range.lowerBound else { break }
                while i >= range.lowerBound, WordValues.isWordByte(b[i]) { i &-= 1 }
                let v = WordValues.value(base, i &+ 1)
                guard words.owner(of: v) != nil else { break }
                behind &+= 1
                values[mid &- behind] = v
            }
            guard behind &+ ahead &+ 1 >= shingle else { return false }
            var found = false
            OverlapFinder.forEachShingle(UnsafeBufferPointer(rebasing: values[(mid &- behind)...(mid &+ ahead)])) { h in
                if runs.owner(of: h) != nil { found = true }
            }
            return found
        }
    }

    /// True when one of the runs of six words of `b[range]` holding the word at `q` is in `runs`: the
    /// values of up to five words before it and five after, read one by one (the plain reading `repeats`
    /// is checked against).
    static func repeatsAround(_ b: UnsafeBufferPointer<UInt8>, _ q: Int, _ range: Range<Int>, _ runs: ShingleTable) -> Bool {
        let shingle = OverlapFinder.shingle
        // Back over up to five words (and the bytes between them), to the unit's start at most.
        var start = q
        var i = q &- 1
        var before = 0
        while before < shingle &- 1, i >= range.lowerBound {
            while i >= range.lowerBound, !WordValues.isWordByte(b[i]) { i &-= 1 }
            guard i >= range.lowerBound else { break }
            while i >= range.lowerBound, WordValues.isWordByte(b[i]) { i &-= 1 }
            start = i &+ 1
            before &+= 1
        }
        let base = UnsafeRawPointer(b.baseAddress!)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * shingle - 1) { values in
            var n = 0
            var p = start
            while n < before &+ shingle, p < range.upperBound {
                guard WordValues.isWordByte(b[p]) else {
                    p &+= 1
                    continue
                }
                let (value, after) = WordValues.word(base, p)
                values[n] = value
                n &+= 1
                p = after
            }
            var found = false
            OverlapFinder.forEachShingle(UnsafeBufferPointer(rebasing: values[0..<n])) { h in
                if runs.owner(of: h) != nil { found = true }
            }
            return found
        }
    }
}
