/// What part of a cable a unit is; policies select units by these names (`part: [routing, paragraph]`).
public enum UnitKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Blank lines before anything else.
    case blank
    /// Transmission routing: `VZCZC…`, `OO RUEH…`, `DE RUEHTA #0435/01 0710728`, `ZNY CCCCC ZZH`.
    case routing
    /// Precedence and date-time group: `O 120728Z MAR 09`.
    case dateTimeGroup = "date-time-group"
    /// `FM AMEMBASSY ASTANA`.
    case from
    /// `TO …` addressees and their continuation lines.
    case to
    /// `INFO …` addressees and their continuation lines.
    case info
    /// Distribution: `ACTION AF-00`, `INFO LOG-00 …` blocks, `STATE FOR …`, `PLEASE PASS TO …`.
    case distribution
    /// `This record is a partial extract of the original cable…` and similar archive notices.
    case notice
    /// Other header lines (archive metadata, dates written by the archive).
    case headerText = "header-text"
    /// The classification banner: `C O N F I D E N T I A L SECTION 01 OF 03 ASTANA 000435`.
    case banner
    /// Handling instructions: `SIPDIS`, `NOFORN`, `SENSITIVE`, `E F T O`.
    case handling
    /// The `E.O. 12958: DECL: …` line.
    case declassification
    /// `TAGS:` and its continuation lines.
    case tags
    /// `SUBJECT:` and its continuation lines.
    case subject
    /// `REF:` and its list.
    case references
    /// `Classified By: …` with its reasons.
    case classifiedBy = "classified-by"
    /// The derivative block: `SECRET//FGI//NOFORN//MR`, `Declassify on: Source marked 25X1-human, …`.
    case derivative
    /// A numbered (or portion-marked) paragraph, with its continuation blocks.
    case paragraph
    /// A heading between paragraphs (`LOOKING FORWARD TO A POTUS VISIT`).
    case heading
    /// A page break between units (`ASTANA 00000435 002 OF 003`, `PAGE 02 …`, banner repeats).
    case pageBreak = "page-break"
    /// The signature at the end (`HOAGLAND`).
    case signature
    /// Text the parser could not place; treated like a paragraph for marking (fail closed).
    case text
}

/// Kinds of text inside a unit that are not the unit's own words (page breaks, banner repeats, a glued
/// `SIPDIS`): kept in the source, skipped when the unit's words are read.
public enum InterruptionKind: String, Sendable, Hashable, Codable {
    case pageBreak = "page-break"
    case banner
    case handling
    case distribution
}

/// A byte range inside a unit that interrupts its words.
public struct Interruption: Sendable, Hashable, Codable {
    public var kind: InterruptionKind
    public var range: Range<Int>
    /// 1-based line of the interruption.
    public var line: Int
    public init(kind: InterruptionKind, range: Range<Int>, line: Int) {
        self.kind = kind
        self.range = range
        self.line = line
    }
}

/// Kinds of block that run inside or across paragraphs.
public enum BlockKind: String, Sendable, Hashable, Codable, CaseIterable {
    case summary
    case comment
    case note
}

/// A NOTE/COMMENT/SUMMARY block: its kind and byte range, from its opening word to its `END …` (or to the
/// end of the last paragraph it covers when the end is not written).
public struct CableBlock: Sendable, Hashable, Codable {
    public var kind: BlockKind
    public var range: Range<Int>
    /// 1-based first line.
    public var line: Int
    /// True when an `END COMMENT`-style closing was found.
    public var closed: Bool
}

