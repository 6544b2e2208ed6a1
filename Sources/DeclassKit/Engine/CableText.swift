/// The words of every judged unit of a cable, as the policy engine reads them, in one buffer: each unit's
/// content without page breaks and glued banners, runs of white space folded to one space, followed by a
/// line break (which no folded text holds, so a pattern match or a word stays inside its unit). Every byte
/// keeps its source offset, so that a match found in the words maps back to the bytes of the cable.
/// Built once per cable: one allocation for the words and one for the offsets, whatever the unit count.
struct CableText {
    /// The folded words, UTF-8, unit after unit, then `padding` zero bytes (so that eight bytes can be
    /// loaded at any word offset, and sixteen at any offset before a unit's end).
    private(set) var bytes: [UInt8] = []
    /// The number of bytes of words and line breaks (without the padding).
    private(set) var count = 0
    /// Per unit, where its words start and end in `bytes` (structural units: empty, at the next unit).
    private var bounds: [(start: Int32, end: Int32)] = []
    /// The source offset of every byte of `bytes`, as runs: `bytes[i]` for `segments[s].at <= i` (the last
    /// such run) stands at `segments[s].source + (i - segments[s].at)`. A run breaks only where more than
    /// one byte was folded away (a line break and indentation, a page break) and at each unit, so there
    /// are few.
    private var segments: [(at: Int32, source: Int32)] = []

    /// Zero bytes after the words.
    static let padding = 16

