import DeclassMatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the SUMMARY/COMMENT/NOTE blocks (from their opening word to their `END …`) and the earlier
/// redactions (`XXXXXXXXXXXX`) with one Vectorscan pass over the cable, and records them on the units.
enum BlockScanner {
    /// A redaction is a run of at least this many `X` (or `x`).
    static let redactionRun = 6

    private enum Marker: Int {
        case begin = 0, open, openNote, end, redaction
    }

    /// The markers, caseless: `BEGIN SUMMARY`, `SUMMARY:`/`COMMENT -`, `NOTE:`, `END COMMENT`, `XXXXXX`.
    private static let database: PatternDatabase = {
        let patterns = [
            #"\bBEGIN [ \t]*(SUMMARY|COMMENT|NOTE)\b"#,
            #"\b(SUMMARY|COMMENT)[ \t]*[:-]"#,
            #"\bNOTE[ \t]*:"#,
            #"\bEND [ \t]*(SUMMARY|COMMENT|NOTE)\b"#,
            #"X{6,}"#,
        ]
        // The patterns are fixed: failing to compile them is a programming error.
        return try! PatternDatabase(patterns.map { PatternSpec(expression: $0, caseless: true) })
    }()

    /// Scanners are not thread-safe: each parse borrows one.
    private static let pool = ScannerPool(database)

    static func withScanner<R>(_ body: (PatternScanner) -> R) -> R {
        let scanner = pool.take()
        defer { pool.give(scanner) }
        return body(scanner)
    }

    /// The units blocks open, close and are marked in: paragraphs, headings, text, the subject (a switch,
    /// not a set to hash).
    private static func isScanned(_ kind: UnitKind) -> Bool {
        switch kind {
        case .paragraph, .heading, .text, .subject: return true
        default: return false
        }
    }

    /// The markers as Vectorscan finds them and as `BlockMarkers` finds them (nil when it hands the text
    /// to Vectorscan), as `pattern:start-end` lines: for the tests that keep the two in agreement.
    static func markerReadings(_ t: ByteText) -> (vectorscan: [String], direct: [String]?) {
        func lines(_ ms: [PatternMatch]) -> [String] { ms.map { "\($0.pattern):\($0.range.lowerBound)-\($0.range.upperBound)" } }
        return (lines(withScanner { $0.scan(t.b) }), BlockMarkers.find(t).map(lines))
    }

    /// Records the blocks and earlier redactions of `t` on the cable's units, from the `markers` found while
    /// the input was validated (`MarkedInput.scan`), or from Vectorscan when they are nil.
    static func scan(_ t: ByteText, cable: inout Cable, markers: [PatternMatch]?) {
        let matches = markers ?? withScanner { $0.scan(t.b) }
        guard !matches.isEmpty else { return }
        var open: [(kind: BlockKind, start: Int, line: Int, unit: Int)] = []
        var blocks: [CableBlock] = []
        var k = 0
        var lastUnit = -1
        // The cable's earlier redactions, its blocks and the blocks open at once in one allocation each, not
        // regrown from one: at most one redaction per redaction marker, one block per opening marker.
        var redactions = 0
        for m in matches where m.pattern == Marker.redaction.rawValue { redactions += 1 }
        cable.priorRedactions.reserveCapacity(redactions)
        if matches.count > redactions {
            var opening = 0
            for m in matches where m.pattern <= Marker.openNote.rawValue { opening += 1 }
            open.reserveCapacity(opening)
            blocks.reserveCapacity(opening)
        }
        /// Closes the NOTEs left open in unit `u` (a NOTE ends with its paragraph).
        func closeNotes(of u: Int) {
            while let o = open.lastIndex(where: { $0.kind == .note && $0.unit == u }) {
                blocks.append(CableBlock(kind: .note, range: open[o].start..<cable.units[u].contentRange.upperBound, line: open[o].line, closed: false))
                mark(.note, units: u...u, in: &cable)
                open.remove(at: o)
            }
        }
        for (i, m) in matches.enumerated() {
            while k < cable.units.count, cable.units[k].range.upperBound <= m.range.lowerBound { k += 1 }
            guard k < cable.units.count else { break }
            // The unit's fields read in place (a copy of the unit would retain all its arrays).
            let unitKind = cable.units[k].kind, content = cable.units[k].contentRange
            let marker = Marker(rawValue: m.pattern)!
            // Earlier redactions are kept wherever they stand; blocks open and close in the cable's text.
            guard marker == .redaction ? !DecisionEngine.isStructural(unitKind) : isScanned(unitKind),
                  content.contains(m.range.lowerBound) else { continue }
            if k != lastUnit {
                if lastUnit >= 0 { closeNotes(of: lastUnit) }
                lastUnit = k
            }
            let hi = content.upperBound
            switch marker {
            case .redaction:
                let end = min(m.range.upperBound, hi)
                guard end - m.range.lowerBound >= redactionRun else { continue }
                // Room for the unit's redactions at its first: at most one for each marker still in its content.
                if cable.units[k].priorRedactions.isEmpty {
                    var n = 0
                    var j = i
                    while j < matches.count, matches[j].range.lowerBound < hi {
                        if matches[j].pattern == Marker.redaction.rawValue { n += 1 }
                        j += 1
                    }
                    cable.units[k].priorRedactions.reserveCapacity(n)
                }
                cable.units[k].priorRedactions.append(m.range.lowerBound..<end)
                cable.priorRedactions.append(m.range.lowerBound..<end)
            case .begin, .open, .openNote:
                let kind = blockKind(t, m.range)
                let start = m.range.lowerBound > content.lowerBound && t[m.range.lowerBound - 1] == 0x28 ? m.range.lowerBound - 1 : m.range.lowerBound
                open.append((kind, start, line(of: start, from: cable.units[k].range.lowerBound, firstLine: cable.units[k].firstLine, t), k))
            case .end:
                let kind = blockKind(t, m.range)
                guard let o = open.lastIndex(where: { $0.kind == kind }) else { continue }
                var end = min(m.range.upperBound, hi)
                if end < hi, t[end] == 0x2E { end += 1 }
                if end < hi, t[end] == 0x29, t[open[o].start] == 0x28 { end += 1 }
                blocks.append(CableBlock(kind: kind, range: open[o].start..<end, line: open[o].line, closed: true))
                mark(kind, units: open[o].unit...k, in: &cable)
                open.remove(at: o)
            }
        }
        if lastUnit >= 0 { closeNotes(of: lastUnit) }
        for o in open {
            let end = cable.units[o.unit].contentRange.upperBound
            blocks.append(CableBlock(kind: o.kind, range: o.start..<end, line: o.line, closed: false))
            mark(o.kind, units: o.unit...o.unit, in: &cable)
        }
        // Sorted in place (the same stable sort as `sorted(by:)`, without a second array).
        blocks.sort { $0.range.lowerBound < $1.range.lowerBound }
        cable.blocks = blocks
    }

