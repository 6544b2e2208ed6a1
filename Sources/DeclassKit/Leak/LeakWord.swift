/// A word of a text as the leak checker's readers find it (`LeakWords.forEachWord`): where it stands, the
/// key its words' filter is probed with, and what gives its unmixed hash. The key is its first eight folded
/// bytes and its length, with no mixing (the filter's multiply spreads them), so that the check of an
/// output, which turns most words away on the key alone, hashes only the words the filter holds.
struct LeakWord {
    /// Where the word stands.
    var start: Int
    var end: Int
    /// `c ^ length << 56`, `c` its first min(length, 8) folded bytes (the first the most significant): equal
    /// words have equal keys, and a word of fewer than eight bytes has a key of its own.
    var key: UInt64
    /// The word's unmixed hash when `hashing` is `.done`; 0 otherwise.
    var hash: UInt64
    var hashing: Hashing

    /// How a word's unmixed hash is had: a word read byte by byte (whose folded form may not be its bytes)
    /// comes hashed; a word of ASCII letters and digits read in blocks is hashed from its bytes when asked,
    /// from one load when the sixteen bytes from its start are in the text.
    enum Hashing {
        case done, fromSixteenBytes, fromBytes
    }

    /// The word's unmixed hash (`WordHash.unmixed`; `WordHash.finish` of it is the word's hash), `b` the text
    /// it was read from.
    @inline(__always)
    func unmixed(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        switch hashing {
        case .done: return hash
        case .fromSixteenBytes: return SixtyFourByteWords.hash(b, start, end)
        case .fromBytes: return SixteenByteWords.hash(b, start, end)
        }
    }

    /// The key of the ASCII word `b[start..<end]` (letters and digits), eight bytes of `b` from `start` on
    /// read when there (zeros past its end).
    @inline(__always)
    static func key(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        key(SixteenByteWords.load8(b, start), length: end &- start)
    }

    /// The key of an ASCII word of `length` bytes whose first eight bytes (fewer when shorter: the others
    /// are not read) are `x`, the first in the low bits.
    @inline(__always)
    static func key(_ x: UInt64, length: Int) -> UInt64 {
        let k = UInt64(truncatingIfNeeded: length)
        return head(x, k) ^ k &<< 56
    }

    /// The first min(`length`, 8) bytes of `x` (the first in the low bits) folded, the first the most
    /// significant: the chunk `WordHash` adds them as. `x` holds ASCII letters and digits (folding is or-ing
    /// 0x20 into each byte: digits have it already).
    @inline(__always)
    static func head(_ x: UInt64, _ length: UInt64) -> UInt64 {
        // A shift of 0 to 56.
        (x | 0x2020_2020_2020_2020).byteSwapped &>> (64 &- 8 &* (length < 8 ? length : 8))
    }
}
