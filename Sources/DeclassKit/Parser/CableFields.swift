/// Reads the cable's fields (date, banner, id, DECL, Classified By, TAGS, SUBJECT, REF, signature) out of
/// the units the layout placed, and gives every portion its marking, written or inherited (fail closed).
enum CableFields {
    static func read(_ t: ByteText, layout: CableLayout, into cable: inout Cable) {
        readHeader(t, into: &cable)
        readBanner(t, layout: layout, into: &cable)
        // The year REF entries without one are read against: the cable's, or its id's (from the file name).
        let year = cable.date?.year ?? cable.id.flatMap { Int($0.prefix(2)) }.map { $0 > 50 ? 1900 + $0 : 2000 + $0 }
        for k in cable.units.indices {
            // The unit's fields are read in place: a copy of the unit would retain all its arrays.
            switch cable.units[k].kind {
            case .handling:
                for word in handlingWords(cable.words(ofUnitAt: k)) where !cable.handling.contains(word) { cable.handling.append(word) }
            case .notice:
                if cable.text(cable.units[k].contentRange).uppercasedFast().hasPrefix("THIS RECORD IS A PARTIAL EXTRACT") { cable.isPartialExtract = true }
            case .tags where cable.tags.isEmpty:
                cable.tags = FieldReaders.tags(fieldValue(cable.words(ofUnitAt: k), after: ["TAGS"]))
            case .subject where cable.subject == nil:
                readSubject(k, into: &cable)
            case .references where cable.references.isEmpty:
                let text = fieldValue(cable.words(ofUnitAt: k), after: ["REFERENCES", "REFERENCE", "REFTELS", "REFTEL", "REFS", "REF"])
                cable.references = FieldReaders.references(text, citingYear: year)
            case .classifiedBy where cable.authority == nil:
                let line = cable.units[k].firstLine
                let authority = AuthorityReader.read(cable.words(ofUnitAt: k), line: line)
                if authority.reasons.isEmpty, !authority.derived {
                    cable.diagnostics.append(Diagnostic(.warning, "missing-reasons", line: line, "Classified By gives no readable reason 1.4(a)–(h): a B1 withholding will carry no authority"))
                }
                cable.authority = authority
            case .signature:
                cable.signature = cable.words(ofUnitAt: k)
            default:
                break
            }
        }
        if cable.handling.contains("NOFORN"), !cable.controls.contains("NOFORN") { cable.controls.append("NOFORN") }
        // `UNCLAS` with a `SENSITIVE` caption, or with (SBU) portions, is sensitive but unclassified.
        let sbuPortions = hasWrittenSBU(cable.units)
        if cable.classification == .unclassified, cable.handling.contains("SENSITIVE") || cable.controls.contains("SENSITIVE") || sbuPortions {
            cable.classification = .sensitiveButUnclassified
            let line = bannerIndex(cable.units).map { cable.units[$0].firstLine } ?? 1
            cable.diagnostics.append(Diagnostic(.note, "sensitive-but-unclassified", line: line, sbuPortions && !cable.handling.contains("SENSITIVE") ? "UNCLAS banner over (SBU) portions: the cable is read as SBU" : "UNCLAS banner with a SENSITIVE caption: the cable is read as SBU"))
        }
        readDeclassification(t, layout: layout, into: &cable)
        readDerivative(t, into: &cable)
        for k in cable.units.indices where cable.units[k].kind == .declassification && cable.tags.isEmpty {
            if let at = layout.tagsStart, cable.units[k].contentRange.contains(at - 1) {
                cable.tags = FieldReaders.tags(String(cable.text(at..<cable.units[k].contentRange.upperBound).drop(while: { $0 == ":" || $0 == " " })))
            }
        }
        assignMarkings(t, into: &cable)
    }

    /// True when a unit carries a written (SBU) mark. A loop over indices reads the markings in place: a
    /// `contains` closure over the cable copied every unit it looked at.
    private static func hasWrittenSBU(_ units: [CableUnit]) -> Bool {
        for k in units.indices where units[k].marking?.classification == .sensitiveButUnclassified && units[k].marking?.source == .written {
            return true
        }
        return false
    }