    /// The words of every unit of `cable` that `include` admits (by kind), in unit order.
    init(_ cable: borrowing Cable, including include: (UnitKind) -> Bool) {
        let units = cable.units
        var capacity = CableText.padding
        for u in units.indices where include(units[u].kind) { capacity += units[u].contentRange.count + 1 }
        var bounds: [(start: Int32, end: Int32)] = []
        bounds.reserveCapacity(units.count)
        var segments: [(at: Int32, source: Int32)] = []
        // One allocation for most cables (a run breaks at a blank line, an indented line, a cut, a unit).
        segments.reserveCapacity(capacity >> 6 + 2 * units.count)
        var written = 0
        // Each byte written stands for a byte of a unit's content (a space for the white space or cut
        // before a word) or ends a unit, so `capacity` bounds it: the bytes are written in place.
        bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
            cable.source.withUnsafeBufferPointer { src in
                for u in units.indices {
                    guard include(units[u].kind) else {
                        bounds.append((Int32(truncatingIfNeeded: written), Int32(truncatingIfNeeded: written)))
                        continue
                    }
                    let start = written
                    // The cuts made only for a unit with interruptions (few), and read in place: passing
                    // every unit's list retained and released it, and a list of cuts was released per unit.
                    if units[u].interruptions.isEmpty {
                        written = CableText.fold(units[u].contentRange, cutting: UnsafeBufferPointer(start: nil, count: 0), from: src,
                                                 into: out, at: written, segments: &segments)
                    } else {
                        written = CableText.cuts(units[u].interruptions).withUnsafeBufferPointer { cuts in
                            CableText.fold(units[u].contentRange, cutting: cuts, from: src, into: out, at: written, segments: &segments)
                        }
                    }
                    bounds.append((Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: written)))
                    out[written] = 0x0A
                    written += 1
                }
            }
            for i in written..<(written + CableText.padding) { out[i] = 0 }
            initialized = written + CableText.padding
        }
        count = written
        self.bounds = bounds
        self.segments = segments
    }

    /// The source ranges of `interruptions`, by start: what `fold` cuts from a unit's content.
    private static func cuts(_ interruptions: [Interruption]) -> [Range<Int>] {
        interruptions.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Writes the folded words of a unit's content `range`, less `cuts` (`cuts(_:)`), at `out[start...]`
    /// and returns where they end; records the runs of source offsets (the first byte always starts one).
    /// Takes the unit's fields, not the unit: passing a unit copies it.
    private static func fold(_ range: Range<Int>, cutting cuts: UnsafeBufferPointer<Range<Int>>, from src: UnsafeBufferPointer<UInt8>,
                             into out: UnsafeMutableBufferPointer<UInt8>, at start: Int, segments: inout [(at: Int32, source: Int32)]) -> Int {
        guard !range.isEmpty else { return start }
        var n = start
        var cut = 0
        var pendingSpace = false
        /// The source offset that continues the current run.
        var expect = -1
        var i = range.lowerBound
        while i < range.upperBound {
            if cut < cuts.count, i >= cuts[cut].lowerBound {
                if i < cuts[cut].upperBound {
                    i = cuts[cut].upperBound
                    pendingSpace = n > start
                }
                cut += 1
                continue
            }
            // Up to the next cut, no cut check per byte.
            let stop = cut < cuts.count ? min(range.upperBound, max(i, cuts[cut].lowerBound)) : range.upperBound
            while i < stop {
                // The bytes of the next eight that continue the run as they are (`VerbatimChunk`): one
                // load, one store of all eight (those past the run are written over next; `stop` bounds
                // the store as it bounds the words).
                if !pendingSpace, i == expect, i + 8 <= stop {
                    let from = i
                    /// Whether the byte at `i` was found to break the run: eight bytes from it copy none.
                    var broke = false
                    // Thirty-two, then sixteen bytes at a time while the byte after them is in the range
                    // (it is read), one store of each sixteen, lone line breaks written as spaces
                    // (`foldedPrefix16`); then eight. A run shorter stops at a byte the fold must read: it
                    // goes there at once (loaded again, it would copy nothing). Thirty-two at a time, both
                    // blocks' flags are tested at once: most words run on for many blocks.
                    let s = src.baseAddress!, o = out.baseAddress!
                    while i &+ 33 <= stop {
                        let a = VerbatimChunk.foldedBreaks16(UnsafeRawPointer(s + i).loadUnaligned(as: SIMD16<UInt8>.self),
                                                             next: UnsafeRawPointer(s + (i &+ 1)).loadUnaligned(as: SIMD16<UInt8>.self))
                        let b = VerbatimChunk.foldedBreaks16(UnsafeRawPointer(s + (i &+ 16)).loadUnaligned(as: SIMD16<UInt8>.self),
                                                             next: UnsafeRawPointer(s + (i &+ 17)).loadUnaligned(as: SIMD16<UInt8>.self))
                        UnsafeMutableRawPointer(o + n).storeBytes(of: a.bytes, as: SIMD16<UInt8>.self)
                        UnsafeMutableRawPointer(o + (n &+ 16)).storeBytes(of: b.bytes, as: SIMD16<UInt8>.self)
                        if VerbatimChunk.none(a.breaks | b.breaks) {
                            n &+= 32
                            i &+= 32
                            continue
                        }
                        let run = VerbatimChunk.none(a.breaks) ? 16 &+ VerbatimChunk.run(b.breaks) : VerbatimChunk.run(a.breaks)
                        n &+= run
                        i &+= run
                        broke = true
                        break
                    }
                    if !broke { broke = VerbatimChunk.copyFoldedRuns16(src, out, &i, &n, stop: stop) }
                    if !broke, i &+ 8 <= stop {
                        var x = VerbatimChunk.load(src, i)
                        var run = VerbatimChunk.verbatimPrefix(x)
                        // Run after run in a tight loop (each continues the last), then back to the bytes.
                        while run > 0 {
                            VerbatimChunk.store(x, out, n)
                            n &+= run
                            i &+= run
                            guard i &+ 8 <= stop else { break }
                            x = VerbatimChunk.load(src, i)
                            run = VerbatimChunk.verbatimPrefix(x)
                        }
                    }
                    // The byte where the run stopped (a break, or one of the last few before `stop`) goes
                    // through the fold below at once: back at the top, the run would be tried again there
                    // and stop at once, a few dozen instructions a line for nothing.
                    if i > from {
                        expect = i
                        guard i < stop else { continue }
                    }
                }
                let c = src[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                    pendingSpace = n > start
                } else {
                    if pendingSpace {
                        if i - 1 != expect { segments.append((Int32(truncatingIfNeeded: n), Int32(truncatingIfNeeded: i - 1))) }
                        out[n] = 0x20
                        n += 1
                        expect = i
                        pendingSpace = false
                    }
                    if i != expect { segments.append((Int32(truncatingIfNeeded: n), Int32(truncatingIfNeeded: i))) }
                    out[n] = c
                    n += 1
                    expect = i + 1
                }
                i += 1
            }
        }
        return n
    }

    /// Where unit `k`'s words stand in `bytes`.
    @inline(__always)
    func words(of k: Int) -> Range<Int> { Int(bounds[k].start)..<Int(bounds[k].end) }

    /// The words and line breaks, without the padding.
    func withWords<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The source offset of `bytes[i]`.
    @inline(__always)
    private func source(_ i: Int) -> Int {
        // The last run starting at or before i (the first run starts at the first unit's first byte).
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if Int(segments[mid].at) <= i { lo = mid } else { hi = mid - 1 }
        }
        return Int(segments[lo].source) + (i - Int(segments[lo].at))
    }

    /// The source bytes covered by `r`, a non-empty range of one unit's words in `bytes`.
    func sourceRange(_ r: Range<Int>) -> Range<Int> {
        source(r.lowerBound)..<(source(r.upperBound - 1) + 1)
    }
}
