/// The REF list of an ASCII field (rendered `¶` signs allowed), read from its bytes: exactly what `FieldReaders.references` reads, without
/// a `String` per word (nearly every cable's REF field is ASCII; any other text takes the general reader).
enum ASCIIReferenceReader {
    /// The entries of `text`, or nil when it is not ASCII (`¶` aside) or holds a CR LF pair, for the general reader.
    static func references(_ text: String, citingYear: Int?) -> [Reference]? {
        guard let cleaned = clean(text) else { return nil }
        var entries: [Reference] = []
        var letter: String?
        var current: [UInt8] = []  // the words since the last bullet, joined by single spaces
        func flush() {
            defer { current.removeAll(keepingCapacity: true) }
            guard !current.isEmpty, !isFieldName(current) else { return }
            // The pieces between `;` (empty ones left out, as `split` leaves them), walked in place.
            var k = 0
            while k < current.count {
                while k < current.count, current[k] == 0x3B { k += 1 }
                guard k < current.count else { break }
                let s = k
                while k < current.count, current[k] != 0x3B { k += 1 }
                let piece = current[s..<k]
                guard piece.contains(where: { $0 != 0x20 }) else { continue }
                let entry = trim(piece)
                entries.append(Reference(letter: letter, text: String(decoding: entry, as: UTF8.self),
                                         cableID: cableID(entry, citingYear: citingYear)))
            }
        }
        func take(_ token: ArraySlice<UInt8>) {
            if token.count == 1, token.first == 0x2D { return }  // a `-` bullet
            if let l = bulletLetter(token) {
                flush()
                letter = l
                return
            }
            if !current.isEmpty { current.append(0x20) }
            current += token
        }
        // The words between spaces (empty ones left out, as `split` leaves them), walked in place rather than
        // gathered into an array of slices first (~2,900 instructions a field).
        var i = 0
        while i < cleaned.count {
            while i < cleaned.count, cleaned[i] == 0x20 { i += 1 }
            guard i < cleaned.count else { break }
            let s = i
            while i < cleaned.count, cleaned[i] != 0x20 { i += 1 }
            let token = cleaned[s..<i]
            // `C)2008`: a bullet glued to its entry is split from it.
            if token.count > 2, ByteText.isUpper(token[token.startIndex]), token[token.startIndex + 1] == 0x29 {
                take(token.prefix(2))
                take(token.dropFirst(2))
            } else {
                take(token)
            }
        }
        flush()
        return entries
    }

