/// A parsed cable: its input bytes kept once, the units that cover them, and the fields read from them.
public struct Cable: Sendable {
    /// The input exactly as read.
    public let source: [UInt8]
    /// Where the input came from (a path, or `-` for standard input).
    public var name: String
    public var units: [CableUnit]

    /// The canonical id, `09ASTANA435`: year of the cable's date, origin and number from the banner.
    public var id: String?
    /// The originating post as the banner writes it (`ASTANA`, `RIO DE JANEIRO`).
    public var origin: String?
    /// The cable number from the banner (`435`).
    public var serial: Int?
    /// The date of the date-time group (or the archive's date when the group is missing).
    public var date: CivilDate?
    /// The date-time group as written (`120728Z MAR 09`).
    public var dateTimeGroup: String?
    /// Precedence letters before the date-time group (`O`, `OO`, `R`, `P`).
    public var precedence: String?
    /// `FM` line's sender (`AMEMBASSY ASTANA`).
    public var sender: String?
    /// The banner's overall classification; `.unknown` when no banner was found.
    public var classification: Classification
    /// Controls from the banner and handling lines (`NOFORN`, `EFTO`), canonical.
    public var controls: [String]
    /// The banner as written.
    public var banner: String?
    /// `SECTION n OF m`, when written.
    public var section: Int?
    public var sectionCount: Int?
    /// True for `This record is a partial extract of the original cable…`.
    public var isPartialExtract: Bool
    /// Handling words in the preamble (`SIPDIS`, `NOFORN`, `SENSITIVE`).
    public var handling: [String]
    public var declassification: DeclassInstruction
    public var authority: ClassificationAuthority?
    public var tags: [String]
    public var subject: String?
    public var references: [Reference]
    public var signature: String?
    public var blocks: [CableBlock]
    /// Every earlier redaction (`XXXXXXXXXXXX`) in the cable.
    public var priorRedactions: [Range<Int>]
    public var diagnostics: [Diagnostic]

    init(source: [UInt8], name: String) {
        self.source = source
        self.name = name
        self.units = []
        self.classification = .unknown
        self.controls = []
        self.isPartialExtract = false
        self.handling = []
        self.declassification = DeclassInstruction(kind: .missing)
        self.tags = []
        self.references = []
        self.blocks = []
        self.priorRedactions = []
        self.diagnostics = []
    }

    /// The bytes of `range` as a string.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: source[range], as: UTF8.self)
    }

    /// The unit's source exactly as written, line breaks included.
    public func sourceText(of unit: CableUnit) -> String { text(unit.range) }

    /// The unit's words: its content without interruptions (page breaks, banner repeats), whitespace folded.
    public func words(of unit: CableUnit) -> String { words(of: unit, excluding: []) }

    /// The unit's words without the given source ranges (redacted spans) as well.
    public func words(of unit: CableUnit, excluding: [Range<Int>]) -> String {
        words(in: unit.contentRange, interruptions: unit.interruptions, excluding: excluding)
    }

    /// `words(of: units[k])`, the unit's fields read in place (passing `units[k]` copies the whole unit,
    /// retaining all its arrays).
    func words(ofUnitAt k: Int) -> String {
        words(in: units[k].contentRange, interruptions: units[k].interruptions, excluding: [])
    }

    /// Appends to `ranges` the pieces of `unit`'s content that `words(of:excluding:)` copies: its content
    /// without its interruptions and `excluding`, in order; each piece ends where a cut starts, so that the
    /// leak checker reads a unit's released words in place, with a word break at each cut as the copy has.
    func appendWordRanges(of unit: CableUnit, excluding: [Range<Int>], to ranges: inout [Range<Int>]) {
        Cable.appendWordRanges(content: unit.contentRange, interruptions: unit.interruptions, excluding: excluding, to: &ranges)
    }

    /// `appendWordRanges(of: units[k], excluding:to:)`, which reads nothing of the cable but the unit: a closure
    /// that needs the ranges later captures the cable's units, not the whole cable (retaining each of its
    /// fields). The unit's fields are read in place (passing `units[k]` copied the unit).
    static func appendWordRanges(ofUnitAt k: Int, in units: [CableUnit], excluding: [Range<Int>], to ranges: inout [Range<Int>]) {
        appendWordRanges(content: units[k].contentRange, interruptions: units[k].interruptions, excluding: excluding, to: &ranges)
    }

    /// `appendWordRanges(of:excluding:to:)` of a unit's content and interruptions.
    private static func appendWordRanges(content range: Range<Int>, interruptions: [Interruption], excluding: [Range<Int>],
                                         to ranges: inout [Range<Int>]) {
        guard !range.isEmpty else { return }
        let cuts = interruptions.isEmpty && excluding.isEmpty ? []
            : (interruptions.map(\.range) + excluding).sorted { $0.lowerBound < $1.lowerBound }
        var cut = 0
        var i = range.lowerBound
        while i < range.upperBound {
            if cut < cuts.count, i >= cuts[cut].lowerBound {
                if i < cuts[cut].upperBound { i = cuts[cut].upperBound }
                cut += 1
                continue
            }
            let end = cut < cuts.count ? min(cuts[cut].lowerBound, range.upperBound) : range.upperBound
            ranges.append(i ..< end)
            i = end
        }
    }

    /// The words of a unit whose content is `range`, without its interruptions and `excluding`.
    private func words(in range: Range<Int>, interruptions: [Interruption], excluding: [Range<Int>]) -> String {
        guard !range.isEmpty else { return "" }
        let cuts = interruptions.isEmpty && excluding.isEmpty ? []
            : (interruptions.map(\.range) + excluding).sorted { $0.lowerBound < $1.lowerBound }
        return source.withUnsafeBufferPointer { src in
            String(unsafeUninitializedCapacity: range.count) { out in
                var n = 0
                var cut = 0
                var pendingSpace = false
                var i = range.lowerBound
                while i < range.upperBound {
                    if cut < cuts.count, i >= cuts[cut].lowerBound {
                        if i < cuts[cut].upperBound {
                            i = cuts[cut].upperBound
                            pendingSpace = n > 0
                        }
                        cut += 1
                        continue
                    }
                    // After a copied non-space byte, the bytes up to the next cut that fold to themselves (a lone
                    // line break written as a space, `VerbatimChunk`): sixteen at a time while the byte after
                    // them is before the cut (it is read), then eight, each with one load and one store (those
                    // past the run are written over next: the words are never longer than the bytes read).
                    // The byte a run stops at goes through the fold below at once.
                    if !pendingSpace, n > 0 {
                        let stop = cut < cuts.count ? min(range.upperBound, cuts[cut].lowerBound) : range.upperBound
                        let broke = VerbatimChunk.copyFoldedRuns16(src, out, &i, &n, stop: stop)
                        while !broke, i &+ 8 <= stop {
                            let x = VerbatimChunk.load(src, i)
                            let run = VerbatimChunk.verbatimPrefix(x)
                            VerbatimChunk.store(x, out, n)
                            n &+= run
                            i &+= run
                            if run < 8 { break }
                        }
                        guard i < stop else { continue }
                    }
                    let c = src[i]
                    if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace {
                            out[n] = 0x20
                            n += 1
                            pendingSpace = false
                        }
                        out[n] = c
                        n += 1
                    }
                    i += 1
                }
                return n
            }
        }
    }

    /// The paragraphs, in order.
    public var paragraphs: [CableUnit] { units.filter { $0.kind == .paragraph } }

    /// The highest classification among the units' markings (what the banner should say).
    public var highestPortion: Classification {
        units.compactMap { $0.marking?.classification }.max() ?? classification
    }
}
