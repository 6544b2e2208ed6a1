/// Field readers for ASCII text that work on its bytes: exactly what the general `String` readers in
/// `FieldReaders` give, without a `String` per word (nearly every cable's fields are ASCII).
enum ASCIIFields {
    /// TAGS codes as `FieldReaders.tags` reads them, or nil when `text` is not ASCII.
    static func tags(_ text: String) -> [String]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for c in text.utf8 {
            if c >= 0x80 { return nil }
            bytes.append(c)
        }
        var tags: [String] = []
        for token in stripArtifacts(bytes).split(whereSeparator: { $0 == 0x20 || $0 == 0x2C || $0 == 0x09 || $0 == 0x3B }) {
            var t = token
            while t.first == 0x2E { t = t.dropFirst() }
            while t.last == 0x2E { t = t.dropLast() }
            guard !t.isEmpty else { continue }
            tags.append(String(unsafeUninitializedCapacity: t.count) { out in
                for (i, c) in t.enumerated() { out[i] = ByteText.upper(c) }
                return t.count
            })
        }
        return tags
    }

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
