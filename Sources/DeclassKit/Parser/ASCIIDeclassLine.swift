/// `DeclassLineReader.read` on the bytes of an ASCII E.O. line: the keywords tested and skipped by byte
/// offsets into the upper-cased instruction instead of dropping Characters from Substrings (each drop and
/// prefix walks grapheme breaks). On ASCII text without a carriage return every Character is one byte, so
/// the two readers agree; `DeclassLineReader.read` sends other text to the Character reader.
enum ASCIIDeclassLine {
    /// True when `folded` (the line with its spaces folded) can be read here: ASCII without a carriage return.
    static func accepts(_ folded: String) -> Bool {
        var s = folded
        return s.withUTF8 { buf in
            for c in buf where c >= 0x80 || c == 0x0D { return false }
            return true
        }
    }

    /// Reads `folded` (accepted by `accepts`) as `DeclassLineReader.readByCharacters` reads the line.
    static func read(_ folded: String, line: Int, pivot: Int?, diagnostics: inout [Diagnostic]) -> DeclassInstruction {
        var f = folded
        // The order number, then the instruction as written (after `:`, spaces, `;` and `,`).
        let (order, written): (String?, String) = f.withUTF8 { buf in
            let t = ByteText(buf)
            let n = t.count
            var p = 0
            var order: String?
            if t.digitRun(0, n) == 5 {
                order = t.string(0, 5)
                p = 5
            }
            while p < n, t[p] == 0x3A || t[p] == 0x20 || t[p] == 0x3B || t[p] == 0x2C { p += 1 }
            var e = n
            while e > p, t[e - 1] == 0x20 || t[e - 1] == 0x09 || t[e - 1] == 0x0A { e -= 1 }
            return (order, t.string(p, e))
        }
        var result = DeclassInstruction(kind: .unparsed, order: order, written: written, line: line)
        let u = written.uppercasedFast()
        var w = u
        return w.withUTF8 { buf in
            let t = ByteText(buf)
            let n = t.count
            /// The upper-cased instruction from byte `k` on, as the String reader's Substring.
            func from(_ k: Int) -> Substring { u[u.utf8.index(u.utf8.startIndex, offsetBy: k)...] }
            /// `k` moved past the bytes `skip` accepts.
            func skip(_ k: Int, _ accept: (UInt8) -> Bool) -> Int {
                var k = k
                while k < n, accept(t[k]) { k += 1 }
                return k
            }
            func date(_ k: Int) -> CivilDate? {
                // Numeric dates (nearly all) on the bytes; written ones by the String reader.
                guard let r = DateReader.readNumericASCII(t, from: k, pivot: pivot) ?? DateReader.read(from(k), pivot: pivot) else { return nil }
                if let note = r.twoDigitYear {
                    diagnostics.append(Diagnostic(.warning, "two-digit-year", line: line, "declassification date: \(note) (against the cable's year)"))
                }
                if let note = r.repaired {
                    diagnostics.append(Diagnostic(.warning, "irregular-date", line: line, "declassification date: \(note)"))
                }
                return r.date
            }
            var a = 0
            if t.hasPrefix(0, n, "AS AMENDED") { a = skip(10) { $0 == 0x3B || $0 == 0x3A || $0 == 0x2C || $0 == 0x20 } }
            if a == n {
                diagnostics.append(Diagnostic(.warning, "unparsed-declassification", line: line, "the E.O. line gives no declassification instruction: never declassified by date"))
                return result
            }
            if t.hasPrefix(a, n, "N/A") || t.isWord(a, n, "NA") {
                result.kind = .notApplicable
                return result
            }
            if t.hasPrefix(a, n, "DECLASSIFIED") {
                result.kind = .declassified
                result.date = date(skip(a + 12) { $0 == 0x20 || $0 == 0x3A || $0 == 0x2C })
                if result.date == nil { result.kind = .unparsed }
                return result
            }
            if t.hasPrefix(a, n, "DNG") {
                result.kind = .downgrade
                var rest = skip(a + 3) { $0 == 0x3A || $0 == 0x20 }
                if let sp = t.firstIndex(of: 0x20, rest, n), Classification(token: from(rest).prefix(sp - rest)) != nil || sp - rest <= 2 {
                    rest = sp + 1
                }
                result.date = date(rest)
                return result
            }
            /// End of the code at `k`: up to a space or a comma.
            func codeEnd(_ k: Int) -> Int { skip(k) { $0 != 0x20 && $0 != 0x2C } }
            if t.hasPrefix(a, n, "XGDS") {
                result.kind = .xgds
                result.exemptions = [t.string(a, codeEnd(a))]
                return result
            }
            if t.hasPrefix(a, n, "RDS") {
                result.kind = .rds
                let e = codeEnd(a)
                result.exemptions = [t.string(a, e)]
                result.date = date(skip(e) { $0 == 0x20 || $0 == 0x2C })
                return result
            }
            if t.hasPrefix(a, n, "GDS") {
                result.kind = .gds
                result.date = date(skip(a + 3) { $0 == 0x20 || $0 == 0x2C })
                return result
            }
            var v = a
            var keyword = false
            if t.hasPrefix(a, n, "DECL") {
                keyword = true
                v = skip(a + 4) { ByteText.isAlpha($0) }
                if a + 4 < n, ByteText.isAlpha(t[a + 4]), !t.hasPrefix(a, n, "DECLASSIFY") {
                    diagnostics.append(Diagnostic(.note, "irregular-keyword", line: line, "declassification keyword written '\(written.prefix(while: { $0 != ":" && $0 != " " }))' read as DECL"))
                }
                v = skip(v) { $0 == 0x3A || $0 == 0x20 || $0 == 0x2C }
            }
            if t.hasPrefix(v, n, "OADR") { result.kind = .oadr; return result }
            if t.isWord(v, n, "MR") || t.hasPrefix(v, n, "MR ") || t.hasPrefix(v, n, "MANUAL REVIEW") { result.kind = .manualReview; return result }
            let exemptions = ASCIIExemptions.read(ByteText(UnsafeBufferPointer(rebasing: buf[v..<n]))) ?? []
            if !exemptions.isEmpty {
                result.kind = .exemption
                result.exemptions = exemptions
                return result
            }
            if let d = date(v) {
                result.kind = .date
                result.date = d
                if !keyword {
                    diagnostics.append(Diagnostic(.note, "missing-keyword", line: line, "date without the DECL keyword read as the declassification date"))
                }
                return result
            }
            if keyword, hasLetter(t, v, n), hasTwoWords(t, v, n) {
                result.kind = .event
                diagnostics.append(Diagnostic(.warning, "declassification-event", line: line, "declassification on an event ('\(written)'): never declassified by date"))
                return result
            }
            diagnostics.append(Diagnostic(.warning, "unparsed-declassification", line: line, "cannot read the declassification instruction '\(written)': never declassified by date"))
            return result
        }
    }

    /// True when `from..<to` holds an ASCII letter.
    private static func hasLetter(_ t: ByteText, _ from: Int, _ to: Int) -> Bool {
        for k in from..<to where ByteText.isAlpha(t[k]) { return true }
        return false
    }

    /// True when `from..<to` splits on spaces into at least two words (`split(separator: " ").count >= 2`).
    private static func hasTwoWords(_ t: ByteText, _ from: Int, _ to: Int) -> Bool {
        var words = 0
        var inWord = false
        for k in from..<to {
            if t[k] == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        return words >= 2
    }
}
