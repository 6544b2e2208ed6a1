/// A span a scan found for one pattern, before its pattern's overlapping spans are merged.
public struct PatternSpan: Sendable {
    /// The position of the pattern in the list the database was compiled from.
    public var pattern: Int
    public var start: Int
    public var end: Int

    /// Creates a span of pattern number `pattern` over the bytes `start..<end`.
    public init(pattern: Int, start: Int, end: Int) {
        self.pattern = pattern
        self.start = start
        self.end = end
    }

    /// The matches a scan reports for `spans` (in any order, sorted in place by pattern): each pattern's
    /// overlapping or touching spans merged into one, ordered by (start, pattern).
    public static func merged(_ spans: inout [PatternSpan]) -> [PatternMatch] {
        guard !spans.isEmpty else { return [] }
        spans.sort { ($0.pattern, $0.start, $0.end) < ($1.pattern, $1.start, $1.end) }
        let sorted = spans
        var merged: [PatternMatch] = []
        merged.reserveCapacity(sorted.count)
        var open = sorted[0]
        for span in sorted.dropFirst() {
            if span.pattern == open.pattern && span.start <= open.end {
                open.end = max(open.end, span.end)
            } else {
                merged.append(PatternMatch(pattern: open.pattern, range: open.start..<open.end))
                open = span
            }
        }
        merged.append(PatternMatch(pattern: open.pattern, range: open.start..<open.end))
        merged.sort { ($0.range.lowerBound, $0.pattern) < ($1.range.lowerBound, $1.pattern) }
        return merged
    }
}