    /// The text with white space runs folded to one space and rendering artifacts removed, or nil when it
    /// is not ASCII or holds a CR LF pair.
    private static func clean(_ text: String) -> [UInt8]? {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var pending = false, cr = false, pilcrow = false
        for c in text.utf8 {
            // A rendered paragraph sign (`¶B. BAKU 1819`, C2 B6) is the one non-ASCII character read here.
            if pilcrow {
                guard c == 0xB6 else { return nil }
                pilcrow = false
            } else if c == 0xC2 {
                pilcrow = true
            } else if c >= 0x80 || (cr && c == 0x0A) {
                return nil
            }
            cr = c == 0x0D
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                pending = !folded.isEmpty
                continue
            }
            if pending { folded.append(0x20); pending = false }
            folded.append(c)
        }
        return pilcrow ? nil : ASCIIFields.stripArtifacts(folded)
    }

    /// `A.`, `B)`, `(C)`: a capital and a dot or parenthesis standing as a word, optionally after `(`.
    private static func bulletLetter(_ token: ArraySlice<UInt8>) -> String? {
        var t = token
        if t.count >= 2, t.first == 0xC2, t[t.startIndex + 1] == 0xB6 { t = t.dropFirst(2) }
        if t.first == 0x28 { t = t.dropFirst() }
        guard t.count == 2, ByteText.isUpper(t[t.startIndex]), t.last == 0x2E || t.last == 0x29 else { return nil }
        return String(UnicodeScalar(t[t.startIndex]))
    }

    /// `REF`, `REFS:`…: the field's name written again is not an entry.
    private static func isFieldName(_ words: [UInt8]) -> Bool {
        guard words.count <= 7 else { return false }
        let upper = String(decoding: words.map(ByteText.upper), as: UTF8.self)
        return ["REF", "REFS", "REFTEL", "REFTELS", "REF:", "REFS:"].contains(upper)
    }

    /// The piece without spaces around it, then without commas and spaces at either end.
    private static func trim(_ piece: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var p = piece
        while let f = p.first, f == 0x20 || f == 0x2C { p = p.dropFirst() }
        while let l = p.last, l == 0x20 || l == 0x2C { p = p.dropLast() }
        return p
    }

    /// The canonical id of the cable an entry names (`ASTANA 0319` → `09ASTANA319`), as
    /// `FieldReaders.cableID` finds it.
    static func cableID(_ entry: ArraySlice<UInt8>, citingYear: Int?) -> String? {
        let upper = entry.map(ByteText.upper)
        // The words' bounds go to a stack buffer and a candidate origin is the run of words `start..<j`, so
        // that no array is built per word or per candidate (an entry has at most (n + 1) / 2 words).
        return upper.withUnsafeBufferPointer { b in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: b.count / 2 + 1) { words -> String? in
                var count = 0
                var k = 0
                while k < b.count {
                    while k < b.count, isWordSeparator(b[k]) { k += 1 }
                    guard k < b.count else { break }
                    let s = k
                    while k < b.count, !isWordSeparator(b[k]) { k += 1 }
                    words[count] = s..<k
                    count += 1
                }
                func word(_ w: Int) -> Slice<UnsafeBufferPointer<UInt8>> { b[words[w]] }
                var i = 0
                while i < count {
                    var year: Int?
                    var j = i
                    if j + 2 < count, let y = referenceYear(word(j)) { year = y; j += 1 }
                    let start = j
                    while j < count, j - start < 3, words[j].count >= 2, word(j).allSatisfy(ByteText.isAlpha) { j += 1 }
                    if j > start, words[j - 1].count <= 9, ASCIIMonth.month(word(j - 1)) != nil { j = start }
                    if j > start, j < count {
                        let w = word(j)
                        let digits = w.prefix(while: ByteText.isDigit)
                        if (1...6).contains(digits.count), digits.count == w.count || w.dropFirst(digits.count).allSatisfy({ !ByteText.isAlpha($0) && !ByteText.isDigit($0) }),
                           let n = number(digits), n > 0 {
                            return canonicalID(b, words: UnsafeBufferPointer(rebasing: words[start..<j]), serial: n, year: year,
                                               citingYear: citingYear)
                        }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    /// `FieldReaders.canonicalID` of the origin words `words` (ranges of the upper-cased bytes `b`), on the
    /// bytes: the leading fillers skipped, the rest joined, `SECSTATE` read as `STATE`. An array of strings, a
    /// hashed lookup per filler and a join cost ~2,000 instructions an entry.
    private static func canonicalID(_ b: UnsafeBufferPointer<UInt8>, words: UnsafeBufferPointer<Range<Int>>, serial: Int, year: Int?,
                                    citingYear: Int?) -> String? {
        guard let y = year ?? citingYear.map({ $0 % 100 }) else { return nil }
        let t = ByteText(b)
        var first = 0
        while words.count - first > 1, isFiller(t, words[first]) { first += 1 }
        var count = 0
        for w in words[first...] { count += w.count }
        var name = String(unsafeUninitializedCapacity: count) { out in
            var k = 0
            for w in words[first...] {
                for i in w { out[k] = b[i]; k += 1 }
            }
            return count
        }
        if name == "SECSTATE" { name = "STATE" }
        return FieldReaders.idText(year: y, name: name, serial: serial)
    }

    /// True when the upper-cased word `w` is one `FieldReaders.canonicalID` skips before a post's name.
    private static func isFiller(_ t: ByteText, _ w: Range<Int>) -> Bool {
        for f: StaticString in ["REF", "REFTEL", "REFS", "AND", "SEE", "ALSO", "THE", "OF", "IN", "TO"] where t.isWord(w.lowerBound, w.upperBound, f) {
            return true
        }
        return false
    }

    /// Space, comma and colon: what the words of an entry are split on.
    @inline(__always) private static func isWordSeparator(_ c: UInt8) -> Bool { c == 0x20 || c == 0x2C || c == 0x3A }

    /// The two-digit year a reference writes before the post: `09`, `(08)`, `2007`.
    private static func referenceYear(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var w = word
        if w.first == 0x28, w.last == 0x29, w.count >= 2 { w = w.dropFirst().dropLast() }
        guard w.allSatisfy(ByteText.isDigit), let v = number(w) else { return nil }
        switch w.count {
        case 2: return v
        case 4 where (1940...2099).contains(v): return v % 100
        default: return nil
        }
    }

    /// The value of up to 18 ASCII digits, or nil for none.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
