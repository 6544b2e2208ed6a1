/// Reads portion marks: `(C)`, `(S//NF)`, `(S//FGI//NF)`, `(C/REL NATO)`, `(SBU/NF)`, `(U//FOUO)`, telling
/// them apart from words in parentheses that are not marks (`(CHINA)`, `(1)`).
enum MarkingReader {
    /// Reads a mark whose `(` is at `at`; returns the marking and the index after `)`, or nil when the
    /// parentheses do not hold a mark.
    static func read(_ t: ByteText, at: Int, end: Int) -> (PortionMarking, Int)? {
        guard at < end, t[at] == 0x28 else { return nil }  // (
        let limit = min(end, at + 48)
        var j = at + 1
        while j < limit, t[j] != 0x29 {  // )
            let c = t[j]
            guard ByteText.isAlnum(c) || c == 0x2F || c == 0x20 || c == 0x2C || c == 0x2D else { return nil }
            j += 1
        }
        guard j < limit, j > at + 1 else { return nil }
        if let m = common(t, at + 1, j) { return (m, j + 1) }
        // `(1)`, `(2)`: text opening with a digit is never a mark (no level starts with one, and `parse`
        // refuses mark-shaped text that does).
        if ByteText.isDigit(t[t.skipSpaces(at + 1, j)]) { return nil }
        if isLetteredItem(t, at + 1, j) || isPlainWords(t, at + 1, j) { return nil }
        if let m = acronymMark(t, at + 1, j) { return (m, j + 1) }
        guard let m = parse(t.string(at + 1, j)) else { return nil }
        return (m, j + 1)
    }

    /// `(a)`, `(more)`: letters only, some of them lower case, and no level: `parse` gives nil for them (no
    /// level, and text with lower case is not mark-shaped), so they are refused without building strings.
    private static func isLetteredItem(_ t: ByteText, _ from: Int, _ to: Int) -> Bool {
        var lower = false
        for i in from..<to {
            let c = t[i]
            guard ByteText.isAlpha(c) else { return false }
            if ByteText.isLower(c) { lower = true }
        }
        guard lower else { return false }
        for w: StaticString in ["U", "UNCLAS", "UNCLASSIFIED", "SBU", "SENSITIVE", "C", "CONFIDENTIAL", "S", "SECRET", "TS"] where t.isWordCI(from, to, w) {
            return false
        }
        return true
    }

    /// `(Ref A)`, `(SEPBLAC)`, `(B)`: text without a slash that is no level and not mark-shaped (it has a
    /// lower-case letter or a space, or not 2–4 characters): `parse` gives nil for it, so it is refused without
    /// building strings. `from..<to` holds only the ASCII bytes `read` lets through.
    static func isPlainWords(_ t: ByteText, _ from: Int, _ to: Int) -> Bool {
        let lo = t.skipSpaces(from, to), hi = t.trimEnd(lo, to)
        guard lo < hi else { return true }  // no token: no mark
        var lower = false, space = false
        for i in lo..<hi {
            let c = t[i]
            if c == 0x2F { return false }
            if ByteText.isLower(c) { lower = true } else if c == 0x20 { space = true }
        }
        if !lower, !space, (2...4).contains(hi - lo) { return false }  // mark-shaped: `(LOU)`
        for w: StaticString in ["U", "UNCLAS", "UNCLASSIFIED", "SBU", "SENSITIVE", "SENSITIVE BUT UNCLASSIFIED", "C", "CONFIDENTIAL", "S", "SECRET",
                                "TS", "TOP SECRET"] where t.isWordCI(lo, hi, w) {
            return false
        }
        return true
    }

