/// The 1-based line of byte offsets of a source (as `Cable.line(at:)` gives it), for offsets asked in
/// mostly increasing order: it counts the line breaks from the previous offset on (from the start again
/// when an offset goes back), so that the spans of one cable cost one pass over its bytes, not one each.
struct LineCounter {
    private let source: [UInt8]
    /// The last offset asked for (at most the source's length), and its line.
    private var offset = 0
    private var line = 1

    /// A counter at the start of `source`.
    init(_ source: [UInt8]) {
        self.source = source
    }

    /// The 1-based line of byte `target` of the source (`target` ≥ 0; past the end, the last line).
    mutating func line(at target: Int) -> Int {
        let target = min(target, source.count)
        if target < offset {
            offset = 0
            line = 1
        }
        var breaks = 0
        source.withUnsafeBufferPointer { b in
            for i in offset ..< target where b[i] == 0x0A { breaks += 1 }
        }
        line += breaks
        offset = target
        return line
    }
}
