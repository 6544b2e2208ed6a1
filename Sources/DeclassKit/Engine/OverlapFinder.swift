/// Finds released text that repeats six or more consecutive words of withheld text (the same sentence in a
/// (U) and a (C) paragraph), by hashing 6-word shingles of the withheld units.
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
        let words = UnsafeMutablePointer<UInt64>.allocate(capacity: room)
        defer { words.deallocate() }
        return text.bytes.withUnsafeBufferPointer { b in
            // The released units that may hold six words (fewer than eleven bytes hold fewer), and their
            // bytes: when there is none, the withheld words need not be read.
            var released: [Int] = []
            var releasedBytes = 0
            for d in decisions.indices where decisions[d].action != .withhold && decisions[d].rule != "structure" {
                let k = decisions[d].unit
                guard text.words(of: k).count >= 2 * shingle - 1 else { continue }
                released.append(k)
                releasedBytes += text.words(of: k).count
            }
            guard !released.isEmpty else { return [] }
            // The withheld units' words, in unit order, each unit's range of them.
            var n = 0
            var withheld: [(unit: Int, words: Range<Int>)] = []
            var count = 0
            for d in decisions.indices where decisions[d].action == .withhold {
                let k = decisions[d].unit
                let start = n
                n += WordValues.write(b, text.words(of: k), to: words + n)
                if n - start >= shingle {
                    withheld.append((k, start..<n))
                    count += n - start - shingle + 1
                } else {
                    n = start
                }
            }
            guard count > 0 else { return [] }
            var table = ShingleTable(capacity: count)
            for (k, range) in withheld {
                forEachShingle(UnsafeBufferPointer(start: words + range.lowerBound, count: range.count)) { table.insert($0, owner: k) }
            }
            let sift = n * OverlapFinder.siftRatio <= releasedBytes ? OverlapFinder.sift(b, text, withheld, words, n) : nil
            var overlaps: [Overlap] = []
            var found: [(owner: Int, words: Int)] = []  // withheld unit → longest run of words
            for k in released {
                if let sift, !sift.mayRepeat(b, text.words(of: k)) { continue }
                // The released unit's words go after the withheld ones.
                let range = n..<(n + WordValues.write(b, text.words(of: k), to: words + n))
                found.removeAll(keepingCapacity: true)
                var run = 0
                var runOwner = -1
                forEachShingle(UnsafeBufferPointer(start: words + range.lowerBound, count: range.count)) { h in
                    if let w = table.owner(of: h) {
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
                for (w, n) in found.sorted(by: { $0.owner < $1.owner }) {
                    overlaps.append(Overlap(released: k, withheld: w, releasedLabel: DecisionEngine.label(cable, k),
                                            withheldLabel: DecisionEngine.label(cable, w), words: n))
                }
            }
            return overlaps
        }
    }

    /// A sift (`OverlapSift`) is made when the released units' bytes are at least this many times the
    /// withheld words: then sifting them costs less than reading their words.
    static let siftRatio = 16

    /// The sift for the withheld units' words (`values[0..<count]`, each unit's range of them).
    private static func sift(_ b: UnsafeBufferPointer<UInt8>, _ text: CableText, _ withheld: [(unit: Int, words: Range<Int>)],
                             _ values: UnsafeMutablePointer<UInt64>, _ count: Int) -> OverlapSift? {
        let firsts = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        defer { firsts.deallocate() }
        for (k, range) in withheld { _ = WordValues.writeFirsts(b, text.words(of: k), to: firsts + range.lowerBound) }
        return OverlapSift(values: values, firsts: firsts, units: withheld.map(\.words), shingle: shingle)
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
