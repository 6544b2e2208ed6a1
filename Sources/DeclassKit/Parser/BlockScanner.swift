/// Finds, in one pass over the text of the cable's portions, the SUMMARY/COMMENT/NOTE blocks (from their
/// opening word to their `END …`) and the earlier redactions (`XXXXXXXXXXXX`), and records them on the units.
enum BlockScanner {
    /// A redaction is a run of at least this many `X` (or `x`).
    static let redactionRun = 6

    static func scan(_ t: ByteText, cable: inout Cable) {
        var open: [(kind: BlockKind, start: Int, line: Int, unit: Int)] = []
        var blocks: [CableBlock] = []
        for k in cable.units.indices {
            let kind = cable.units[k].kind
            guard kind == .paragraph || kind == .heading || kind == .text || kind == .subject else { continue }
            let range = cable.units[k].contentRange
            var i = range.lowerBound
            let hi = range.upperBound
            var line = cable.units[k].firstLine
            while i < hi {
                let c = t[i]
                if c == 0x0A { line += 1; i += 1; continue }
                let atWord = i == 0 || !ByteText.isAlnum(t[i - 1])
                guard atWord else { i += 1; continue }
                switch c | 0x20 {
                case 0x78:  // x
                    var j = i
                    while j < hi, t[j] | 0x20 == 0x78 { j += 1 }
                    if j - i >= redactionRun, j == hi || !ByteText.isAlpha(t[j]) {
                        cable.units[k].priorRedactions.append(i..<j)
                        cable.priorRedactions.append(i..<j)
                    }
                    i = j
                    continue
                case 0x65:  // e: END SUMMARY / END COMMENT / END NOTE
                    if t.hasPrefixCI(i, hi, "END ") {
                        let w = t.skipSpaces(i + 4, hi)
                        if let (kind, len) = blockWord(t, w, hi), let o = open.lastIndex(where: { $0.kind == kind }) {
                            var end = w + len
                            if end < hi, t[end] == 0x2E { end += 1 }
                            if end < hi, t[end] == 0x29, t[open[o].start] == 0x28 { end += 1 }
                            blocks.append(CableBlock(kind: kind, range: open[o].start..<end, line: open[o].line, closed: true))
                            mark(kind, units: open[o].unit...k, in: &cable)
                            open.remove(at: o)
                            i = end
                            continue
                        }
                    }
                case 0x73, 0x63, 0x6E, 0x62:  // s, c, n, b(EGIN)
                    var w = i
                    if t.hasPrefixCI(i, hi, "BEGIN ") { w = t.skipSpaces(i + 6, hi) }
                    if let (kind, len) = blockWord(t, w, hi) {
                        var after = t.skipSpaces(w + len, hi)
                        let begin = w != i
                        if begin || (after < hi && (t[after] == 0x3A || (t[after] == 0x2D && kind != .note))) {
                            if after < hi, t[after] == 0x3A { after += 1 }
                            let start = i > range.lowerBound && t[i - 1] == 0x28 ? i - 1 : i
                            open.append((kind, start, line, k))
                            i = after
                            continue
                        }
                    }
                default:
                    break
                }
                i += 1
            }
            // A NOTE left open ends with its paragraph; SUMMARY and COMMENT may run over several.
            while let o = open.lastIndex(where: { $0.kind == .note && $0.unit == k }) {
                blocks.append(CableBlock(kind: .note, range: open[o].start..<hi, line: open[o].line, closed: false))
                mark(.note, units: k...k, in: &cable)
                open.remove(at: o)
            }
        }
        for o in open {
            let end = cable.units[o.unit].contentRange.upperBound
            blocks.append(CableBlock(kind: o.kind, range: o.start..<end, line: o.line, closed: false))
            mark(o.kind, units: o.unit...o.unit, in: &cable)
        }
        cable.blocks = blocks.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func blockWord(_ t: ByteText, _ at: Int, _ hi: Int) -> (BlockKind, Int)? {
        if t.hasWordCI(at, hi, "SUMMARY") { return (.summary, 7) }
        if t.hasWordCI(at, hi, "COMMENT") { return (.comment, 7) }
        if t.hasWordCI(at, hi, "NOTE") { return (.note, 4) }
        return nil
    }

    private static func mark(_ kind: BlockKind, units: ClosedRange<Int>, in cable: inout Cable) {
        for k in units where [.paragraph, .heading, .text, .subject].contains(cable.units[k].kind) && !cable.units[k].blocks.contains(kind) {
            cable.units[k].blocks.append(kind)
        }
    }
}
