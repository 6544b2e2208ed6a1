/// Field readers for ASCII text that work on its bytes: exactly what the general `String` readers in
/// `FieldReaders` give, without a `String` per word (nearly every cable's fields are ASCII).
enum ASCIIFields {
    /// TAGS codes as `FieldReaders.tags` reads them, or nil when `text` is not ASCII.
    static func tags(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { src -> [String]? in
            for c in src where c >= 0x80 { return nil }
            // Artifacts are stripped into a copy only when there is a `[`; the tokens are then read in place
            // (no array of them, no array of the bytes).
            guard src.contains(0x5B) else { return tags(in: src) }
            return stripArtifacts(Array(src)).withUnsafeBufferPointer { tags(in: $0) }
        }
    }

    /// The tags of ASCII bytes without artifacts: tokens split on spaces, commas, tabs and semicolons, dots
    /// trimmed at both ends, empty ones skipped, upper-cased.
    private static func tags(in b: UnsafeBufferPointer<UInt8>) -> [String] {
        // Counted first, for an array of the right size: appending grew it two or three times (~1,400
        // instructions a TAGS line).
        var tags: [String] = []
        tags.reserveCapacity(tokenCount(b))
        var i = 0
        let n = b.count
        while i < n {
            while i < n, isTagSeparator(b[i]) { i += 1 }
            guard i < n else { break }
            var s = i
            while i < n, !isTagSeparator(b[i]) { i += 1 }
            var e = i
            while s < e, b[s] == 0x2E { s += 1 }
            while e > s, b[e - 1] == 0x2E { e -= 1 }
            guard s < e else { continue }
            tags.append(String(unsafeUninitializedCapacity: e - s) { out in
                for k in s..<e { out[k - s] = ByteText.upper(b[k]) }
                return e - s
            })
        }
        return tags
    }

    /// The number of tokens `tags(in:)` reads from `b`: the runs between separators that hold a byte other
    /// than a dot.
    private static func tokenCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0, i = 0
        while i < b.count {
            while i < b.count, isTagSeparator(b[i]) { i += 1 }
            var dotsOnly = true
            while i < b.count, !isTagSeparator(b[i]) {
                if b[i] != 0x2E { dotsOnly = false }
                i += 1
            }
            if !dotsOnly { count += 1 }
        }
        return count
    }

    @inline(__always) private static func isTagSeparator(_ c: UInt8) -> Bool { c == 0x20 || c == 0x2C || c == 0x09 || c == 0x3B }

    /// Removes Markdown-like rendering artifacts as `FieldReaders.stripArtifacts` does: `[PREL](#)` →
    /// `PREL`, `[1](#)` (a rendered ¶ sign) dropped, an unclosed `[` kept.
    static func stripArtifacts(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x5B) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x5B else {
                out.append(bytes[i])
                i += 1
                continue
            }
            guard let close = closeOfLink(in: bytes, from: i + 1) else {
                out.append(0x5B)
                i += 1
                continue
            }
            let inner = bytes[(i + 1)..<close]
            if !(inner.count == 1 && inner.first == 0x31) { out += inner }
            i = close + 4
        }
        return out
    }

    /// Where the next `](#)` starts at or after `from`.
    private static func closeOfLink(in bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i + 4 <= bytes.count {
            if bytes[i] == 0x5D, bytes[i + 1] == 0x28, bytes[i + 2] == 0x23, bytes[i + 3] == 0x29 { return i }
            i += 1
        }
        return nil
    }
}
