/// A unit's words as the policy engine reads them: its content without page breaks and glued banners, runs
/// of white space folded to one space, with the source offset of every byte so that a match found in the
/// words maps back to the bytes of the cable.
struct UnitText {
    /// The folded words, UTF-8.
    private(set) var bytes: [UInt8] = []
    /// `offsets[i]` is the source offset of `bytes[i]` (32 bits: cables are far below 4 GiB).
    private(set) var offsets: [UInt32] = []

    init(_ cable: Cable, _ unit: CableUnit) {
        let range = unit.contentRange
        bytes.reserveCapacity(range.count)
        offsets.reserveCapacity(range.count)
        let cuts = unit.interruptions.isEmpty ? [] : unit.interruptions.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        var cut = 0
        var pendingSpace = false
        cable.source.withUnsafeBufferPointer { src in
            var i = range.lowerBound
            while i < range.upperBound {
                if cut < cuts.count, i >= cuts[cut].lowerBound {
                    if i < cuts[cut].upperBound {
                        i = cuts[cut].upperBound
                        pendingSpace = !bytes.isEmpty
                    }
                    cut += 1
                    continue
                }
                let c = src[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                    pendingSpace = !bytes.isEmpty
                } else {
                    if pendingSpace {
                        bytes.append(0x20)
                        offsets.append(UInt32(i - 1))
                        pendingSpace = false
                    }
                    bytes.append(c)
                    offsets.append(UInt32(i))
                }
                i += 1
            }
        }
    }

    /// The source bytes covered by `r`, a range of `bytes`.
    func sourceRange(_ r: Range<Int>) -> Range<Int> {
        Int(offsets[r.lowerBound])..<(Int(offsets[r.upperBound - 1]) + 1)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
