/// Reads the declassification instruction of an E.O. line under every order cables were written under:
/// E.O. 11652/12065 (`GDS`, `XGDS-2`, `RDS-4 6/5/99`), E.O. 12356 (`OADR`), E.O. 12958/13526 (`DECL:` a
/// date, `X1`…`X8`, `25X1`…, `MR`, `N/A`). What it cannot read is `.unparsed`: never declassified by date.
enum DeclassLineReader {
    /// Reads `text`, the E.O. line from the order number on (`12958: DECL: 03/12/2029`).
    /// ASCII lines are read on their bytes (`ASCIIDeclassLine`), others over Characters.
    static func read(_ text: String, line: Int, pivot: Int?, diagnostics: inout [Diagnostic]) -> DeclassInstruction {
        let folded = text.foldingSpaces
        if ASCIIDeclassLine.accepts(folded) { return ASCIIDeclassLine.read(folded, line: line, pivot: pivot, diagnostics: &diagnostics) }
        return readByCharacters(folded, line: line, pivot: pivot, diagnostics: &diagnostics)
    }

    /// `read` over Characters, for lines that are not ASCII (and the reference the byte reader is tested against).
    static func readByCharacters(_ text: String, line: Int, pivot: Int?, diagnostics: inout [Diagnostic]) -> DeclassInstruction {
        var s = Substring(text.foldingSpaces)
        var order: String?
        let digits = s.prefix(while: \.isASCIIDigit)
        if digits.count == 5 {
            order = String(digits)
            s = s.dropFirst(5)
        }
        s = s.drop(while: { $0 == ":" || $0 == " " || $0 == ";" || $0 == "," })
        let written = String(s).trimmingSpaces
        var result = DeclassInstruction(kind: .unparsed, order: order, written: written, line: line)
        var u = Substring(written.uppercasedFast())
        if u.hasASCIIPrefix("AS AMENDED") {
            u = u.dropFirst(10).drop(while: { $0 == ";" || $0 == ":" || $0 == "," || $0 == " " })
        }
        func date(_ rest: Substring) -> CivilDate? {
            guard let r = DateReader.read(rest, pivot: pivot) else { return nil }
            if let note = r.twoDigitYear {
                diagnostics.append(Diagnostic(.warning, "two-digit-year", line: line, "declassification date: \(note) (against the cable's year)"))
            }
            if let note = r.repaired {
                diagnostics.append(Diagnostic(.warning, "irregular-date", line: line, "declassification date: \(note)"))
            }
            return r.date
        }
        if u.isEmpty {
            diagnostics.append(Diagnostic(.warning, "unparsed-declassification", line: line, "the E.O. line gives no declassification instruction: never declassified by date"))
            return result
        }
        if u.hasASCIIPrefix("N/A") || u == "NA" {
            result.kind = .notApplicable
            return result
        }
        if u.hasASCIIPrefix("DECLASSIFIED") {
            result.kind = .declassified
            result.date = date(u.dropFirst(12).drop(while: { $0 == " " || $0 == ":" || $0 == "," }))
            if result.date == nil { result.kind = .unparsed }
            return result
        }
        if u.hasASCIIPrefix("DNG") {
            result.kind = .downgrade
            var rest = u.dropFirst(3).drop(while: { $0 == ":" || $0 == " " })
            if let sp = rest.firstIndex(of: " "), Classification(token: rest[..<sp]) != nil || rest[..<sp].count <= 2 {
                rest = rest[sp...].dropFirst()
            }
            result.date = date(rest)
            return result
        }
        if u.hasASCIIPrefix("XGDS") {
            result.kind = .xgds
            result.exemptions = [String(u.prefix(while: { $0 != " " && $0 != "," }))]
            return result
        }
        if u.hasASCIIPrefix("RDS") {
            result.kind = .rds
            let code = u.prefix(while: { $0 != " " && $0 != "," })
            result.exemptions = [String(code)]
            result.date = date(u.dropFirst(code.count).drop(while: { $0 == " " || $0 == "," }))
            return result
        }
        if u.hasASCIIPrefix("GDS") {
            result.kind = .gds
            result.date = date(u.dropFirst(3).drop(while: { $0 == " " || $0 == "," }))
            return result
        }
        var value = u
        var keyword = false
        if u.hasASCIIPrefix("DECL") {
            keyword = true
            value = u.dropFirst(4).drop(while: { $0.isLetter })
            if u.dropFirst(4).first?.isLetter == true, !u.hasASCIIPrefix("DECLASSIFY") {
                diagnostics.append(Diagnostic(.note, "irregular-keyword", line: line, "declassification keyword written '\(written.prefix(while: { $0 != ":" && $0 != " " }))' read as DECL"))
            }
            value = value.drop(while: { $0 == ":" || $0 == " " || $0 == "," })
        }
        if value.hasASCIIPrefix("OADR") { result.kind = .oadr; return result }
        if value == "MR" || value.hasASCIIPrefix("MR ") || value.hasASCIIPrefix("MANUAL REVIEW") { result.kind = .manualReview; return result }
        let exemptions = readExemptions(value)
        if !exemptions.isEmpty {
            result.kind = .exemption
            result.exemptions = exemptions
            return result
        }
        if let d = date(value) {
            result.kind = .date
            result.date = d
            if !keyword {
                diagnostics.append(Diagnostic(.note, "missing-keyword", line: line, "date without the DECL keyword read as the declassification date"))
            }
            return result
        }
        if keyword, value.contains(where: \.isLetter), value.split(separator: " ").count >= 2 {
            result.kind = .event
            diagnostics.append(Diagnostic(.warning, "declassification-event", line: line, "declassification on an event ('\(written)'): never declassified by date"))
            return result
        }
        diagnostics.append(Diagnostic(.warning, "unparsed-declassification", line: line, "cannot read the declassification instruction '\(written)': never declassified by date"))
        return result
    }

