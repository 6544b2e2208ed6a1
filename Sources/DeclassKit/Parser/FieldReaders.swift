/// Reads the values of the preamble's one-line and multi-line fields once their lines are known:
/// TAGS, SUBJECT and the REF list.
enum FieldReaders {
    /// Removes Markdown-like rendering artifacts: `[PREL](#)` → `PREL`, `[1](#)B.` → `B.`, `- [B. ASTANA 0957](#)` → `B. ASTANA 0957`.
    static func stripArtifacts(_ s: String) -> String {
        // No "[": looked for in the string's contiguous bytes (`utf8.contains` steps an index a byte at a time,
        // about 1,800 instructions for a subject).
        guard s.utf8.withContiguousStorageIfAvailable({ $0.contains(0x5B) }) ?? s.utf8.contains(0x5B) else { return s }
        // ASCII text is stripped on its bytes: `firstRange(of:)` over Characters costs tens of thousands of
        // instructions a call, and there `[` and `](#)` are the same bytes whether read as Characters or not
        // (a CR LF pair, the one multi-byte Character, holds neither).
        if !s.utf8.contains(where: { $0 >= 0x80 }) {
            return String(decoding: ASCIIFields.stripArtifacts(Array(s.utf8)), as: UTF8.self)
        }
        return stripArtifactsByCharacters(s)
    }

