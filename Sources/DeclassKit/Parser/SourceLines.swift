/// One line of the input: its bytes, the content without the line break, and the trimmed content.
struct SourceLine {
    /// Byte offset of the line's first byte.
    var start: Int
    /// End of the content: before `\r\n` or `\n`.
    var end: Int
    /// Start of the next line (after the line break), or the end of input.
    var next: Int
    /// First non-space byte of the content (== `end` for a blank line).
    var lo: Int
    /// End of the content without trailing spaces.
    var hi: Int

    var isBlank: Bool { lo >= hi }
    var length: Int { hi - lo }
}

/// Splits the input into lines once; every byte belongs to exactly one line.
enum SourceLines {
    static func split(_ t: ByteText, from start: Int) -> [SourceLine] {
        var lines: [SourceLine] = []
        lines.reserveCapacity(t.count / 16 + 8)  // lines of 16 bytes on average at the least: no regrowth
        let n = t.count
        var i = start
        guard let base = t.b.baseAddress else { return [] }
        while i < n {
            let lineStart = i
            var end: Int
            var next: Int
            if let p = memchr(base + i, 0x0A, n - i) {
                end = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                next = end + 1
            } else {
                end = n
                next = n
            }
            if end > lineStart, t[end - 1] == 0x0D { end -= 1 }
            let lo = t.skipSpaces(lineStart, end)
            let hi = t.trimEnd(lo, end)
            lines.append(SourceLine(start: lineStart, end: end, next: next, lo: lo, hi: hi))
            i = next
        }
        return lines
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
