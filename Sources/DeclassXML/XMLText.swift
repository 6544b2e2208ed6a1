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
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D { return true }
                if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] >= 0xBE { return true }
                i += 1
            }
            return false
        }
    }

    /// The UTF-8 `bytes` (whole characters) as inline pieces: runs of text, and `.control` for each
    /// forbidden character.
    static func inlines(_ bytes: ArraySlice<UInt8>) -> [XMLInline] {
        if bytes.isEmpty { return [] }
        if !hasForbidden(bytes) { return [.text(String(decoding: bytes, as: UTF8.self))] }
        return inlines(Substring(decoding: bytes, as: UTF8.self))
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
        if v.withUTF8({ !hasForbidden(ArraySlice($0)) }) { return value }
        var out = String.UnicodeScalarView()
        for s in value.unicodeScalars { out.append(isForbidden(s.value) ? "\u{FFFD}" : s) }
        return String(out)
    }

    /// `value` cut to at most `limit` characters.
    static func limited(_ value: String, _ limit: Int) -> String {
        value.utf8.count <= limit || value.count <= limit ? value : String(value.prefix(limit))
    }


}