    /// The handling words of a unit's words, upper-cased, split on spaces and commas, without a lone `E`
    /// (of `E F T O`): on the bytes when the words are ASCII without a carriage return (their characters are
    /// their bytes), else over characters.
    static func handlingWords(_ words: String) -> [String] {
        var words = words
        let fast: [String]? = words.withUTF8 { b -> [String]? in
            for c in b where c >= 0x80 || c == 0x0D { return nil }
            var out: [String] = []
            var i = 0
            while i < b.count {
                while i < b.count, b[i] == 0x20 || b[i] == 0x2C { i += 1 }
                guard i < b.count else { break }
                let s = i
                while i < b.count, b[i] != 0x20, b[i] != 0x2C { i += 1 }
                if i - s == 1, ByteText.upper(b[s]) == 0x45 { continue }  // `E`
                out.append(ByteText(b).upperString(s, i))
            }
            return out
        }
        return fast ?? handlingWordsByCharacters(words)
    }

    /// `handlingWords` over characters (the reference the byte reading is checked against).
    static func handlingWordsByCharacters(_ words: String) -> [String] {
        words.uppercasedFast().split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { $0 == "E" ? nil : String($0) }
    }

    // MARK: - Header and banner

    private static func readHeader(_ t: ByteText, into cable: inout Cable) {
        var archiveDate: CivilDate?
        for k in cable.units.indices {
            // The unit's fields are read in place: a copy of the unit would retain all its arrays.
            switch cable.units[k].kind {
            case .dateTimeGroup where cable.date == nil:
                // In place when the group is ASCII letters, digits and spaces (as the layout found it).
                let r = cable.units[k].contentRange
                let dtg = t.isUpperTokens(r.lowerBound, r.upperBound) ? HeaderLines.readDTG(t, r.lowerBound, r.upperBound) : HeaderLines.readDTG(cable.text(r))
                if let dtg {
                    cable.date = dtg.date
                    cable.dateTimeGroup = dtg.group
                    cable.precedence = dtg.precedence
                }
            case .from where cable.sender == nil:
                cable.sender = droppingFirst3(cable.words(ofUnitAt: k))
            case .headerText where archiveDate == nil && cable.date == nil:
                archiveDate = readArchiveDate(cable.text(cable.units[k].contentRange))
            default:
                break
            }
        }
        if cable.date == nil, let archiveDate {
            cable.date = archiveDate
            cable.diagnostics.append(Diagnostic(.note, "archive-date", line: 1, "no date-time group: the cable's date \(archiveDate) is taken from the archive's date line"))
        }
    }

    /// `String(words.dropFirst(3))` (the `FM ` before the sender), cut on the bytes when the first four are
    /// ASCII and the first three no CR: each of those three is then a Character of its own (an ASCII byte
    /// after them starts the next). Dropping Characters walked grapheme breaks (~700 instructions a cable).
    static func droppingFirst3(_ words: String) -> String {
        var words = words
        let fast: String? = words.withUTF8 { b in
            for i in 0..<min(4, b.count) where b[i] >= 0x80 || (i < 3 && b[i] == 0x0D) { return nil }
            return b.count <= 3 ? "" : String(decoding: UnsafeBufferPointer(rebasing: b[3...]), as: UTF8.self)
        }
        return fast ?? String(words.dropFirst(3))
    }

    /// `Wednesday, 29 November 2000, 13:59` or `12/16/2009 14:15`.
    static func readArchiveDate(_ text: String) -> CivilDate? {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        var s = Substring(firstLine.trimmingSpaces)
        if let comma = s.firstIndex(of: ","), s[..<comma].allSatisfy(\.isLetter), s[..<comma].hasSuffix("day") {
            s = s[s.index(after: comma)...]
        }
        guard let r = DateReader.read(s, pivot: nil), r.twoDigitYear == nil else { return nil }
        return r.date
    }

    /// Index of the first banner unit. Given the units, not the cable: passing the cable being filled (`inout`)
    /// copied it, retaining each of its fields.
    private static func bannerIndex(_ units: [CableUnit]) -> Int? {
        // The kinds read in place: `first(where:)` copied every unit it looked at.
        for k in units.indices where units[k].kind == .banner { return k }
        return nil
    }

