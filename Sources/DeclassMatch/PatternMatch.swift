/// One maximal span of the scanned bytes matched by one pattern.
public struct PatternMatch: Sendable, Hashable {
    /// The position of the pattern in the list the database was compiled from.
    public var pattern: Int
    /// Byte offsets into the scanned buffer; they fall on UTF-8 character boundaries for valid UTF-8 input.
    public var range: Range<Int>

    /// Creates a match of pattern number `pattern` over the bytes in `range`.
    public init(pattern: Int, range: Range<Int>) {
        self.pattern = pattern
        self.range = range
    }
}
