/// `count` texts of 1 to 16 pieces each, drawn from `pieces` by a linear congruential sequence started at
/// `seed`: varied texts that are the same on every run, for comparing scans against a reference.
func randomTexts(_ count: Int, from pieces: [String], seed start: UInt64) -> [String] {
    var seed = start
    return (0..<count).map { _ in
        var text = ""
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        for k in 0..<Int(seed >> 60) + 1 { text += pieces[Int((seed >> UInt64(k * 4 % 56)) & 0xFFFF) % pieces.count] }
        return text
    }
}