    /// The block named in a marker's text, by the last letter of its last word: SUMMARY, NOTE, COMMENT.
    private static func blockKind(_ t: ByteText, _ r: Range<Int>) -> BlockKind {
        var i = r.upperBound - 1
        while i > r.lowerBound, !ByteText.isAlpha(t[i]) { i -= 1 }
        switch ByteText.upper(t[i]) {
        case 0x59: return .summary  // Y
        case 0x45: return .note  // E
        default: return .comment  // T
        }
    }

    /// The line of byte `at` in a unit that starts at byte `from` on line `firstLine`. The line breaks are
    /// found with `memchr`: a block often opens deep in a long paragraph, where the byte loop cost ~4
    /// instructions a byte.
    static func line(of at: Int, from: Int, firstLine: Int, _ t: ByteText) -> Int {
        guard let base = t.b.baseAddress else { return firstLine }
        var n = firstLine
        var j = from
        while j < at, let p = memchr(base + j, 0x0A, at - j) {
            n += 1
            j = base.distance(to: p.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return n
    }

    /// `line(of:from:firstLine:_:)` byte by byte: the reference the `memchr` search is tested against.
    static func lineByBytes(of at: Int, from: Int, firstLine: Int, _ t: ByteText) -> Int {
        var n = firstLine
        for j in from..<at where t[j] == 0x0A { n += 1 }
        return n
    }

    private static func mark(_ kind: BlockKind, units: ClosedRange<Int>, in cable: inout Cable) {
        for k in units where isScanned(cable.units[k].kind) && !cable.units[k].blocks.contains(kind) {
            // A unit's first block is one of three shared arrays (retained, not allocated per unit); a second
            // block appended copies it.
            if cable.units[k].blocks.isEmpty { cable.units[k].blocks = only(kind) } else { cable.units[k].blocks.append(kind) }
        }
    }

    /// `[kind]`, made once for each kind: the blocks of a unit in one block.
    private static func only(_ kind: BlockKind) -> [BlockKind] {
        switch kind {
        case .summary: onlySummary
        case .comment: onlyComment
        case .note: onlyNote
        }
    }

    private static let onlySummary: [BlockKind] = [.summary]
    private static let onlyComment: [BlockKind] = [.comment]
    private static let onlyNote: [BlockKind] = [.note]
}

/// Scanners of one database, lent to one thread at a time.
final class ScannerPool: @unchecked Sendable {
    private let database: PatternDatabase
    private let lock = NSLock()
    private var idle: [PatternScanner] = []

    init(_ database: PatternDatabase) { self.database = database }

    func take() -> PatternScanner {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast() ?? database.makeScanner()
    }

    func give(_ scanner: PatternScanner) {
        lock.lock()
        idle.append(scanner)
        lock.unlock()
    }
}