    private static func readBanner(_ t: ByteText, layout: CableLayout, into cable: inout Cable) {
        guard let bk = bannerIndex(cable.units) else {
            cable.diagnostics.append(Diagnostic(.warning, "missing-banner", line: 1, "no classification banner: the cable's classification is unknown, nothing is treated as releasable by it"))
            return
        }
        let content = cable.units[bk].contentRange, firstLine = cable.units[bk].firstLine
        let lo = content.lowerBound, hi = t.trimEnd(lo, min(content.upperBound, t.firstIndex(of: 0x0A, lo, content.upperBound) ?? content.upperBound))
        cable.banner = t.string(lo, hi)
        // The layout read the banner from the same bytes when this is its line (nearly always): not read again.
        let known = layout.bannerLine.map { layout.lines[$0] }.flatMap { $0.lo == lo && $0.hi == hi ? layout.banner : nil }
        guard let b = known ?? BannerReader.read(t, lo, hi) ?? BannerReader.readUnreadableLevel(t, lo, hi) else { return }
        if b.classification == .unknown {
            cable.diagnostics.append(Diagnostic(.warning, "unreadable-banner", line: firstLine, "cannot read the classification in the banner '\(cable.banner ?? "")': classification unknown"))
        }
        cable.classification = b.classification
        cable.controls = b.controls.filter { $0 != "SIPDIS" }
        if b.controls.contains("SIPDIS") { cable.handling.append("SIPDIS") }
        cable.section = b.section
        cable.sectionCount = b.sectionCount
        cable.origin = b.origin
        cable.serial = b.serial
        guard let origin = b.origin?.removingSpaces(), let serial = b.serial else { return }
        if let year = cable.date?.year {
            // Written into one string (`(yy < 10 ? "0" : "") + "\(yy)" + origin + "\(serial)"` built four).
            cable.id = FieldReaders.idText(year: year % 100, name: origin, serial: serial)
        } else if let yy = yearFromFileName(cable.name, origin: origin, serial: serial) {
            cable.id = yy + origin + "\(serial)"
            cable.diagnostics.append(Diagnostic(.note, "id-from-file-name", line: firstLine, "the cable has no date: the year of its id (\(cable.id!)) is taken from the file name"))
        } else {
            cable.diagnostics.append(Diagnostic(.warning, "missing-date", line: firstLine, "the cable has no date-time group or archive date: its id cannot be formed"))
        }
    }

    /// The two-digit year of a file named like the cable's id (`04BRASILIA2263.txt` for BRASILIA 002263).
    static func yearFromFileName(_ name: String, origin: String, serial: Int) -> String? {
        var name = name, origin = origin
        let fast: String?? = name.withUTF8 { nb in origin.withUTF8 { ob in yearFromASCIIFileName(nb, origin: ob, serial: serial) } }
        if let fast { return fast }
        return yearFromFileNameByCharacters(name, origin: origin, serial: serial)
    }

    /// `yearFromFileName` on the bytes, or `.none` when the name or the origin is not ASCII: each Character
    /// of ASCII text is a byte (a CR LF pair aside, which is neither `/`, `.` nor a digit, and compares equal
    /// only to itself), and the Character reading walked a whole path (~18,000 instructions a call).
    private static func yearFromASCIIFileName(_ name: UnsafeBufferPointer<UInt8>, origin: UnsafeBufferPointer<UInt8>, serial: Int) -> String?? {
        for c in name where c >= 0x80 { return .none }
        for c in origin where c >= 0x80 { return .none }
        var end = name.count
        while end > 0, name[end - 1] == 0x2F { end -= 1 }  // trailing `/`
        var fileStart = end
        while fileStart > 0, name[fileStart - 1] != 0x2F { fileStart -= 1 }
        var stemStart = fileStart
        while stemStart < end, name[stemStart] == 0x2E { stemStart += 1 }
        var stemEnd = stemStart
        while stemEnd < end, name[stemEnd] != 0x2E { stemEnd += 1 }
        let base = end == 0 ? 0..<name.count : (stemEnd == stemStart ? fileStart..<end : stemStart..<stemEnd)
        let suffix = String(serial).utf8
        guard base.count == 2 + origin.count + suffix.count, ByteText.isDigit(name[base.lowerBound]), ByteText.isDigit(name[base.lowerBound + 1]) else { return .some(nil) }
        var k = base.lowerBound + 2
        for c in origin {
            guard ByteText.upper(name[k]) == ByteText.upper(c) else { return .some(nil) }
            k += 1
        }
        for c in suffix {
            guard ByteText.upper(name[k]) == c else { return .some(nil) }
            k += 1
        }
        return .some(String(decoding: UnsafeBufferPointer(rebasing: name[base.lowerBound..<base.lowerBound + 2]), as: UTF8.self))
    }

