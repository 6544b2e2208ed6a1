/// Reads `Classified By:` blocks: the classifier and the reasons in every written form (`1.4 (b,d)`,
/// `1.4 (B), (D)`, `1.4(b) and (d)`, `REASONS 1.5 (B) AND (D)`, `1.4 b and d`, `1.4 (B/D)`, `1.4 (B)(D)`).
enum AuthorityReader {
    /// Reads the block's text (its lines joined by spaces), starting with `Classified By`.
    static func read(_ text: String, line: Int) -> ClassificationAuthority {
        var s = Substring(text.foldingSpaces)
        if s.hasPrefix("("), let close = s.firstIndex(of: ")") { s = s[s.index(after: close)...].drop(while: { $0 == " " }) }
        s = s.dropFirst("CLASSIFIED BY".count).drop(while: { $0 == ":" || $0 == " " })
        // Work on ASCII-upper-cased bytes: offsets stay those of `s`.
        let bytes = Array(s.utf8)
        let upper = bytes.map { ByteText.upper($0) }
        let derived = upper.starts(with: Array("DERIVED FROM".utf8))
        // The classifier runs up to the reasons: "for reasons", ", reason", ". Reasons:", "; REASON:", "1.4".
        let byEnd = firstMarker(in: upper) ?? upper.count
        var by = String(decoding: bytes[..<byEnd], as: UTF8.self).trimmingSpaces
        while let l = by.last, l == "." || l == "," || l == ";" || l == ":" { by.removeLast() }
        let (section, reasons) = readReasons(upper)
        return ClassificationAuthority(by: by.trimmingSpaces, section: section, reasons: reasons, derived: derived, line: line)
    }

    /// Where the first of the `markers` starts in `hay`, in one pass: every marker opens with a space or
    /// punctuation, and only there are they tried.
    private static func firstMarker(in hay: [UInt8]) -> Int? {
        for i in hay.indices {
            switch hay[i] {
            case 0x20, 0x2C, 0x2E, 0x3A, 0x3B:  // space , . : ;
                for m in markers where m[0] == hay[i] && i + m.count <= hay.count {
                    var j = 1
                    while j < m.count, hay[i + j] == m[j] { j += 1 }
                    if j == m.count { return i }
                }
            default:
                continue
            }
        }
        return nil
    }

    private static let markers: [[UInt8]] = [" FOR REASON", ", REASON", ". REASON", "; REASON", ": REASON", " REASON", " FOR 1.",
                                             " 1.4", " 1.5", ", 1.4", ": 1.4", ", 1.5", ": 1.5"].map { Array($0.utf8) }

    /// Finds `1.4`/`1.5` and the reason letters a–h that follow it, in upper-case text.
    static func readReasons(_ upper: String) -> (String?, [String]) {
        readReasons(Array(upper.utf8))
    }

    /// Finds `1.4`/`1.5` and the reason letters a–h that follow it, in upper-case UTF-8 bytes.
    static func readReasons(_ c: [UInt8]) -> (String?, [String]) {
        var i = 0
        var section: String?
        while i + 2 < c.count {
            if c[i] == 0x31, c[i + 1] == 0x2E, c[i + 2] == 0x34 || c[i + 2] == 0x35,
               i + 3 == c.count || !ByteText.isDigit(c[i + 3]), i == 0 || (!ByteText.isDigit(c[i - 1]) && c[i - 1] != 0x2E) {
                section = c[i + 2] == 0x34 ? "1.4" : "1.5"
                i += 3
                break
            }
            i += 1
        }
        guard let section else { return (nil, []) }
        // Words after the section: letter runs; a digit ends the list (a date, another section).
        var words: [ArraySlice<UInt8>] = []
        var start = -1
        while i < c.count, !ByteText.isDigit(c[i]) {
            if ByteText.isAlpha(c[i]) {
                if start < 0 { start = i }
            } else if start >= 0 {
                words.append(c[start..<i])
                start = -1
            }
            i += 1
        }
        if start >= 0 { words.append(c[start..<i]) }
        // Mend "and" broken across a line end ("(b) a" / "nd (d)", "(b) an" / "d (d)").
        let and: [UInt8] = [0x41, 0x4E, 0x44]
        var merged: [[UInt8]] = []
        for w in words {
            if let last = merged.last, last + w == and, last.count < 3 { merged[merged.count - 1] = and } else { merged.append(Array(w)) }
        }
        // Single letters a–h count (a bit each: no set of strings to build and sort); AND/OR are skipped; any
        // other word ends the list.
        var letters: UInt8 = 0
        for w in merged {
            if w.count == 1, (0x41...0x48).contains(w[0]) { letters |= 1 << (w[0] - 0x41); continue }
            if w == and || w == [0x4F, 0x52] { continue }
            break
        }
        return (section, (0..<8).filter { letters & (1 << $0) != 0 }.map { String(UnicodeScalar(0x61 + UInt8($0))) })
    }
}
