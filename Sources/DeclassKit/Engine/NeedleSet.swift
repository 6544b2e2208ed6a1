/// Several needles looked for in one pass over a text: at each byte only the needles that start with it
/// are tried (whole words; ASCII case ignored for a caseless needle).
struct NeedleSet {
    private var needles: [(bytes: [UInt8], rule: Int, caseless: Bool)] = []
    private var byFirst = [[Int]](repeating: [], count: 256)
    /// 1 for each byte some needle starts with: the pass over a text reads this table, not `byFirst`.
    private var isFirst = [UInt8](repeating: 0, count: 256)

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
    }

    /// Every occurrence of every needle, with its rule.
    func occurrences(in hay: [UInt8]) -> [(Range<Int>, Int)] {
        guard !needles.isEmpty else { return [] }
        var out: [(Range<Int>, Int)] = []
        hay.withUnsafeBufferPointer { h in
            isFirst.withUnsafeBufferPointer { isFirst in
                for i in 0..<h.count where isFirst[Int(h[i])] != 0 {
                    for k in byFirst[Int(h[i])] {
                        let n = needles[k]
                        guard i + n.bytes.count <= h.count else { continue }
                        var j = 1
                        while j < n.bytes.count {
                            let a = h[i + j], b = n.bytes[j]
                            if a != b && !(n.caseless && ByteText.upper(a) == ByteText.upper(b)) { break }
                            j += 1
                        }
                        if j == n.bytes.count, ByteSearch.isWhole(i..<(i + j), n.bytes, hay) { out.append((i..<(i + j), n.rule)) }
                    }
                }
            }
        }
        return out
    }
}
