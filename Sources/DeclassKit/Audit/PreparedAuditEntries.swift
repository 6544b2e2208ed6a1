/// Audit entries serialized ahead of their place in a log: each entry's canonical JSON without its `seq`,
/// `prev` and `mac`, kept as four pieces around them. Appending then only numbers, chains and MACs the
/// entries, the part that must be done one entry after the other, while the rest is done by whoever made
/// them (a sweep's workers, in parallel).
public struct PreparedAuditEntries: Sendable, Equatable {
    /// Where an entry's pieces end in `bytes`: the head (`{"action":` … `"line":N`) ends at `mac`, the
    /// middle (`,"output":` … `,"prev":`) at `prev`, the part after prev (`,"rule":` … `,"seq":`) at `seq`,
    /// the tail (`,"stamp":` … `}`) at `end`; the head starts where the previous entry ends.
    struct Cut: Sendable, Equatable {
        var mac: Int
        var prev: Int
        var seq: Int
        var end: Int
    }

    /// The pieces of every entry, one entry after the other.
    private(set) var bytes: [UInt8] = []
    private(set) var cuts: [Cut] = []

    /// No entries.
    init() {}

    /// Pieces already written, `cuts` marking each entry's (see `PreparedAuditEntries+Record`).
    init(bytes: [UInt8], cuts: [Cut]) {
        self.bytes = bytes
        self.cuts = cuts
    }

    /// The entries' pieces, in order (their `seq`, `prev` and `mac` are left out: appending sets them).
    init(_ entries: [AuditEntry]) {
        for entry in entries { append(entry) }
    }

    /// The number of entries.
    public var count: Int { cuts.count }

    /// True when there is no entry.
    public var isEmpty: Bool { cuts.isEmpty }

    /// Adds one entry's pieces.
    mutating func append(_ entry: AuditEntry) {
        let start = bytes.count
        var marks = (0, 0, 0)
        let piece = CanonicalJSON.Writer.bytes(capacity: entry.canonicalBound) { w in
            entry.writeHead(into: &w)
            marks.0 = w.count
            entry.writeMiddle(into: &w)
            marks.1 = w.count
            entry.writeAfterPrev(into: &w)
            marks.2 = w.count
            entry.writeTail(into: &w)
        }
        bytes += piece
        cuts.append(Cut(mac: start + marks.0, prev: start + marks.1, seq: start + marks.2, end: start + piece.count))
    }

    /// Writes entry `i`'s line (without its newline) numbered `seq`, chained to `prev` (its UTF-8 bytes), with
    /// `mac` when given, at the end of `out`: the bytes `AuditEntry.lineBytes` gives for the entry with those members.
    func writeLine(_ i: Int, seq: Int, prev: [UInt8], mac: String?, to out: inout [UInt8]) {
        let c = cuts[i]
        let start = i == 0 ? 0 : cuts[i - 1].end
        bytes.withUnsafeBufferPointer { b in
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<c.mac]))
            if let mac {
                out.append(contentsOf: ",\"mac\":\"".utf8)
                out.append(contentsOf: mac.utf8)
                out.append(UInt8(ascii: "\""))
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[c.mac..<c.prev]))
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: prev)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[c.prev..<c.seq]))
            out.append(contentsOf: String(seq).utf8)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[c.seq..<c.end]))
        }
    }
}