    /// `(PSOE)`, `(WFP)`, `(EU)`: 2–4 upper-case letters or digits (no slash, space or lower case) that name no
    /// level: mark-shaped, so `parse` reads them as an unknown mark; built here from the bytes without
    /// splitting and upper-casing strings. `from..<to` holds only the ASCII bytes `read` lets through.
    static func acronymMark(_ t: ByteText, _ from: Int, _ to: Int) -> PortionMarking? {
        let lo = t.skipSpaces(from, to), hi = t.trimEnd(lo, to)
        guard (2...4).contains(hi - lo), !ByteText.isDigit(t[lo]) else { return nil }
        for i in lo..<hi where t[i] == 0x2F || t[i] == 0x20 || ByteText.isLower(t[i]) { return nil }
        for w: StaticString in ["SBU", "TS"] where t.isWord(lo, hi, w) { return nil }  // the levels of 2–4 upper-case letters
        return PortionMarking(classification: .unknown, written: t.string(lo, hi))
    }

    /// The most frequent marks, read without building strings.
    private static let frequent: [(bytes: [UInt8], marking: PortionMarking)] = ["C", "U", "S", "SBU", "TS", "S//NF", "C//NF", "S/NF", "C/NF", "SBU/NF"].map {
        (Array($0.utf8), parseText($0)!)
    }

    /// The frequent mark spelled by `from..<to`, or nil. Compared as bytes by length, without walking
    /// `frequent` (each of its entries copied out retains an array and a marking): the index into it.
    static func common(_ t: ByteText, _ from: Int, _ to: Int) -> PortionMarking? {
        let k: Int
        switch to - from {
        case 1:
            switch t[from] {
            case 0x43: k = 0  // C
            case 0x55: k = 1  // U
            case 0x53: k = 2  // S
            default: return nil
            }
        case 2: guard t.isWord(from, to, "TS") else { return nil }; k = 4
        case 3: guard t.isWord(from, to, "SBU") else { return nil }; k = 3
        case 4:
            if t.isWord(from, to, "S/NF") { k = 7 } else if t.isWord(from, to, "C/NF") { k = 8 } else { return nil }
        case 5:
            if t.isWord(from, to, "S//NF") { k = 5 } else if t.isWord(from, to, "C//NF") { k = 6 } else { return nil }
        case 6: guard t.isWord(from, to, "SBU/NF") else { return nil }; k = 9
        default: return nil
        }
        return frequent[k].marking
    }

    /// `common` by walking `frequent`: the reference its byte comparisons are checked against.
    static func commonByList(_ t: ByteText, _ from: Int, _ to: Int) -> PortionMarking? {
        let n = to - from
        guard n <= 6 else { return nil }
        outer: for f in frequent where f.bytes.count == n {
            for k in 0..<n where t[from + k] != f.bytes[k] { continue outer }
            return f.marking
        }
        return nil
    }

    /// Parses the text between the parentheses. Unknown but mark-shaped text (`(LOU)`, `(X/NF)`) becomes an
    /// `.unknown` marking; text that is not mark-shaped gives nil.
    static func parse(_ inner: String) -> PortionMarking? {
        // The frequent marks were parsed once, below.
        if inner.utf8.count <= 6 {
            for f in frequent where f.bytes.elementsEqual(inner.utf8) { return f.marking }
        }
        return parseText(inner)
    }

    private static func parseText(_ inner: String) -> PortionMarking? {
        let written = inner.trimmingSpaces
        let up = written.uppercasedFast()
        let tokens = slashTokens(up)
        guard let first = tokens.first, !first.isEmpty else { return nil }
        if let level = Classification(token: first) {
            var controls: [String] = []
            var unknownControl = false
            for raw in tokens.dropFirst() {
                if let c = canonicalControl(raw) { if !controls.contains(c) { controls.append(c) } } else { unknownControl = true }
            }
            // A mark with a control we cannot read is inconsistent: fail closed to unknown.
            return PortionMarking(classification: unknownControl ? .unknown : level, controls: controls, written: written)
        }
        // Mark-shaped but unreadable: short upper-case text with a slash, or 2–4 letters.
        let letters = first.filter { $0 != " " }
        let isShaped = written == up && !(first.first?.isNumber ?? true)
            && ((tokens.count > 1 && letters.count <= 5) || (tokens.count == 1 && (2...4).contains(letters.count) && !first.contains(" ")))
        return isShaped ? PortionMarking(classification: .unknown, written: written) : nil
    }

