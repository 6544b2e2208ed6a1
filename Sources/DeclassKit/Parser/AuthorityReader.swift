/// Reads `Classified By:` blocks: the classifier and the reasons in every written form (`1.4 (b,d)`,
/// `1.4 (B), (D)`, `1.4(b) and (d)`, `REASONS 1.5 (B) AND (D)`, `1.4 b and d`, `1.4 (B/D)`, `1.4 (B)(D)`).
enum AuthorityReader {
    /// Reads the block's text (its lines joined by spaces), starting with `Classified By`.
    static func read(_ text: String, line: Int) -> ClassificationAuthority {
        readASCII(text, line: line) ?? readByCharacters(text, line: line)
    }

    /// `read` on the bytes of ASCII text without a carriage return (nearly every block; a unit's words come
    /// folded): there each character is one byte, so folding, dropping the field name and trimming bytes gives
    /// what the same steps give over characters, without the intermediate strings and arrays. Nil for other text.
    static func readASCII(_ text: String, line: Int) -> ClassificationAuthority? {
        var text = text
        return text.withUTF8 { src -> ClassificationAuthority? in
            // A unit's words come folded already (`Cable.words`): read in place, without the copy and the
            // byte-at-a-time fold (~12 instructions a byte, with the test for ASCII before it).
            if isFoldedASCII(src) { return read(folded: ByteText(src), line: line) }
            for c in src where c >= 0x80 || c == 0x0D { return nil }
            // Folded as `foldingSpaces` folds: runs of spaces, tabs and line feeds become one space, none first or last.
            var folded = [UInt8](repeating: 0, count: src.count)
            var n = 0
            var pending = false
            for c in src {
                if c == 0x20 || c == 0x09 || c == 0x0A {
                    pending = n > 0
                } else {
                    if pending { folded[n] = 0x20; n += 1; pending = false }
                    folded[n] = c
                    n += 1
                }
            }
            return folded.withUnsafeBufferPointer { buf -> ClassificationAuthority in
                read(folded: ByteText(UnsafeBufferPointer(rebasing: buf[0..<n])), line: line)
            }
        }
    }

    /// True when `src` is ASCII without a byte below 0x20 and without a space first, last or after another
    /// space: text that the fold of `readASCII` gives back as it is. Eight bytes a test, as words.
    static func isFoldedASCII(_ src: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = src.count
        guard n > 0 else { return true }
        guard src[0] != 0x20, src[n - 1] != 0x20 else { return false }
        let k01: UInt64 = 0x0101_0101_0101_0101, k80 = k01 << 7
        var i = 0
        while i + 8 <= n {
            let x = VerbatimChunk.load(src, i)
            // 0x80 in each byte below 0x20 (a borrow runs on only from such a byte: none flagged without one).
            let control = (x &- k01 &* 0x20) & ~x & k80
            let y = x ^ (k01 &* 0x20)
            // 0x80 in each byte that is a space (exact per byte: no carries between bytes).
            let spaces = ~(((y & ~k80) &+ ~k80) | y) & k80
            guard (x & k80) | control | (spaces & (spaces >> 8)) == 0 else { return false }
            // A space last, and another first in the next eight.
            if spaces >> 63 != 0, i + 8 < n, src[i + 8] == 0x20 { return false }
            i += 8
        }
        while i < n {
            let c = src[i]
            if c >= 0x80 || c < 0x20 || (c == 0x20 && src[i - 1] == 0x20) { return false }
            i += 1
        }
        return true
    }

    /// `readASCII` of folded ASCII text `f`.
    private static func read(folded f: ByteText, line: Int) -> ClassificationAuthority {
        let n = f.count
        var i = 0
        // `(U) Classified By …`: after the first `)`, spaces skipped.
        if n > 0, f[0] == 0x28, let close = f.firstIndex(of: 0x29, 0, n) { i = close + 1; while i < n, f[i] == 0x20 { i += 1 } }
        i = min(n, i + 13)  // "CLASSIFIED BY".count characters, here bytes
        while i < n, f[i] == 0x3A || f[i] == 0x20 { i += 1 }
        let start = i
        // Written in place (a `map` over the offsets cost ~7 instructions a byte).
        let upper = [UInt8](unsafeUninitializedCapacity: n - start) { out, count in
            for k in start..<n { out[k - start] = ByteText.upper(f[k]) }
            count = n - start
        }
        let derived = upper.starts(with: "DERIVED FROM".utf8)
        let byEnd = i + (firstMarker(in: upper) ?? upper.count)
        // Trimmed, trailing `.,;:` removed, trimmed again (as `by` was built from a string).
        var lo = i, hi = byEnd
        while lo < hi, f[lo] == 0x20 { lo += 1 }
        while hi > lo, f[hi - 1] == 0x20 { hi -= 1 }
        while hi > lo, f[hi - 1] == 0x2E || f[hi - 1] == 0x2C || f[hi - 1] == 0x3B || f[hi - 1] == 0x3A { hi -= 1 }
        while hi > lo, f[hi - 1] == 0x20 { hi -= 1 }
        let (section, reasons) = readReasons(upper)
        return ClassificationAuthority(by: f.string(lo, hi), section: section, reasons: reasons, derived: derived, line: line)
    }

    /// `read` over characters, for any text (and the reference the byte reading is checked against).
    static func readByCharacters(_ text: String, line: Int) -> ClassificationAuthority {
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
        let (section, reasons) = readReasonsByWords(upper)
        return ClassificationAuthority(by: by.trimmingSpaces, section: section, reasons: reasons, derived: derived, line: line)
    }

