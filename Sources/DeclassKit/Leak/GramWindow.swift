/// The last six words read from a text (their hashes and start offsets), kept in plain fields so that the
/// n-grams ending at the newest word are hashed from registers, without keeping the text's words.
struct GramWindow {
    /// The newest word's hash (`h0`) and the five before it.
    private(set) var h0: UInt64 = 0, h1: UInt64 = 0, h2: UInt64 = 0, h3: UInt64 = 0, h4: UInt64 = 0, h5: UInt64 = 0
    private var s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0
    /// How many words have been read.
    private(set) var count = 0

    @inline(__always) mutating func push(_ hash: UInt64, start: Int) {
        (h5, h4, h3, h2, h1, h0) = (h4, h3, h2, h1, h0, hash)
        (s5, s4, s3, s2, s1, s0) = (s4, s3, s2, s1, s0, start)
        count += 1
    }

    /// The start offset of the word `back` words before the newest, `back` < 6.
    @inline(__always) func start(back: Int) -> Int {
        switch back {
        case 0: s0
        case 1: s1
        case 2: s2
        case 3: s3
        case 4: s4
        default: s5
        }
    }
}
