/// Finds released text that repeats six or more consecutive words of withheld text (the same sentence in a
/// (U) and a (C) paragraph), by hashing 6-word shingles of the withheld units (of the released ones when
/// those hold fewer bytes, `fromReleased`).
enum OverlapFinder {
    static let shingle = 6

    /// True when `decisions` hold both a withheld unit and a released (or redacted) one: else there is
    /// nothing to compare, and the cable's words need not be read.
    static func isPossible(_ decisions: [Decision]) -> Bool {
        var withheld = false, released = false
        for d in decisions.indices {
            if decisions[d].action == .withhold { withheld = true } else if decisions[d].rule != "structure" { released = true }
            if withheld && released { return true }
        }
        return false
    }

    /// The overlaps of the cable's released units with its withheld ones, read from the units' words
    /// in `text` (`CableText`, every judged unit).
    static func find(cable: Cable, decisions: [Decision], text: CableText) -> [Overlap] {
        guard isPossible(decisions) else { return [] }
        // Room for every word of the cable: a word and the byte after it take two bytes at least.
        let room = text.count / 2 + 1
        // The values, then the first and second bytes of the words of the side a sift may be made from,
        // written with their values (`WordValues.write`), at the same offsets: one allocation for both.
        let memory = UnsafeMutableRawPointer.allocate(byteCount: room * (MemoryLayout<UInt64>.stride + 2),
                                                      alignment: MemoryLayout<UInt64>.alignment)
        defer { memory.deallocate() }
        let words = memory.bindMemory(to: UInt64.self, capacity: room)
        let heads = (memory + room * MemoryLayout<UInt64>.stride).bindMemory(to: UInt8.self, capacity: 2 * room)
        return text.bytes.withUnsafeBufferPointer { b in
            // The released units that may hold six words (fewer than eleven bytes hold fewer), and their
            // bytes: when there is none, the withheld words need not be read.
            // Both lists reserved for every unit: grown by appends they took a few allocations per cable.
            var released: [Int] = []
            released.reserveCapacity(decisions.count)
            var releasedBytes = 0
            for d in decisions.indices where decisions[d].action != .withhold && decisions[d].rule != "structure" {
                let k = decisions[d].unit
                guard text.words(of: k).count >= 2 * shingle - 1 else { continue }
                released.append(k)
                releasedBytes += text.words(of: k).count
            }
            guard !released.isEmpty else { return [] }
            // The withheld units' words, in unit order, each unit's range of them.
            var withheld: [Int] = []
            withheld.reserveCapacity(decisions.count)
            var withheldBytes = 0
            for d in decisions.indices where decisions[d].action == .withhold {
                withheld.append(decisions[d].unit)
                withheldBytes += text.words(of: decisions[d].unit).count
            }
            // Mostly withheld (a classified cable with a few released header lines): the runs are taken
            // from the released side and the withheld units streamed past them, most skipped by a sift.
            if releasedBytes < withheldBytes {
                return fromReleased(b, text, cable, released: released, withheld: withheld, withheldBytes: withheldBytes, words,
                                    heads: (heads, heads + room))
            }
            var n = 0
            let read = readWords(b, text, withheld, to: words, heads: (heads, heads + room), at: &n)
            guard !read.isEmpty else { return [] }
            let table = shingleTable(read, words)
            var overlaps: [Overlap] = []
            var found: [(owner: Int, words: Int)] = []  // withheld unit → longest run of words
            /// Appends the overlaps of released unit `k`, its words read after the withheld ones.
            func readReleased(_ k: Int) {
                let range = n..<(n + WordValues.write(b, text.words(of: k), to: words + n))
                repeats(k, range, words, table, cable, &found, &overlaps)
            }
            if n * OverlapFinder.siftRatio <= releasedBytes, let sift = OverlapFinder.sift(read, words, heads: (heads, heads + room)) {
                // Only the released units the sift finds a withheld run in are read.
                for k in released where sift.mayRepeat(b, text.words(of: k), runs: table) { readReleased(k) }
            } else {
                for k in released { readReleased(k) }
            }
            return overlaps
        }
    }

    /// `find` with the runs of six words taken from the released units `released` (fewer bytes than the
    /// withheld ones): each released run's owner is the first withheld unit (in unit order) holding it,
    /// as when the runs are taken from the withheld side. When the released words are few beside the
    /// withheld bytes, a sift of them (`OverlapSift`) skips the withheld units holding no released run:
    /// those would own none, so their words are not read.
    @inline(never)
    private static func fromReleased(_ b: UnsafeBufferPointer<UInt8>, _ text: CableText, _ cable: Cable, released: [Int], withheld: [Int],
                                     withheldBytes: Int, _ words: UnsafeMutablePointer<UInt64>,
                                     heads: (firsts: UnsafeMutablePointer<UInt8>, seconds: UnsafeMutablePointer<UInt8>)) -> [Overlap] {
        var n = 0
        let read = readWords(b, text, released, to: words, heads: heads, at: &n)
        guard !read.isEmpty else { return [] }
        var table = shingleTable(read, words, owned: false)
        let sift = n * OverlapFinder.siftRatio <= withheldBytes ? OverlapFinder.sift(read, words, heads: heads) : nil
        for w in withheld {
            let range = text.words(of: w)
            // Fewer than eleven bytes hold fewer than six words.
            guard range.count >= 2 * shingle - 1 else { continue }
            if let sift, !sift.mayRepeat(b, range, runs: table) { continue }
            // Each withheld unit's words after the released ones, written over by the next unit's.
            let count = WordValues.write(b, range, to: words + n)
            forEachShingle(UnsafeBufferPointer(start: words + n, count: count)) { table.claim($0, by: w) }
        }
        var overlaps: [Overlap] = []
        var found: [(owner: Int, words: Int)] = []
        for (k, range) in read { repeats(k, range, words, table, cable, &found, &overlaps) }
        return overlaps
    }