    /// Where the first of the `markers` starts in `hay`, in one pass: every marker opens with a space or
    /// punctuation, and only there are the ones opening with that byte tried, spelled in place (walking
    /// `markers` copied out and released an array for each of them at each space).
    static func firstMarker(in hay: [UInt8]) -> Int? {
        hay.withUnsafeBufferPointer { b -> Int? in
            let t = ByteText(b), n = b.count
            for i in 0..<n {
                let after = i + 1
                switch b[i] {
                case 0x20:  // " FOR REASON", " REASON", " FOR 1.", " 1.4", " 1.5"
                    if t.hasPrefix(after, n, "FOR REASON") || t.hasPrefix(after, n, "REASON") || t.hasPrefix(after, n, "FOR 1.")
                        || t.hasPrefix(after, n, "1.4") || t.hasPrefix(after, n, "1.5") { return i }
                case 0x2C, 0x3A:  // ", REASON", ", 1.4", ", 1.5", ": REASON", ": 1.4", ": 1.5"
                    if t.hasPrefix(after, n, " REASON") || t.hasPrefix(after, n, " 1.4") || t.hasPrefix(after, n, " 1.5") { return i }
                case 0x2E, 0x3B:  // ". REASON", "; REASON"
                    if t.hasPrefix(after, n, " REASON") { return i }
                default:
                    continue
                }
            }
            return nil
        }
    }

    /// `firstMarker` by walking `markers`: the reference the spelled tests are checked against.
    static func firstMarkerByList(in hay: [UInt8]) -> Int? {
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

    /// The first `1.4` or `1.5` standing alone in `c` (not inside a longer number) and the offset after it.
    private static func findSection(_ c: [UInt8]) -> (String, Int)? {
        var i = 0
        while i + 2 < c.count {
            if c[i] == 0x31, c[i + 1] == 0x2E, c[i + 2] == 0x34 || c[i + 2] == 0x35,
               i + 3 == c.count || !ByteText.isDigit(c[i + 3]), i == 0 || (!ByteText.isDigit(c[i - 1]) && c[i - 1] != 0x2E) {
                return (c[i + 2] == 0x34 ? "1.4" : "1.5", i + 3)
            }
            i += 1
        }
        return nil
    }

    /// Finds `1.4`/`1.5` and the reason letters a–h that follow it, in upper-case UTF-8 bytes.
    static func readReasons(_ c: [UInt8]) -> (String?, [String]) {
        guard let found = findSection(c) else { return (nil, []) }
        let section = found.0
        var i = found.1
        // Words after the section: letter runs; a digit ends the list (a date, another section). "and" broken
        // across a line end ("(b) a" / "nd (d)", "(b) an" / "d (d)") is mended: a word of one or two letters
        // that, with the next, spells AND reads as AND. Single letters a–h count (a bit each); AND/OR are
        // skipped; any other word ends the list. A word is judged once the next is known not to mend it, so
        // the words are read one after the other, without arrays of them.
        var letters: UInt8 = 0
        var pending: Range<Int>? = nil  // the last word, not yet judged
        var pendingIsAnd = false  // the last word is a mended AND
        /// Judges `w` (or a mended AND); false when it ends the list.
        func take(_ w: Range<Int>, isAnd: Bool) -> Bool {
            if isAnd { return true }
            if w.count == 1, (0x41...0x48).contains(c[w.lowerBound]) { letters |= 1 << (c[w.lowerBound] - 0x41); return true }
            return isWord(c, w, "AND") || isWord(c, w, "OR")
        }
        var start = -1
        var ended = false
        while !ended, i <= c.count {
            let atEnd = i == c.count || ByteText.isDigit(c[i])
            if !atEnd, ByteText.isAlpha(c[i]) {
                if start < 0 { start = i }
            } else if start >= 0 {
                let w = start..<i
                start = -1
                if let p = pending, !pendingIsAnd, p.count < 3, p.count + w.count == 3, spellsAnd(c, p, w) {
                    pendingIsAnd = true
                } else {
                    if let p = pending, !take(p, isAnd: pendingIsAnd) { ended = true; break }
                    pending = w
                    pendingIsAnd = false
                }
            }
            if atEnd { break }
            i += 1
        }
        if !ended, let p = pending { _ = take(p, isAnd: pendingIsAnd) }
        return (section, reasonLetters.indices.filter { letters & (1 << $0) != 0 }.map { reasonLetters[$0] })
    }

    /// `a` to `h`, the reasons of §1.4, made once.
    private static let reasonLetters: [String] = (0..<8).map { String(UnicodeScalar(0x61 + UInt8($0))) }

    /// True when the bytes of `w` are exactly `word`.
    private static func isWord(_ c: [UInt8], _ w: Range<Int>, _ word: StaticString) -> Bool {
        guard w.count == word.utf8CodeUnitCount else { return false }
        for k in 0..<w.count where c[w.lowerBound + k] != word.utf8Start[k] { return false }
        return true
    }

    /// True when the bytes of `a` followed by those of `b` spell `AND`.
    private static func spellsAnd(_ c: [UInt8], _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        let and: [UInt8] = [0x41, 0x4E, 0x44]
        for (k, j) in zip(0..., a) where c[j] != and[k] { return false }
        for (k, j) in zip(a.count..., b) where c[j] != and[k] { return false }
        return true
    }

    /// `readReasons` as a list of words merged then read (the reference the streaming reading is checked
    /// against; text that is not ASCII is read this way).
    static func readReasonsByWords(_ c: [UInt8]) -> (String?, [String]) {
        guard let found = findSection(c) else { return (nil, []) }
        let section = found.0
        var i = found.1
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
