import Foundation

/// What `declass inspect` shows of one cable: its fields, a table of its units and the parser's
/// diagnostics. Its JSON form is stable (documented in README.md) so that other tools can read it.
public struct InspectReport: Codable, Sendable, Report {
    /// One unit of the cable, as listed by `inspect`.
    public struct Unit: Codable, Sendable {
        public var kind: String
        public var label: String
        public var line: Int
        public var lastLine: Int
        /// Byte offsets of the unit in the input: `start..<end`.
        public var start: Int
        public var end: Int
        public var number: Int?
        public var writtenNumber: String?
        /// The marking in canonical form (`C`, `S//NF`), `?` when unknown, absent for header parts.
        public var mark: String?
        /// The mark as written, without parentheses; absent when inherited.
        public var markWritten: String?
        /// `written`, `inherited` or `entire-text`.
        public var markSource: String?
        public var blocks: [String]
        /// Characters in the unit's words (page breaks and glued banners excluded).
        public var length: Int
        public var firstWords: String
        public var priorRedactions: Int
    }

    /// The declassification instruction as `inspect` shows it.
    public struct Declassification: Codable, Sendable {
        public var kind: String
        public var order: String?
        public var date: CivilDate?
        public var exemptions: [String]
        public var written: String
        public var line: Int?
        /// The date the instruction itself declassifies the cable on, or absent (never by date).
        public var declassifiesOn: CivilDate?
    }

    /// The Classified By line as `inspect` shows it.
    public struct ClassifiedBy: Codable, Sendable {
        public var by: String
        public var section: String?
        public var reasons: [String]
        public var authority: String
        public var derived: Bool
        public var line: Int
    }

    /// One REF entry.
    public struct Ref: Codable, Sendable {
        public var letter: String?
        public var text: String
        public var cable: String?
    }

    public var file: String
    public var id: String?
    public var date: CivilDate?
    public var dateTimeGroup: String?
    public var precedence: String?
    public var from: String?
    public var origin: String?
    public var serial: Int?
    public var classification: String
    public var controls: [String]
    public var banner: String?
    public var section: Int?
    public var sectionCount: Int?
    public var partialExtract: Bool
    public var handling: [String]
    public var declassification: Declassification
    public var classifiedBy: ClassifiedBy?
    public var tags: [String]
    public var subject: String?
    public var references: [Ref]
    public var signature: String?
    public var paragraphs: Int
    public var units: [Unit]
    public var priorRedactions: Int
    public var diagnostics: [Diagnostic]

    /// Builds the report of a parsed cable.
    public init(_ cable: Cable) {
        file = cable.name
        id = cable.id
        date = cable.date
        dateTimeGroup = cable.dateTimeGroup
        precedence = cable.precedence
        from = cable.sender
        origin = cable.origin
        serial = cable.serial
        classification = cable.classification.abbreviation
        controls = cable.controls
        banner = cable.banner
        section = cable.section
        sectionCount = cable.sectionCount
        partialExtract = cable.isPartialExtract
        handling = cable.handling
        let d = cable.declassification
        declassification = Declassification(kind: d.kind.rawValue, order: d.order, date: d.date, exemptions: d.exemptions,
                                            written: d.written, line: d.line, declassifiesOn: d.declassifiesOn)
        classifiedBy = cable.authority.map {
            ClassifiedBy(by: $0.by, section: $0.section, reasons: $0.reasons, authority: $0.authority, derived: $0.derived, line: $0.line)
        }
        tags = cable.tags
        subject = cable.subject
        references = cable.references.map { Ref(letter: $0.letter, text: $0.text, cable: $0.cableID) }
        signature = cable.signature
        paragraphs = cable.paragraphs.count
        units = cable.units.map { u in
            let words = cable.words(of: u)
            return Unit(kind: u.kind.rawValue, label: u.label, line: u.firstLine, lastLine: u.lastLine,
                        start: u.range.lowerBound, end: u.range.upperBound, number: u.number, writtenNumber: u.writtenNumber,
                        mark: u.marking?.canonical, markWritten: u.marking.flatMap { $0.isInherited ? nil : $0.written },
                        markSource: u.marking?.source.rawValue, blocks: u.blocks.map(\.rawValue), length: words.count,
                        firstWords: InspectReport.firstWords(words), priorRedactions: u.priorRedactions.count)
        }
        priorRedactions = cable.priorRedactions.count
        diagnostics = cable.diagnostics.sorted { $0.line < $1.line }
    }