    /// Exemption codes at the start of `s`: `X1`…`X8`, `1.6X1`, `25X1`…`25X9`, `25X1-HUMAN`, `50X1-HUM`, `50X2-WMD`.
    /// Read on the bytes when `s` is ASCII (`ASCIIExemptions`), otherwise over Characters.
    static func readExemptions(_ s: Substring) -> [String] {
        let fast: [String]?? = s.utf8.withContiguousStorageIfAvailable { ASCIIExemptions.read(ByteText($0)) }
        if let fast, let fast { return fast }
        return readExemptionsByCharacters(s)
    }

    /// `readExemptions` over Characters, for text that is not ASCII (and the reference the byte reader is
    /// tested against).
    static func readExemptionsByCharacters(_ s: Substring) -> [String] {
        var out: [String] = []
        for raw in s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "/" }) {
            var tok = raw
            if tok.hasASCIIPrefix("1.6") { tok = tok.dropFirst(3) }
            if let code = canonicalExemption(tok) { out.append(code) } else if tok == "AND" { continue } else { break }
        }
        return out
    }

    /// The exemption code `tok` names, in upper case, or nil when it names none.
    static func canonicalExemption(_ tok: Substring) -> String? {
        let t = tok.uppercasedFast()
        if t.count == 2, t.first == "X", let n = Int(t.dropFirst()), (1...8).contains(n) { return t }
        for prefix in ["25X", "50X", "75X"] where t.hasPrefix(prefix) {
            let rest = t.dropFirst(3)
            guard let d = rest.first, d.isASCIIDigit, let n = Int(String(d)), (1...9).contains(n) else { return nil }
            let tail = rest.dropFirst()
            if tail.isEmpty { return t }
            if tail.hasASCIIPrefix("-"), tail.dropFirst().allSatisfy(\.isLetter), tail.count >= 3 { return t }
            return nil
        }
        return nil
    }
}
