/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast generator whose whole state is one number, so that
/// every seeded random test case is reproduced from its seed alone. Shared by the test targets.
public struct SplitMix64: RandomNumberGenerator {
    /// The generator's whole state: the seed, advanced once per number.
    public var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