    static func firstWords(_ words: String, count: Int = 8) -> String {
        let w = words.split(separator: " ", maxSplits: count, omittingEmptySubsequences: true)
        return w.prefix(count).joined(separator: " ") + (w.count > count ? " …" : "")
    }


    /// The report as text for a person: fields, then the paragraph table, then diagnostics.
    public func text() -> String {
        var out = ""
        func field(_ name: String, _ value: String?) {
            out += name.column(16) + (value ?? "—") + "\n"
        }
        field("File", file)
        field("Cable", id)
        field("Date", [date?.description, dateTimeGroup.map { "(\($0))" }].compactMap { $0 }.joined(separator: " "))
        field("From", from)
        field("Classification", ([Classification(token: classification)?.bannerWord ?? "UNKNOWN"] + controls).joined(separator: "//")
              + (banner.map { "   banner: \($0)" } ?? ""))
        if let section, let sectionCount { field("Section", "\(section) of \(sectionCount)") }
        if partialExtract { field("Record", "partial extract") }
        if !handling.isEmpty { field("Handling", handling.joined(separator: ", ")) }
        var decl = declassification.kind
        if let d = declassification.date { decl += " \(d)" }
        if !declassification.exemptions.isEmpty { decl += " " + declassification.exemptions.joined(separator: ", ") }
        if let o = declassification.order { decl += "   (E.O. \(o): \(declassification.written))" } else if !declassification.written.isEmpty { decl += "   (\(declassification.written))" }
        decl += declassification.declassifiesOn.map { " — declassified on \($0)" } ?? " — never declassified by date"
        field("Declassify", decl)
        field("Classified by", classifiedBy.map { $0.by + ($0.authority.isEmpty ? "" : " — \($0.authority)") })
        field("Tags", tags.isEmpty ? nil : tags.joined(separator: " "))
        field("Subject", subject)
        if references.isEmpty { field("References", nil) }
        for (k, r) in references.enumerated() {
            field(k == 0 ? "References" : "", [r.letter.map { $0 + "." }, r.text, r.cable.map { "→ \($0)" }].compactMap { $0 }.joined(separator: " "))
        }
        field("Signature", signature)
        if priorRedactions > 0 { field("Redactions", "\(priorRedactions) earlier redaction(s) (XXXXXXXXXXXX)") }
        out += "\n"
        let rows = units.filter { ["paragraph", "heading", "text"].contains($0.kind) }
        out += "¶     written   mark        inherited    line   length  first words\n"
        for u in rows {
            let num = u.kind == "paragraph" ? (u.number.map { "¶\($0)" } ?? "¶?") : (u.kind == "heading" ? "head" : "text")
            let mark = u.mark ?? "—"
            out += num.column(6)
                + (u.writtenNumber ?? "—").column(10)
                + mark.column(12)
                + (u.markSource == "written" ? "no" : (u.markSource ?? "—")).column(13)
                + String(u.line).column(7)
                + String(u.length).column(8)
                + (u.blocks.isEmpty ? "" : "[\(u.blocks.joined(separator: ","))] ") + u.firstWords + "\n"
        }
        out += "\n\(paragraphs) paragraph(s), \(units.count) unit(s)\n"
        if diagnostics.isEmpty {
            out += "No diagnostics.\n"
        } else {
            out += "Diagnostics:\n"
            for d in diagnostics { out += "  \(file):\(d.line): \(d.severity.rawValue): \(d.message) [\(d.code)]\n" }
        }
        return out
    }
}
