/// One part of a cable in the export: a header field, the banner, a paragraph, a heading, a page break,
/// the signature or unplaced text; with its marking, what the release did with it and why, and its
/// content (none when withheld).
public struct XMLPart: Sendable, Hashable, Codable {
    /// The XML element a part is written as.
    public enum Element: String, Sendable, Hashable, Codable {
        case field, banner, paragraph, heading, pageBreak, signature, text
    }

    /// What the release did with a part.
    public enum Disposition: String, Sendable, Hashable, Codable {
        case released, withheld, redacted
    }

    public var element: Element
    /// The parser's unit kind (`subject`, `routing`, `paragraph`), the policies' `part:` name.
    public var part: String
    /// `¶4`, `subject`, `routing@3`.
    public var label: String
    /// 1-based first line in the input.
    public var line: Int
    /// The repaired paragraph number, and the number as written when it differs.
    public var number: Int?
    public var writtenNumber: String?
    /// Blocks the part lies in or holds (`comment`, `note`, `summary`).
    public var blocks: [String]
    /// The part's marking; nil for banners and page breaks (they are not portions).
    public var marking: XMLMarking?
    /// nil for banners and page breaks, and in unredacted documents.
    public var disposition: Disposition?
    public var exemption: String?
    public var authority: String?
    public var rule: String?
    /// The part's text, redacted spans and block edges; empty when withheld.
    public var content: [XMLInline]

    /// A part from its fields.
    public init(element: Element, part: String, label: String, line: Int, number: Int? = nil, writtenNumber: String? = nil,
                blocks: [String] = [], marking: XMLMarking? = nil, disposition: Disposition? = nil, exemption: String? = nil,
                authority: String? = nil, rule: String? = nil, content: [XMLInline] = []) {
        self.element = element
        self.part = part
        self.label = label
        self.line = line
        self.number = number
        self.writtenNumber = writtenNumber
        self.blocks = blocks
        self.marking = marking
        self.disposition = disposition
        self.exemption = exemption
        self.authority = authority
        self.rule = rule
        self.content = content
    }
}

/// A piece of a part's content.
public enum XMLInline: Sendable, Hashable, Codable {
    /// Text as the cable wrote it (line breaks kept).
    case text(String)
    /// A redacted span: `<redacted>` with its exemption, rule and length in characters, never its text.
    case redacted(exemption: String?, rule: String, length: Int)
    /// A page break inside the part (its banner repeat is not kept).
    case pageBreak(line: Int)
    /// Where a NOTE/COMMENT/SUMMARY block starts or ends inside the part (blocks may span parts).
    case blockStart(kind: String)
    case blockEnd(kind: String)
    /// A character XML 1.0 cannot hold (C0 controls other than tab, line feed and carriage return;
    /// U+FFFE, U+FFFF), written as `<char code="1B"/>`.
    case control(UInt32)
}