    /// `yearFromFileName` over Characters: for names or origins that are not ASCII, and the reference the
    /// byte reading is tested against.
    static func yearFromFileNameByCharacters(_ name: String, origin: String, serial: Int) -> String? {
        // The last path component and its first dot-separated piece, as `split` gives them (empty pieces
        // skipped), found in place rather than by splitting the whole path.
        var path = Substring(name)
        while path.last == "/" { path = path.dropLast() }
        let file = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path
        let stem = file.drop(while: { $0 == "." }).prefix(while: { $0 != "." })
        let base = path.isEmpty ? Substring(name) : (stem.isEmpty ? file : stem)
        let u = base.uppercasedFast()
        guard let d0 = u.first, d0.isASCIIDigit, let d1 = u.dropFirst().first, d1.isASCIIDigit,
              u.dropFirst(2) == origin.uppercasedFast() + String(serial) else { return nil }
        return String(u.prefix(2))
    }

    // MARK: - Fields

    /// `words` after the first of `names` it opens with (any case) and the colons, spaces and dots after it;
    /// `words` itself when it opens with none. On the bytes when the words are ASCII without a carriage return
    /// (their characters are their bytes), else over characters.
    static func fieldValue(_ words: String, after names: [StaticString]) -> String {
        var words = words
        let fast: String?? = words.withUTF8 { b -> String?? in
            for c in b where c >= 0x80 || c == 0x0D { return .none }
            let t = ByteText(b)
            for name in names where t.hasPrefixCI(0, b.count, name) {
                var i = name.utf8CodeUnitCount
                while i < b.count, b[i] == 0x3A || b[i] == 0x20 || b[i] == 0x2E { i += 1 }
                return .some(t.string(i, b.count))
            }
            return .some(nil)
        }
        if let fast { return fast ?? words }
        return fieldValueByCharacters(words, after: names)
    }

    /// `fieldValue` over characters (the reference the byte reading is checked against).
    static func fieldValueByCharacters(_ words: String, after names: [StaticString]) -> String {
        for name in names where words.hasASCIIPrefixCI(name) {
            return String(words.dropFirst(name.utf8CodeUnitCount).drop(while: { $0 == ":" || $0 == " " || $0 == "." }))
        }
        return words
    }

    private static func readSubject(_ k: Int, into cable: inout Cable) {
        let (subject, marking) = subject(of: cable.words(ofUnitAt: k))
        if let marking { cable.units[k].marking = marking }
        cable.subject = subject
    }

    /// The subject in the words of a SUBJECT unit and the portion mark written at its start or end: on the
    /// bytes when the words are ASCII without a carriage return (their characters are their bytes), else over
    /// characters. The character reading stepped Substring indices over the whole subject several times
    /// (~6,000 instructions a cable).
    static func subject(of words: String) -> (String, PortionMarking?) {
        var words = words
        let fast: (String, PortionMarking?)? = words.withUTF8 { b in
            for c in b where c >= 0x80 || c == 0x0D { return nil }
            return subjectASCII(b)
        }
        return fast ?? subjectByCharacters(words)
    }

    /// `subject(of:)` for ASCII words without a carriage return, step for step as `subjectByCharacters`.
    private static func subjectASCII(_ b: UnsafeBufferPointer<UInt8>) -> (String, PortionMarking?) {
        let t = ByteText(b)
        var lo = 0
        if t.hasPrefixCI(0, b.count, "SUBJECT") { lo = 7 } else if t.hasPrefixCI(0, b.count, "SUBJ") { lo = 4 }
        while lo < b.count, b[lo] == 0x3A || b[lo] == 0x20 || b[lo] == 0x2E { lo += 1 }
        // `[1](#)` artifacts are stripped only where a `[` stands (as `FieldReaders.stripArtifacts` does).
        var rest = Array(UnsafeBufferPointer(rebasing: b[lo...]))
        if rest.contains(0x5B) { rest = ASCIIFields.stripArtifacts(rest) }
        return rest.withUnsafeBufferPointer { r -> (String, PortionMarking?) in
            let t = ByteText(r)
            @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
            func trimmed(_ from: Int, _ to: Int) -> Range<Int> {
                var lo = from, hi = to
                while lo < hi, isSpace(r[lo]) { lo += 1 }
                while hi > lo, isSpace(r[hi - 1]) { hi -= 1 }
                return lo..<hi
            }
            let s = trimmed(0, r.count)
            // A portion mark at the start (`(C) …`) or the end (`… (S)`) of the subject.
            if !s.isEmpty, r[s.lowerBound] == 0x28, let close = t.firstIndex(of: 0x29, s.lowerBound, s.upperBound),
               let m = MarkingReader.parse(t.string(s.lowerBound + 1, close)) {
                let after = trimmed(close + 1, s.upperBound)
                return (t.string(after.lowerBound, after.upperBound), m)
            }
            if !s.isEmpty, r[s.upperBound - 1] == 0x29, let open = lastIndex(of: 0x28, r, s) {
                if let m = MarkingReader.parse(t.string(open + 1, s.upperBound - 1)) {
                    let before = trimmed(s.lowerBound, open)
                    return (t.string(before.lowerBound, before.upperBound), m)
                }
            }
            return (t.string(s.lowerBound, s.upperBound), nil)
        }
    }

