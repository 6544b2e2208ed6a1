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
        var byEnd = upper.count
        for marker in markers {
            if let at = ByteSearch.occurrences(of: marker, in: upper, caseless: false).first, at.lowerBound < byEnd { byEnd = at.lowerBound }
        }
        var by = String(decoding: bytes[..<byEnd], as: UTF8.self).trimmingSpaces
        while let l = by.last, l == "." || l == "," || l == ";" || l == ":" { by.removeLast() }
        let (section, reasons) = readReasons(upper)
        return ClassificationAuthority(by: by.trimmingSpaces, section: section, reasons: reasons, derived: derived, line: line)
    }

    private static let markers: [[UInt8]] = [" FOR REASON", ", REASON", ". REASON", "; REASON", ": REASON", " REASON", " FOR 1.",
                                             " 1.4", " 1.5", ", 1.4", ": 1.4", ", 1.5", ": 1.5"].map { Array($0.utf8) }

    /// Finds `1.4`/`1.5` and the reason letters a–h that follow it, in upper-case text.
    static func readReasons(_ upper: String) -> (String?, [String]) {
        readReasons(Array(upper.utf8))
    }

    /// Finds `1.4`/`1.5` and the reason letters a–h that follow it, in upper-case UTF-8 bytes.
    static func readReasons(_ upperBytes: [UInt8]) -> (String?, [String]) {
        let chars = upperBytes.map { Character(Unicode.Scalar($0 < 0x80 ? $0 : 0x20)) }
        var i = 0
        var section: String?
        while i + 2 < chars.count {
            if chars[i] == "1", chars[i + 1] == ".", chars[i + 2] == "4" || chars[i + 2] == "5",
               i + 3 == chars.count || !chars[i + 3].isASCIIDigit, i == 0 || !chars[i - 1].isASCIIDigit && chars[i - 1] != "." {
                section = "1.\(chars[i + 2])"
                i += 3
                break
            }
            i += 1
        }
        guard let section else { return (nil, []) }
        // Tokens after the section: letter runs; a digit ends the list (a date, another section).
        var tokens: [String] = []
        var word = ""
        while i < chars.count, !chars[i].isASCIIDigit {
            if chars[i].isLetter { word.append(chars[i]) } else if !word.isEmpty { tokens.append(word); word = "" }
            i += 1
        }
        if !word.isEmpty { tokens.append(word) }
        // Mend "and" broken across a line end ("(b) a" / "nd (d)", "(b) an" / "d (d)").
        var merged: [String] = []
        for tok in tokens {
            if let last = merged.last, last + tok == "AND", last == "A" || last == "AN" { merged[merged.count - 1] = "AND" } else { merged.append(tok) }
        }
        // Single letters a–h count; AND/OR are skipped; any other word ends the list.
        var letters = Set<String>()
        for tok in merged {
            if tok.count == 1, let c = tok.first, ("A"..."H").contains(c) { letters.insert(c.lowercased()); continue }
            if tok == "AND" || tok == "OR" { continue }
            break
        }
        return (section, letters.sorted())
    }
}