    /// Writes the word values of `units` (in `text`) at `out[n...]` and their first and second bytes at
    /// `heads` (`WordValues.writeHeads`, for a sift), advancing `n`: each unit of six words or more with its
    /// range of them (the others' words are written over).
    private static func readWords(_ b: UnsafeBufferPointer<UInt8>, _ text: CableText, _ units: [Int], to out: UnsafeMutablePointer<UInt64>,
                                  heads: (firsts: UnsafeMutablePointer<UInt8>, seconds: UnsafeMutablePointer<UInt8>),
                                  at n: inout Int) -> [(unit: Int, words: Range<Int>)] {
        var read: [(unit: Int, words: Range<Int>)] = []
        read.reserveCapacity(units.count)
        for k in units {
            let start = n
            n += WordValues.write(b, text.words(of: k), to: out + n, firsts: heads.firsts + n, seconds: heads.seconds + n)
            if n - start >= shingle {
                read.append((k, start..<n))
            } else {
                n = start
            }
        }
        return read
    }

    /// The runs of six words of `units` (values in `words`), each with the first unit holding it, or
    /// with no owner yet (-1, for `ShingleTable.claim`) when not `owned`.
    private static func shingleTable(_ units: [(unit: Int, words: Range<Int>)], _ words: UnsafeMutablePointer<UInt64>,
                                     owned: Bool = true) -> ShingleTable {
        var count = 0
        for (_, range) in units { count += range.count - shingle + 1 }
        var table = ShingleTable(capacity: count)
        for (k, range) in units {
            let owner = owned ? k : -1
            forEachShingle(UnsafeBufferPointer(start: words + range.lowerBound, count: range.count)) { table.insert($0, owner: owner) }
        }
        return table
    }

    /// Appends to `overlaps` those of released unit `k` (its word values `words[range]`) with the withheld
    /// units of `table`: per withheld unit, the longest run of words, in withheld unit order.
    private static func repeats(_ k: Int, _ range: Range<Int>, _ words: UnsafeMutablePointer<UInt64>, _ table: ShingleTable, _ cable: Cable,
                                _ found: inout [(owner: Int, words: Int)], _ overlaps: inout [Overlap]) {
        found.removeAll(keepingCapacity: true)
        var run = 0
        var runOwner = -1
        forEachShingle(UnsafeBufferPointer(start: words + range.lowerBound, count: range.count)) { h in
            // An unclaimed released run (-1, `fromReleased`) is held by no withheld unit.
            if let w = table.owner(of: h), w >= 0 {
                run = (w == runOwner) ? run + 1 : 1
                runOwner = w
                if let i = found.firstIndex(where: { $0.owner == w }) {
                    found[i].words = max(found[i].words, run + shingle - 1)
                } else {
                    found.append((w, run + shingle - 1))
                }
            } else {
                run = 0
                runOwner = -1
            }
        }
        guard !found.isEmpty else { return }
        for (w, n) in found.sorted(by: { $0.owner < $1.owner }) {
            overlaps.append(Overlap(released: k, withheld: w, releasedLabel: DecisionEngine.label(cable, k),
                                    withheldLabel: DecisionEngine.label(cable, w), words: n))
        }
    }

    /// A sift (`OverlapSift`) is made when the released units' bytes are at least this many times the
    /// withheld words: then sifting them costs less than reading their words.
    static let siftRatio = 16

    /// The sift for the words of `units` (their values and `heads`, each unit's range of them).
    private static func sift(_ units: [(unit: Int, words: Range<Int>)], _ values: UnsafeMutablePointer<UInt64>,
                             heads: (firsts: UnsafeMutablePointer<UInt8>, seconds: UnsafeMutablePointer<UInt8>)) -> OverlapSift? {
        let (firsts, seconds) = heads
        let ranges = units.map(\.words)
        guard var sift = OverlapSift(values: values, firsts: firsts, units: ranges, shingle: shingle) else { return nil }
        sift.filterHeads(firsts: firsts, seconds: seconds, units: ranges)
        return sift
    }

    /// Calls `body` with the hash of each run of 6 consecutive word values, in order: a polynomial
    /// rolled from one run to the next (two multiplies a run). The word values are mixed
    /// (`WordValues`), so runs collide only with a chance of about 2⁻⁶⁴.
    @inline(__always)
    static func forEachShingle(_ words: UnsafeBufferPointer<UInt64>, _ body: (UInt64) -> Void) {
        guard words.count >= shingle else { return }
        let base: UInt64 = 0x9e37_79b9_7f4a_7c15
        // base⁶: what the word leaving the run was multiplied by once the next word is in.
        var top: UInt64 = 1
        for _ in 0..<shingle { top = top &* base }
        var h: UInt64 = 0
        var i = 0
        while i < shingle {
            h = h &* base &+ words[i]
            i += 1
        }
        body(h)
        while i < words.count {
            h = h &* base &+ words[i] &- words[i - shingle] &* top
            body(h)
            i += 1
        }
    }
}