    /// The last index of `c` in `range` of `b`.
    private static func lastIndex(of c: UInt8, _ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var i = range.upperBound
        while i > range.lowerBound {
            i -= 1
            if b[i] == c { return i }
        }
        return nil
    }

    /// `subject(of:)` over characters: the reader of words that are not ASCII, and the reference the byte
    /// reading is checked against.
    static func subjectByCharacters(_ words: String) -> (String, PortionMarking?) {
        var s = Substring(words)
        // Tested on the bytes (hasASCIIPrefixCI), not by upper-casing the whole subject for each name.
        for name: StaticString in ["SUBJECT", "SUBJ"] where s.hasASCIIPrefixCI(name) {
            s = s.dropFirst(name.utf8CodeUnitCount)
            break
        }
        s = s.drop(while: { $0 == ":" || $0 == " " || $0 == "." })
        var subject = FieldReaders.stripArtifacts(String(s)).trimmingSpaces
        var marking: PortionMarking?
        // A portion mark at the start (`(C) …`) or the end (`… (S)`) of the subject.
        if subject.hasPrefix("("), let close = subject.firstIndex(of: ")"),
           let m = MarkingReader.parse(String(subject[subject.index(after: subject.startIndex)..<close])) {
            marking = m
            subject = String(subject[subject.index(after: close)...]).trimmingSpaces
        } else if subject.hasSuffix(")"), let open = subject.lastIndex(of: "("),
                  let m = MarkingReader.parse(String(subject[subject.index(after: open)..<subject.index(before: subject.endIndex)])) {
            marking = m
            subject = String(subject[..<open]).trimmingSpaces
        }
        return (subject, marking)
    }

    private static func readDeclassification(_ t: ByteText, layout: CableLayout, into cable: inout Cable) {
        guard let start = layout.declassStart else {
            cable.declassification = DeclassInstruction(kind: .missing)
            if cable.classification != .unclassified {
                cable.diagnostics.append(Diagnostic(.warning, "missing-declassification", line: 1, "no E.O. line: the cable is never declassified by date"))
            }
            return
        }
        let l = layout.lines[start.line]
        var end = l.hi
        if let tags = layout.tagsStart, tags - 4 > start.at, tags - 4 <= l.hi { end = t.trimEnd(start.at, tags - 4) }
        let text = t.string(start.at, end)
        cable.declassification = DeclassLineReader.read(text, line: start.line + 1, pivot: cable.date?.year, diagnostics: &cable.diagnostics)
    }