/// One part of a cable: a contiguous source range with its kind and portion marking. The units of a cable
/// cover its input exactly, in order, so that joining their source gives the input back byte for byte.
public struct CableUnit: Sendable, Hashable {
    public var kind: UnitKind
    /// The unit's bytes in the source, including its line breaks and any blank lines that follow it.
    public var range: Range<Int>
    /// 1-based first and last line the unit touches.
    public var firstLine: Int
    public var lastLine: Int
    /// The unit's words: after a paragraph's number and mark, without trailing blank lines.
    public var contentRange: Range<Int>
    /// Page breaks, banner repeats and glued handling words inside the content.
    public var interruptions: [Interruption]
    /// The portion marking: written, inherited from the banner, or nil for parts that carry none (routing).
    public var marking: PortionMarking?
    /// The repaired paragraph number (¶2 for `[1](#)2.`), for paragraphs.
    public var number: Int?
    /// The paragraph number token as written (`[1](#)2`, `11`, `¶18`), for paragraphs.
    public var writtenNumber: String?
    /// Byte range of the portion mark as written, parentheses included.
    public var markRange: Range<Int>?
    /// The blocks the unit lies in or holds.
    public var blocks: [BlockKind]
    /// Earlier redactions (`XXXXXXXXXXXX`) inside the unit.
    public var priorRedactions: [Range<Int>]
}

extension CableUnit {
    /// A unit of `kind` over `range` and its lines, without marking, number or interruptions yet; its content
    /// is the whole range unless given.
    // Declared here, not in the struct, so that the struct keeps its memberwise initializer, which this one
    // calls: assigning the fields one by one made the optimizer build each unit twice, copy one (retaining
    // its arrays) and destroy the other on every `units.append(CableUnit(…))`.
    public init(kind: UnitKind, range: Range<Int>, firstLine: Int, lastLine: Int, contentRange: Range<Int>? = nil) {
        self.init(kind: kind, range: range, firstLine: firstLine, lastLine: lastLine, contentRange: contentRange ?? range, interruptions: [],
                  marking: nil, number: nil, writtenNumber: nil, markRange: nil, blocks: [], priorRedactions: [])
    }

    /// A short name for the unit in reports and logs: `¶4`, `subject`, `heading@51`.
    public var label: String { CableUnit.label(kind: kind, number: number, firstLine: firstLine) }

    /// `label` from the three fields it reads: the engine names every unit this way, reading the fields
    /// in place (calling the getter on `cable.units[k]` copied the whole unit, retaining its arrays).
    static func label(kind: UnitKind, number: Int?, firstLine: Int) -> String {
        if kind == .paragraph, let n = number {
            return n >= 0 && n < paragraphLabels.count ? paragraphLabels[n] : joined("¶", n)
        }
        if kind == .paragraph { return joined("paragraph@", firstLine) }
        return isSingleton(kind) ? kind.rawValue : joined(kind.rawValue, at: true, firstLine)
    }

    /// `¶0` to `¶99`, made once: the labels of nearly every paragraph, read instead of built (the parser
    /// reads a paragraph's written number `¶N` from the same table).
    static let paragraphLabels: [String] = (0..<100).map { "¶\($0)" }

    /// `prefix` followed by `n` in decimal, as `prefix + String(n)` gives it (`prefix + "@" + String(n)`
    /// when `at`), written into one buffer of the exact length (a small string, no allocation, for most labels):
    /// concatenating cost more than the rest of deciding a unit. The `@` is written here, not appended to
    /// the kind's name first: that append cost more than the rest of the label.
    private static func joined(_ prefix: String, at: Bool = false, _ n: Int) -> String {
        guard n >= 0 else { return prefix + (at ? "@" : "") + String(n) }
        var digits = 1
        var rest = n / 10
        while rest > 0 { digits += 1; rest /= 10 }
        var prefix = prefix
        let head = at ? 1 : 0
        return prefix.withUTF8 { p in
            String(unsafeUninitializedCapacity: p.count + head + digits) { out in
                for i in 0..<p.count { out[i] = p[i] }
                if at { out[p.count] = UInt8(ascii: "@") }
                var v = n
                var i = p.count + head + digits
                repeat {
                    i -= 1
                    out[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                    v /= 10
                } while v > 0
                return p.count + head + digits
            }
        }
    }

    /// True for the parts a cable has at most one of: named without their line.
    private static func isSingleton(_ kind: UnitKind) -> Bool {
        switch kind {
        case .banner, .declassification, .tags, .subject, .references, .classifiedBy, .derivative, .signature, .from, .dateTimeGroup:
            return true
        default:
            return false
        }
    }
}