    /// The pieces of `up` between slashes (empty ones left out), each without spaces around it: what
    /// `slashTokensByCharacters` gives, split on the bytes when `up` is ASCII (a `/` byte is a Character of its
    /// own there), which saves the split over Characters (~5,500 instructions a mark).
    static func slashTokens(_ up: String) -> [String] {
        var up = up
        let fast: [String]? = up.withUTF8 { b -> [String]? in
            for c in b where c >= 0x80 { return nil }
            var tokens: [String] = []
            var i = 0
            while i < b.count {
                while i < b.count, b[i] == 0x2F { i += 1 }
                guard i < b.count else { break }
                let s = i
                while i < b.count, b[i] != 0x2F { i += 1 }
                tokens.append(String(decoding: UnsafeBufferPointer(rebasing: b[s..<i]), as: UTF8.self).trimmingSpaces)
            }
            return tokens
        }
        return fast ?? slashTokensByCharacters(up)
    }

    /// `slashTokens` over Characters: for text that is not ASCII, and the reference the byte split is tested
    /// against.
    static func slashTokensByCharacters(_ up: String) -> [String] {
        up.split(separator: "/", omittingEmptySubsequences: true).map { $0.trimmingSpaces }
    }

    /// The canonical name of a dissemination control token, or nil when it is not one.
    static func canonicalControl(_ raw: String) -> String? {
        let s = hasSingleSpaces(raw) ? raw : raw.split(separator: " ").joined(separator: " ")
        switch s {
        case "NF", "NOFORN": return "NOFORN"
        case "FGI": return "FGI"
        case "OC", "ORCON": return "ORCON"
        case "FOUO": return "FOUO"
        case "PR", "PROPIN": return "PROPIN"
        case "EFTO": return "EFTO"
        case "SI", "TK", "HCS", "SAR": return s
        case "MR": return "MR"
        default:
            if s.hasPrefix("REL TO ") { return "REL TO " + s.dropFirst(7) }
            if s.hasPrefix("REL ") { return "REL TO " + s.dropFirst(4) }
            if s.hasPrefix("REL"), s.count > 3, s.count <= 12 { return "REL TO " + s.dropFirst(3) }
            return nil
        }
    }
}

extension MarkingReader {
    /// True when `s` is ASCII with no space at either end and none doubled: splitting it on spaces and
    /// joining the pieces with one gives it back (its characters are its bytes; a CR LF pair is no space).
    static func hasSingleSpaces(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { buf in
            guard buf.first != 0x20, buf.last != 0x20 else { return false }
            var previous: UInt8 = 0
            for c in buf {
                if c >= 0x80 || (c == 0x20 && previous == 0x20) { return false }
                previous = c
            }
            return true
        } ?? false
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        // ASCII text: its characters are its bytes but for a CR LF pair, which is none of the four and so
        // stops the trimming as the character does.
        let fast: String?? = utf8.withContiguousStorageIfAvailable { buf -> String? in
            for c in buf where c >= 0x80 { return nil }
            @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
            var lo = 0, hi = buf.count
            while lo < hi, isSpace(buf[lo]), !(buf[lo] == 0x0D && lo + 1 < buf.count && buf[lo + 1] == 0x0A) { lo += 1 }
            while hi > lo, isSpace(buf[hi - 1]), !(buf[hi - 1] == 0x0A && hi - 2 >= 0 && buf[hi - 2] == 0x0D) { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[lo..<hi]), as: UTF8.self)
        }
        if let fast, let fast { return fast }
        return trimmingSpacesByCharacters
    }

    /// `trimmingSpaces` over Characters, for text that is not ASCII.
    var trimmingSpacesByCharacters: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }

    /// The text with runs of white space folded to one space and trimmed.
    var foldingSpaces: String {
        // ASCII text without a CR LF pair: its bytes folded (`String.foldedASCII`).
        let fast: String?? = utf8.withContiguousStorageIfAvailable { String.foldedASCII($0) }
        if let fast, let fast { return fast }
        return split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