    /// `Declassify on: Source marked 25X1-human, Date of source: …`: exemptions of the sources keep the
    /// cable from being declassified by date.
    private static func readDerivative(_ t: ByteText, into cable: inout Cable) {
        for k in cable.units.indices where cable.units[k].kind == .derivative || cable.units[k].kind == .classifiedBy {
            guard containsCI(t, cable.units[k].contentRange, "DECLASSIFY ON") else { continue }
            let firstLine = cable.units[k].firstLine
            let words = cable.words(ofUnitAt: k).uppercasedFast()
            guard let r = firstRange(of: "DECLASSIFY ON", in: words) else { continue }
            let rest = words[r.upperBound...].drop(while: { $0 == ":" || $0 == " " })
            var codes: [String] = []
            for tok in rest.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) {
                if let c = DeclassLineReader.canonicalExemption(tok) { codes.append(c) }
            }
            guard rest.hasPrefix("SOURCE MARKED") || !codes.isEmpty else { continue }
            if cable.declassification.kind == .missing || cable.declassification.kind == .unparsed {
                cable.declassification = DeclassInstruction(kind: .sourceMarked, exemptions: codes, written: String(rest), line: firstLine)
            } else {
                for c in codes where !cable.declassification.exemptions.contains(c) { cable.declassification.exemptions.append(c) }
            }
            if codes.isEmpty {
                cable.declassification.kind = .sourceMarked
                cable.diagnostics.append(Diagnostic(.warning, "source-marked", line: firstLine, "declassification follows the sources' markings, which are not given: never declassified by date"))
            }
        }
    }

    /// `text.firstRange(of: word)` for an ASCII `word` without a carriage return: found on the bytes when
    /// `text` is ASCII without a carriage return (there each character is one byte, so the first match is
    /// the same), by `firstRange(of:)` for other text. The collection algorithm compared Characters, ~70,000
    /// instructions for a block of derivative markings.
    static func firstRange(of word: StaticString, in text: String) -> Range<String.Index>? {
        let n = word.utf8CodeUnitCount
        // -1: not found; -2: text that is not plain ASCII.
        let at: Int = text.utf8.withContiguousStorageIfAvailable { b -> Int in
            for c in b where c >= 0x80 || c == 0x0D { return -2 }
            let t = ByteText(b)
            var i = 0
            while i + n <= b.count {
                if t.hasPrefix(i, b.count, word) { return i }
                i += 1
            }
            return -1
        } ?? -2
        if at == -2 { return text.firstRange(of: word.description) }
        guard at >= 0 else { return nil }
        let lo = text.utf8.index(text.utf8.startIndex, offsetBy: at)
        return lo..<text.utf8.index(lo, offsetBy: n)
    }

    // MARK: - Markings

    /// Every portion gets a marking: its own, an `ENTIRE TEXT` statement's, or the banner's (inherited).
    private static func assignMarkings(_ t: ByteText, into cable: inout Cable) {
        let carried = cable.controls.filter { ["NOFORN", "ORCON", "PROPIN", "FOUO"].contains($0) || $0.hasPrefix("REL TO") }
        var inherited = PortionMarking(classification: cable.classification, controls: carried, source: .inherited)
        // Read from a local array, which nothing writes to in this loop: read through the cable being filled,
        // `units[k].marking?.source` copied the whole unit (retaining its arrays) for each paragraph.
        let units = cable.units
        for k in units.indices where units[k].kind == .paragraph {
            // `CONFIDENTIAL - ENTIRE TEXT.` stands at the start of the first paragraphs. (The bytes are looked
            // at first: `entireTextLevel` reads nothing from a head without those words.)
            let range = units[k].contentRange
            let head = range.lowerBound..<min(range.upperBound, range.lowerBound + 80)
            if containsCI(t, head, "ENTIRE TEXT"), let level = entireTextLevel(t, head) ?? entireTextLevel(cable.text(head)) {
                inherited = PortionMarking(classification: level, controls: carried, source: .entireText)
                break
            }
            if units[k].marking?.source == .written { break }
        }
        for k in cable.units.indices {
            switch cable.units[k].kind {
            case .paragraph, .heading, .subject, .references, .text:
                if let m = cable.units[k].marking {
                    if m.isUnknown {
                        // The label from the unit's fields read in place: `units[k].label` copied the whole unit.
                        let label = CableUnit.label(kind: cable.units[k].kind, number: cable.units[k].number, firstLine: cable.units[k].firstLine)
                        cable.diagnostics.append(Diagnostic(.warning, "unknown-marking", line: cable.units[k].firstLine, "unknown portion mark '(\(m.written))' on \(label): kept as unknown, never released unless a rule names it"))
                    }
                } else {
                    cable.units[k].marking = inherited
                }
            default:
                break
            }
        }
    }

    /// True when `word` (upper case) occurs in `range` of the input, ignoring ASCII case. When the word opens
    /// with a letter, its first byte is looked for eight bytes at a time (either case is that letter with
    /// 0x20 set); only the bytes found are compared with the word (~6 instructions a byte before, for the
    /// Classified By blocks and paragraph heads it runs over).
    static func containsCI(_ t: ByteText, _ range: Range<Int>, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard n > 0, range.count >= n else { return false }
        let first = word.utf8Start[0]
        let last = range.upperBound - n  // the last start
        var i = range.lowerBound
        if ByteText.isUpper(first), let base = t.b.baseAddress {
            let k01: UInt64 = 0x0101_0101_0101_0101, k80 = k01 << 7
            let folded = k01 &* UInt64(first | 0x20)
            while i + 8 <= range.upperBound, i <= last {
                let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) | (k01 &* 0x20)
                let z = x ^ folded
                // 0x80 in each byte that is the letter (and maybe above one: each is checked in full).
                var m = (z &- k01) & ~z & k80
                while m != 0 {
                    let p = i + (m.trailingZeroBitCount >> 3)
                    if p > last { return false }
                    if t.hasPrefixCI(p, range.upperBound, word) { return true }
                    m &= m &- 1
                }
                i += 8
            }
        }
        while i <= last {
            if ByteText.upper(t[i]) == first, t.hasPrefixCI(i, range.upperBound, word) { return true }
            i += 1
        }
        return false
    }

    /// `containsCI` a byte at a time: the reference the word search is tested against.
    static func containsCIByBytes(_ t: ByteText, _ range: Range<Int>, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard n > 0, range.count >= n else { return false }
        let first = word.utf8Start[0]
        for i in range.lowerBound...(range.upperBound - n) where ByteText.upper(t[i]) == first && t.hasPrefixCI(i, range.upperBound, word) {
            return true
        }
        return false
    }

    /// `CONFIDENTIAL - ENTIRE TEXT.`, `Sensitive but unclassified - entire text.`
    static func entireTextLevel(_ words: String) -> Classification? {
        // Cheap test first: the words hold "ENTIRE TEXT" in some case.
        guard !ByteSearch.occurrences(of: Array("ENTIRE TEXT".utf8), in: Array(words.utf8), caseless: true).isEmpty else { return nil }
        let u = words.uppercasedFast().prefix(80)
        guard let r = entireTextStart(in: u) else { return nil }
        let head = String(u[..<r]).trimmingCharacters(entireTextPunctuation)
        return Classification(token: head)
    }

    /// `entireTextLevel` of the bytes `head` (at most 80) when they are ASCII without a carriage return, where
    /// each character is a byte; `.none` for other text (the general reading). The string reading searched,
    /// upper-cased and trimmed Characters (~28,000 instructions a paragraph that names `ENTIRE TEXT`).
    static func entireTextLevel(_ t: ByteText, _ head: Range<Int>) -> Classification?? {
        guard head.count <= 80 else { return .none }
        for i in head where t[i] >= 0x80 || t[i] == 0x0D { return .none }
        var at = head.lowerBound
        while at + 11 <= head.upperBound, !t.hasPrefixCI(at, head.upperBound, "ENTIRE TEXT") { at += 1 }
        guard at + 11 <= head.upperBound else { return .some(nil) }
        // The bytes before the words, without the punctuation `entireTextPunctuation` trims.
        func trimmed(_ c: UInt8) -> Bool { c == 0x20 || c == 0x2D || c == 0x3A || c == 0x2C || c == 0x2E }
        var lo = head.lowerBound, hi = at
        while lo < hi, trimmed(t[lo]) { lo += 1 }
        while hi > lo, trimmed(t[hi - 1]) { hi -= 1 }
        return .some(Classification(token: t.upperString(lo, hi)))
    }

    /// What is trimmed around the level before `ENTIRE TEXT`: built once (a set literal in the call built and
    /// hashed its five Characters each time, ~12,000 instructions).
    private static let entireTextPunctuation: Set<Character> = [" ", "-", ":", ",", "."]

    /// Where `u.firstRange(of: "ENTIRE TEXT")` starts, found on the bytes when `u` is ASCII without a carriage
    /// return (its characters are its bytes there): the string-processing search cost more than reading all the
    /// other fields of the cable.
    static func entireTextStart(in u: Substring) -> Substring.Index? {
        // The byte offset of the match, -1 for none, or -2 when the text is not plain ASCII.
        let at: Int? = u.utf8.withContiguousStorageIfAvailable { buf -> Int in
            for c in buf where c >= 0x80 || c == 0x0D { return -2 }
            let t = ByteText(buf)
            var i = 0
            while i + 11 <= buf.count {
                if t.hasPrefix(i, buf.count, "ENTIRE TEXT") { return i }
                i += 1
            }
            return -1
        }
        guard let at, at != -2 else { return u.firstRange(of: "ENTIRE TEXT")?.lowerBound }
        return at < 0 ? nil : u.utf8.index(u.startIndex, offsetBy: at)
    }
}
