/// What XML 1.0 can hold: text is split around the characters it cannot (C0 controls other than tab, line
/// feed and carriage return; U+FFFE and U+FFFF), and attribute values have them replaced.
enum XMLText {
    /// True for a scalar XML 1.0 cannot hold, even as a character reference.
    static func isForbidden(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
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
        guard value.unicodeScalars.contains(where: { isForbidden($0.value) }) else { return value }
        var out = String.UnicodeScalarView()
        for s in value.unicodeScalars { out.append(isForbidden(s.value) ? "\u{FFFD}" : s) }
        return String(out)
    }

    /// `value` cut to at most `limit` characters.
    static func limited(_ value: String, _ limit: Int) -> String {
        value.count <= limit ? value : String(value.prefix(limit))
    }
}
