/// What XML 1.0 can hold: text is split around the characters it cannot (C0 controls other than tab, line
/// feed and carriage return; U+FFFE and U+FFFF), and attribute values have them replaced.
enum XMLText {
    /// True for a scalar XML 1.0 cannot hold, even as a character reference.
    static func isForbidden(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }

    /// True when UTF-8 `bytes` hold a character XML cannot: a C0 control byte other than tab, line feed
    /// and carriage return, or U+FFFE/U+FFFF (`EF BF BE`, `EF BF BF`). Checked on bytes, without decoding.
    static func hasForbidden(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { hasForbidden(UnsafeRawBufferPointer($0)) }
    }

    /// `hasForbidden` on raw bytes: eight at a time, looking byte by byte only at the words that hold a
    /// byte below 0x20 (most often a line feed) or an 0xEF.
    static func hasForbidden(_ b: UnsafeRawBufferPointer) -> Bool {
        let n = b.count
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, spaces: UInt64 = 0x2020_2020_2020_2020
        let efs: UInt64 = 0xEFEF_EFEF_EFEF_EFEF, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let w = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let e = w ^ efs
            // A high bit set for some byte < 0x20 or == 0xEF (never missed; a false alarm only costs the byte loop).
            let below = (w &- spaces) & (~w) & highs
            let ef = (e &- ones) & (~e) & highs
            if (below | ef) != 0, hasForbiddenByte(b, i, i + 8) { return true }
            i += 8
        }
        return hasForbiddenByte(b, i, n)
    }

    /// The byte-by-byte check of `b[from..<to]`; an `EF` may read up to two bytes past `to`.
    private static func hasForbiddenByte(_ b: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to {
            let c = b[i]
            if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D { return true }
            if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] >= 0xBE { return true }
            i += 1
        }
        return false
    }

    /// The UTF-8 `bytes` (whole characters) as inline pieces: runs of text, and `.control` for each
    /// forbidden character.
    static func inlines(_ bytes: ArraySlice<UInt8>) -> [XMLInline] {
        var out: [XMLInline] = []
        append(bytes, to: &out)
        return out
    }

    /// Appends the inline pieces of the UTF-8 `bytes` (whole characters) to `out`.
    static func append(_ bytes: ArraySlice<UInt8>, to out: inout [XMLInline]) {
        if bytes.isEmpty { return }
        if !hasForbidden(bytes) {
            out.append(.text(String(decoding: bytes, as: UTF8.self)))
        } else {
            out += inlines(Substring(decoding: bytes, as: UTF8.self))
        }
    }

    /// `text` as inline pieces: runs of text, and `.control` for each forbidden character.
    static func inlines(_ text: Substring) -> [XMLInline] {
        guard text.unicodeScalars.contains(where: { isForbidden($0.value) }) else { return text.isEmpty ? [] : [.text(String(text))] }
        var out: [XMLInline] = []
        var run = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isForbidden(s.value) {
                if !run.isEmpty { out.append(.text(String(run))); run = String.UnicodeScalarView() }
                out.append(.control(s.value))
            } else {
                run.append(s)
            }
        }
        if !run.isEmpty { out.append(.text(String(run))) }
        return out
    }

    /// `value` with each forbidden character replaced by U+FFFD, for attribute values.
    static func attribute(_ value: String) -> String {
        var v = value
        if v.withUTF8({ !hasForbidden(UnsafeRawBufferPointer($0)) }) { return value }
        var out = String.UnicodeScalarView()
        for s in value.unicodeScalars { out.append(isForbidden(s.value) ? "\u{FFFD}" : s) }
        return String(out)
    }

    /// `value` cut to at most `limit` characters.
    static func limited(_ value: String, _ limit: Int) -> String {
        value.utf8.count <= limit || value.count <= limit ? value : String(value.prefix(limit))
    }


}
