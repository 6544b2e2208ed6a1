/// A unit's words as the policy engine reads them: its content without page breaks and glued banners, runs
/// of white space folded to one space, with the source offset of every byte so that a match found in the
/// words maps back to the bytes of the cable.
struct UnitText {
    /// The folded words, UTF-8.
    private(set) var bytes: [UInt8] = []
    /// The source offset of every byte of `bytes`, as runs: `bytes[i]` for `segments[s].at <= i` (the last
    /// such run) stands at `segments[s].source + (i - segments[s].at)`. A run breaks only where more than
    /// one byte was folded away (a line break and indentation, a page break), so there are few.
    private var segments: [(at: Int32, source: Int32)] = []

    init(_ cable: borrowing Cable, _ unit: borrowing CableUnit) {
        let range = unit.contentRange
        guard !range.isEmpty else { return }
        let cuts = unit.interruptions.isEmpty ? [] : unit.interruptions.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        var segments: [(at: Int32, source: Int32)] = []
        // One allocation for most units (a run breaks at a blank line, an indented line or a cut).
        segments.reserveCapacity(range.count >> 6 + 4)
        // Each byte written stands for a byte of `range` (a space for the white space or cut before a
        // word), so `range.count` bounds it: the bytes are written in place, without appends.
        bytes = [UInt8](unsafeUninitializedCapacity: range.count) { out, written in
            var n = 0
            var cut = 0
            var pendingSpace = false
            /// The source offset that continues the current run.
            var expect = -1
            cable.source.withUnsafeBufferPointer { src in
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
                    // Up to the next cut, no cut check per byte.
                    let stop = cut < cuts.count ? min(range.upperBound, max(i, cuts[cut].lowerBound)) : range.upperBound
                    while i < stop {
                        // Eight bytes that continue the run as they are (`VerbatimChunk`): one load, one store.
                        if !pendingSpace, i == expect, i + 8 <= stop {
                            let x = VerbatimChunk.load(src, i)
                            if VerbatimChunk.isVerbatim(x) {
                                VerbatimChunk.store(x, out, n)
                                n += 8
                                i += 8
                                expect = i
                                continue
                            }
                        }
                        let c = src[i]
                        if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                            pendingSpace = n > 0
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
            }
            written = n
        }
        self.segments = segments
    }

    /// The source offset of `bytes[i]`.
    @inline(__always)
    private func source(_ i: Int) -> Int {
        // The last run starting at or before i (the first run starts at 0).
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if Int(segments[mid].at) <= i { lo = mid } else { hi = mid - 1 }
        }
        return Int(segments[lo].source) + (i - Int(segments[lo].at))
    }

    /// The source bytes covered by `r`, a range of `bytes`.
    func sourceRange(_ r: Range<Int>) -> Range<Int> {
        source(r.lowerBound)..<(source(r.upperBound - 1) + 1)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
