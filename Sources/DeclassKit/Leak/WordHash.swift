/// The hashes the leak checker compares: a word's folded bytes packed eight at a time into 64-bit chunks
/// that are multiplied into the hash, finished with a 64-bit mixer; and n-grams (runs of 1 to 6 words)
/// chained from their last word back to their first. Equal words and equal runs hash equal; unequal words
/// collide with a chance of about 2⁻⁶⁴, and since each chaining step is a bijection of the hash so far, two
/// runs of the same length collide only when their words do.
struct WordHash {
    /// The hash before any byte.
    static var seed: UInt64 { 0xcbf2_9ce4_8422_2325 }

    private var chunk: UInt64 = 0
    private var hash: UInt64 = WordHash.seed
    private var count: UInt64 = 0
    /// The first eight bytes, once added (0 before).
    private var head: UInt64 = 0

    /// Adds the next (folded) byte of the word.
    @inline(__always) mutating func add(_ byte: UInt8) {
        chunk = chunk << 8 | UInt64(byte)
        count &+= 1
        if count & 7 == 0 {
            hash = WordHash.step(hash, chunk)
            if count == 8 { head = chunk }
            chunk = 0
        }
    }

    /// The word's hash.
    @inline(__always) var value: UInt64 { WordHash.finish(unmixed) }

    /// The word's hash before `finish`: as unique as the hash (`finish` is a bijection) and one mixing
    /// step cheaper, so that the leak checker can turn most words away before it finishes their hashes.
    @inline(__always) var unmixed: UInt64 { WordHash.step(hash, chunk) ^ count }

    /// The word's `LeakWord.key`: its first eight bytes (all when fewer) with its length.
    @inline(__always) var key: UInt64 { (count < 8 ? chunk : head) ^ count &<< 56 }

    /// Mixes the next eight bytes (the first the most significant) into the hash.
    @inline(__always) static func step(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
        let x = (h ^ chunk) &* 0x9fb2_1c65_1e98_df25
        return x << 31 | x >> 33
    }

    /// The splitmix64 finaliser: spreads every input bit over the whole word.
    @inline(__always) static func finish(_ h: UInt64) -> UInt64 {
        var z = h
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The hash of the run one word longer than `gram` (which ends at the same word), whose new first word
    /// is `word`; start from `gram = 0` for the 1-word run. Odd multiplier: a bijection in `gram` and in `word`.
    @inline(__always) static func extend(_ gram: UInt64, _ word: UInt64) -> UInt64 {
        ((gram << 29 | gram >> 35) ^ word) &* 0x9e37_79b9_7f4a_7c15
    }
}
