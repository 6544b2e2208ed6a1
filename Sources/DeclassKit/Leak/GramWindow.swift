/// The last words read from a text (their hashes and start offsets, up to 8), so that the n-grams ending at
/// the newest word can be hashed and checked without keeping the text's words.
struct GramWindow {
    private var hashes = [UInt64](repeating: 0, count: 8)
    private var starts = [Int](repeating: 0, count: 8)
    /// How many words have been read.
    private(set) var count = 0

    @inline(__always) mutating func push(_ hash: UInt64, start: Int) {
        hashes[count & 7] = hash
        starts[count & 7] = start
        count += 1
    }

    /// The hash of the word `back` words before the newest (0 = the newest).
    @inline(__always) func hash(back: Int) -> UInt64 { hashes[(count - 1 - back) & 7] }

    /// The start offset of the word `back` words before the newest.
    @inline(__always) func start(back: Int) -> Int { starts[(count - 1 - back) & 7] }

    /// True when the `length` newest words equal `words[from ..< from + length]`.
    @inline(__always) func endsWith(_ words: [UInt64], from: Int, length: Int) -> Bool {
        for k in 0 ..< length where hash(back: length - 1 - k) != words[from + k] { return false }
        return true
    }
}