    /// `stripArtifacts` over Characters: the reference the byte reading is checked against, and the reader
    /// of non-ASCII text.
    static func stripArtifactsByCharacters(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstRange(of: "](#)") {
                let inner = after[..<close.lowerBound]
                // `[1](#)` is a rendered ¶ sign: drop it; any other `[X](#)` keeps its text.
                if inner != "1" { out += inner }
                rest = after[close.upperBound...]
            } else {
                out += "["
                rest = after
            }
        }
        out += rest
        return out
    }

    // Built once (as literals they would be built again on every call).
    private static let dot: Set<Character> = ["."]
    private static let commaSpace: Set<Character> = [",", " "]
    private static let fieldNames = ["REF", "REFS", "REFTEL", "REFTELS", "REF:", "REFS:"]
    private static let fillers: Set<String> = ["REF", "REFTEL", "REFS", "AND", "SEE", "ALSO", "THE", "OF", "IN", "TO"]

    /// TAGS codes from the text after `TAGS`: split on spaces and commas, artifacts removed, upper-cased.
    static func tags(_ text: String) -> [String] {
        ASCIIFields.tags(text) ?? generalTags(text)
    }

    /// TAGS codes of any text, word by word as `String`s (`ASCIIFields.tags` reads ASCII faster).
    static func generalTags(_ text: String) -> [String] {
        stripArtifacts(text)
            .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == ";" })
            .map { $0.uppercasedFast().trimmingCharacters(dot) }
            .filter { !$0.isEmpty }
    }

    /// True when a line holds nothing but tag-like codes (`AF, PK, KZ`), so that it continues a TAGS field.
    static func looksLikeTagCodes(_ text: String) -> Bool {
        looksLikeTagCodesASCII(text) ?? looksLikeTagCodesByCharacters(text)
    }

    /// `looksLikeTagCodes` on the bytes of ASCII text without `[` (no artifacts to strip) or a carriage return:
    /// there each character is a byte and only `A`–`Z` are upper case (the Unicode properties asked of every
    /// character cost some 30,000 instructions a line). Nil for other text.
    static func looksLikeTagCodesASCII(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { b -> Bool? in
            for c in b where c >= 0x80 || c == 0x5B || c == 0x0D { return nil }
            var tokens = 0
            var i = 0
            while i < b.count {
                while i < b.count, b[i] == 0x20 || b[i] == 0x2C { i += 1 }
                guard i < b.count else { break }
                let s = i
                var ok = true
                while i < b.count, b[i] != 0x20, b[i] != 0x2C {
                    if !(ByteText.isUpper(b[i]) || ByteText.isDigit(b[i]) || b[i] == 0x5F) { ok = false }
                    i += 1
                }
                tokens += 1
                guard ok, (2...6).contains(i - s), tokens <= 16 else { return false }
            }
            return tokens > 0
        }
    }

    /// `looksLikeTagCodes` over characters (the reference the byte reading is checked against).
    static func looksLikeTagCodesByCharacters(_ text: String) -> Bool {
        let toks = stripArtifacts(text).split(whereSeparator: { $0 == " " || $0 == "," })
        guard !toks.isEmpty, toks.count <= 16 else { return false }
        return toks.allSatisfy { t in (2...6).contains(t.count) && t.allSatisfy { $0.isUppercase || $0.isASCIIDigit || $0 == "_" } }
    }

    /// The REF list: entries split on letters (`A.`, `B)`, `(C)`) or semicolons, each with the cable it names.
    static func references(_ text: String, citingYear: Int?) -> [Reference] {
        ASCIIReferenceReader.references(text, citingYear: citingYear) ?? generalReferences(text, citingYear: citingYear)
    }

    /// The REF list of any text, read word by word as `String`s (`ASCIIReferenceReader` reads ASCII faster).
    static func generalReferences(_ text: String, citingYear: Int?) -> [Reference] {
        // A unit's words come folded; other text is folded here. `- ` bullets are dropped as tokens below.
        let cleaned = stripArtifacts(text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) ? text.foldingSpaces : text)
        var entries: [(String?, String)] = []
        // Split on letter bullets: a capital letter followed by '.' or ')' standing as its own token.
        // `C)2008`: a bullet glued to the entry is split from it.
        let tokens = cleaned.split(separator: " ", omittingEmptySubsequences: true).flatMap { tok -> [String] in
            let u = tok.utf8
            if u.count > 2, ByteText.isUpper(u[u.startIndex]), u[u.index(after: u.startIndex)] == 0x29 {
                let cut = tok.index(tok.startIndex, offsetBy: 2)
                return [String(tok[..<cut]), String(tok[cut...])]
            }
            return [String(tok)]
        }
        var current: [String] = []
        var letter: String?
        func flush() {
            let body = current.joined(separator: " ").trimmingSpaces
            // `REF: REF (A) MADRID 3785`: the field name written twice is not an entry.
            if !body.isEmpty, !fieldNames.contains(body.uppercasedFast()) {
                for piece in body.split(separator: ";") where !piece.trimmingSpaces.isEmpty {
                    entries.append((letter, piece.trimmingSpaces.trimmingCharacters(commaSpace)))
                }
            }
            current = []
        }
        for tok in tokens where tok != "-" {
            if let l = bulletLetter(tok) {
                flush()
                letter = l
                continue
            }
            current.append(tok)
        }
        flush()
        return entries.map { Reference(letter: $0.0, text: $0.1, cableID: cableID(in: $0.1, citingYear: citingYear)) }
    }

    private static func bulletLetter(_ tok: String) -> String? {
        var t = Substring(tok)
        if t.hasPrefix("¶") { t = t.dropFirst() }  // `¶B. BAKU 1819`: a rendered paragraph sign before the letter
        if t.hasPrefix("(") { t = t.dropFirst() }
        guard t.count == 2, let c = t.first, c.isUppercase, c.isLetter, t.last == "." || t.last == ")" else { return nil }
        return String(c)
    }

    /// Finds a cable named in a reference (`ASTANA 0319`, `09 STATE 122115`, `SECSTATE 54767`) and returns its
    /// canonical id (`09ASTANA319`).
    static func cableID(in text: String, citingYear: Int?) -> String? {
        let words = text.uppercasedFast().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ":" })
        var i = 0
        while i < words.count {
            var year: Int?
            var j = i
            if j + 2 < words.count, let y = referenceYear(words[j]) { year = y; j += 1 }
            var origin: [Substring] = []
            while j < words.count, origin.count < 3, words[j].utf8.count >= 2, words[j].utf8.allSatisfy({ ByteText.isAlpha($0) }) {
                origin.append(words[j]); j += 1
            }
            if let last = origin.last, last.utf8.count <= 9, DateReader.month(last) != nil { origin.removeAll() }
            if !origin.isEmpty, j < words.count {
                let num = words[j].prefix(while: \.isASCIIDigit)
                if (1...6).contains(num.count), num.count == words[j].count || words[j].dropFirst(num.count).allSatisfy({ !$0.isLetter && !$0.isNumber }),
                   let n = Int(num), n > 0 {
                    return canonicalID(origin: origin.map(String.init), serial: n, year: year, citingYear: citingYear)
                }
            }
            i += 1
        }
        return nil
    }

    /// The id of a referenced cable from its origin's words (`SECSTATE`, `ABU DHABI`), serial and year
    /// (the reference's own, else the citing cable's); nil without a year.
    static func canonicalID(origin: [String], serial: Int, year: Int?, citingYear: Int?) -> String? {
        var words = origin
        // Prefer the longest origin that is a post name: drop leading filler words.
        while let f = words.first, fillers.contains(f), words.count > 1 { words.removeFirst() }
        var name = words.joined()
        if name == "SECSTATE" { name = "STATE" }
        guard let y = year ?? citingYear.map({ $0 % 100 }) else { return nil }
        return idText(year: y, name: name, serial: serial)
    }

    /// `(y < 10 ? "0\(y)" : "\(y)") + name + "\(serial)"`, written into one string's bytes when the year has
    /// two digits and the serial is not negative (always, but for odd input): the interpolations and
    /// concatenations built three strings on the way (~1,000 instructions an id).
    static func idText(year y: Int, name: String, serial: Int) -> String {
        guard (0..<100).contains(y), serial >= 0 else { return idTextByInterpolation(year: y, name: name, serial: serial) }
        var digits = 1
        var rest = serial
        while rest >= 10 { rest /= 10; digits += 1 }
        let count = 2 + name.utf8.count + digits
        return String(unsafeUninitializedCapacity: count) { out in
            out[0] = UInt8(0x30 + y / 10)
            out[1] = UInt8(0x30 + y % 10)
            var k = 2
            for c in name.utf8 { out[k] = c; k += 1 }
            var v = serial
            for d in stride(from: count - 1, through: k, by: -1) {
                out[d] = UInt8(0x30 + v % 10)
                v /= 10
            }
            return count
        }
    }

    /// `idText` by interpolation: for the other years and serials, and the reference it is tested against.
    static func idTextByInterpolation(year y: Int, name: String, serial: Int) -> String {
        (y < 10 ? "0\(y)" : "\(y)") + name + "\(serial)"
    }

    /// The two-digit year a reference writes before the post: `09`, `(08)`, `2007` (`2007 VLADIVOSTOK 095`).
    private static func referenceYear(_ word: Substring) -> Int? {
        var w = word
        if w.hasPrefix("("), w.hasSuffix(")") { w = w.dropFirst().dropLast() }
        guard w.allSatisfy(\.isASCIIDigit), let v = Int(w) else { return nil }
        switch w.count {
        case 2: return v
        case 4 where (1940...2099).contains(v): return v % 100
        default: return nil
        }
    }
}

extension String {
    func trimmingCharacters(_ chars: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
