/// Finds released text that repeats six or more consecutive words of withheld text (the same sentence in a
/// (U) and a (C) paragraph), by hashing 6-word shingles of the withheld units.
enum OverlapFinder {
    static let shingle = 6

    static func find(cable: Cable, decisions: [Decision], texts: inout [UnitText?]) -> [Overlap] {
        let withheld = decisions.filter { $0.action == .withhold }.map(\.unit)
        let released = decisions.filter { $0.action != .withhold && $0.rule != "structure" }.map(\.unit)
        guard !withheld.isEmpty, !released.isEmpty else { return [] }
        var withheldShingles: [(unit: Int, hashes: [UInt64])] = []
        var count = 0
        for k in withheld {
            if texts[k] == nil { texts[k] = UnitText(cable, cable.units[k]) }
            let hs = shingles(words(texts[k]!.bytes))
            if !hs.isEmpty { withheldShingles.append((k, hs)); count += hs.count }
        }
        guard count > 0 else { return [] }
        var table = ShingleTable(capacity: count)
        for (k, hs) in withheldShingles { for h in hs { table.insert(h, owner: k) } }
        var overlaps: [Overlap] = []
        for k in released {
            if texts[k] == nil { texts[k] = UnitText(cable, cable.units[k]) }
            let hs = shingles(words(texts[k]!.bytes))
            var found: [Int: Int] = [:]  // withheld unit → longest run of words
            var run = 0
            var runOwner = -1
            for h in hs {
                if let w = table.owner(of: h) {
                    run = (w == runOwner) ? run + 1 : 1
                    runOwner = w
                    found[w] = max(found[w] ?? 0, run + shingle - 1)
                } else {
                    run = 0
                    runOwner = -1
                }
            }
            for (w, n) in found.sorted(by: { $0.key < $1.key }) {
                overlaps.append(Overlap(released: k, withheld: w, releasedLabel: cable.units[k].label,
                                        withheldLabel: cable.units[w].label, words: n))
            }
        }
        return overlaps
    }

    /// An open-addressing set of shingle hashes with the first unit holding each: no hashing of hashes.
    struct ShingleTable {
        private var keys: [UInt64]
        private var owners: [Int32]
        private let mask: Int

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            keys = Array(repeating: 0, count: size)
            owners = Array(repeating: -1, count: size)
            mask = size - 1
        }

        mutating func insert(_ h: UInt64, owner: Int) {
            let key = h | 1
            var i = Int(truncatingIfNeeded: key >> 7) & mask
            while keys[i] != 0 {
                if keys[i] == key { return }
                i = (i + 1) & mask
            }
            keys[i] = key
            owners[i] = Int32(owner)
        }

        func owner(of h: UInt64) -> Int? {
            let key = h | 1
            var i = Int(truncatingIfNeeded: key >> 7) & mask
            while keys[i] != 0 {
                if keys[i] == key { return Int(owners[i]) }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// Hashes of the words (letters and digits, ASCII case folded; other bytes split words).
    static func words(_ bytes: [UInt8]) -> [UInt64] {
        var out: [UInt64] = []
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for c in bytes {
            let alnum = ByteText.isAlnum(c) || c >= 0x80
            if alnum {
                h = (h ^ UInt64(ByteText.upper(c))) &* 0x100_0000_01b3
                inWord = true
            } else if inWord {
                out.append(h)
                h = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
        }
        if inWord { out.append(h) }
        return out
    }

    static func shingles(_ w: [UInt64]) -> [UInt64] {
        guard w.count >= shingle else { return [] }
        var out: [UInt64] = []
        out.reserveCapacity(w.count - shingle + 1)
        for i in 0...(w.count - shingle) {
            var h: UInt64 = 1469598103934665603
            for j in 0..<shingle { h = (h ^ w[i + j]) &* 1099511628211 &+ UInt64(j) }
            out.append(h)
        }
        return out
    }
}
