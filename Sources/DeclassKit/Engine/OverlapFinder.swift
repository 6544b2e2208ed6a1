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
            var hs: [UInt64] = []
            forEachShingle(texts[k]!.bytes) { hs.append($0) }
            if !hs.isEmpty { withheldShingles.append((k, hs)); count += hs.count }
        }
        guard count > 0 else { return [] }
        var table = ShingleTable(capacity: count)
        for (k, hs) in withheldShingles { for h in hs { table.insert(h, owner: k) } }
        var overlaps: [Overlap] = []
        var found: [(owner: Int, words: Int)] = []  // withheld unit → longest run of words
        for k in released {
            if texts[k] == nil { texts[k] = UnitText(cable, cable.units[k]) }
            found.removeAll(keepingCapacity: true)
            var run = 0
            var runOwner = -1
            forEachShingle(texts[k]!.bytes) { h in
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
        private let shift: UInt64

        /// The home slot: the key's top bits after a multiply (the shingle hashes' low bits are poorly mixed).
        @inline(__always) private func home(_ key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
        }

        init(capacity: Int) {
            var size = 16
            var bits: UInt64 = 4
            while size < capacity * 2 { size <<= 1; bits += 1 }
            shift = 64 - bits
            keys = Array(repeating: 0, count: size)
            owners = Array(repeating: -1, count: size)
            mask = size - 1
        }

        mutating func insert(_ h: UInt64, owner: Int) {
            let key = h | 1
            var i = home(key)
            while keys[i] != 0 {
                if keys[i] == key { return }
                i = (i + 1) & mask
            }
            keys[i] = key
            owners[i] = Int32(owner)
        }

        func owner(of h: UInt64) -> Int? {
            let key = h | 1
            var i = home(key)
            while keys[i] != 0 {
                if keys[i] == key { return Int(owners[i]) }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// Calls `body` with the hash of each run of 6 words of `bytes`, in order (its words:
    /// letters and digits upper-cased, bytes >= 0x80 as they are, everything else splits words). One
    /// pass without arrays; the last six word hashes (`WordHash`, eight bytes per multiply) are kept in a
    /// ring, and a run's hash is a sum of independent products (no chain of six dependent multiplies).
    /// Equal runs hash equal; the hashes are only compared with each other.
    @inline(__always)
    static func forEachShingle(_ bytes: [UInt8], _ body: (UInt64) -> Void) {
        var ring: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        var n = 0
        @inline(__always) func push(_ w: UInt64) {
            ring = (ring.1, ring.2, ring.3, ring.4, ring.5, w)
            n += 1
            guard n >= shingle else { return }
            let a = ring.0 &* 0x9e37_79b9_7f4a_7c15 &+ ring.1 &* 0xbf58_476d_1ce4_e5b9
            let b = ring.2 &* 0x94d0_49bb_1331_11eb &+ ring.3 &* 0xd6e8_feb8_6659_fd93
            let c = ring.4 &* 0xff51_afd7_ed55_8ccd &+ ring.5 &* 0xc4ce_b9fe_1a85_ec53
            body(a &+ b &+ c)
        }
        bytes.withUnsafeBufferPointer { b in
            OverlapFinder.foldTable.withUnsafeBufferPointer { fold in
                var h = WordHash()
                var inWord = false
                for c in b {
                    let f = fold[Int(c)]
                    if f != 0 {
                        h.add(f)
                        inWord = true
                    } else if inWord {
                        push(h.value)
                        h = WordHash()
                        inWord = false
                    }
                }
                if inWord { push(h.value) }
            }
        }
    }

    /// For each byte, what a word holds for it (ASCII letters upper-cased, digits, bytes >= 0x80 as they
    /// are), or 0 for a byte that splits words.
    static let foldTable: [UInt8] = (0..<256).map { i in
        let c = UInt8(i)
        return ByteText.isAlnum(c) || c >= 0x80 ? ByteText.upper(c) : 0
    }
}
