import CVectorscan

/// Scans buffers against one `PatternDatabase`, with scratch space of its own.
///
/// Not thread-safe: make one scanner per thread (`PatternDatabase.makeScanner()`).
public final class PatternScanner {
    private let owner: PatternDatabase
    private let scratch: OpaquePointer?
    /// The match callback's context: a plain struct behind a pointer, so recording a match costs no
    /// reference counting or exclusivity checks (a line of 'a's under `a+` is a million callbacks).
    private let state: UnsafeMutablePointer<MatchState>

    init(database: PatternDatabase, scratch: OpaquePointer?) {
        self.owner = database
        self.scratch = scratch
        state = .allocate(capacity: 1)
        state.initialize(to: MatchState(edgeChecks: database.hasEdgeChecks ? database.edgeChecks : nil, widths: database.fixedWidths))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
        if let scratch { hs_free_scratch(scratch) }
    }

    /// Returns every pattern's maximal matched spans in `bytes` (overlapping or touching spans of one
    /// pattern merged), sorted by start offset, then by pattern number.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [PatternMatch] {
        guard let database = owner.database, let scratch, let base = bytes.baseAddress, !bytes.isEmpty else {
            return []   // no pattern can match an empty buffer: empty matches are refused at compile time
        }
        precondition(bytes.count <= Int(UInt32.max), "Vectorscan scans at most 4 GiB in one block")
        let data = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        let length = UInt32(bytes.count)
        state.pointee.begin(bytes)
        guard let fast = owner.fastDatabase else {
            run(database, data, length, scratch)
            return state.pointee.finish()
        }
        // Fast pass without SOM: fixed-width patterns are recorded (start = end - width), the others only
        // noted; then each noted pattern is rescanned alone with SOM (or, past a few, the whole database).
        state.pointee.fast = true
        run(fast, data, length, scratch)
        state.pointee.fast = false
        let noted = state.pointee.noted
        if !noted.isEmpty {
            state.pointee.clearNoted()
            if noted.count <= PatternScanner.maxRescans, noted.allSatisfy({ owner.singles[Int($0)] != nil }) {
                // Each pattern's matches end where the fast pass saw them end, at its last end at most: the
                // rescan (SOM costs tens of instructions a byte for some patterns) stops two bytes past it
                // (what `\b`, `$` and `\Z` there read), at the end of a UTF-8 character, and a report past
                // it, which those bytes as the buffer's end may make, is dropped.
                for p in noted {
                    let end = state.pointee.notedEnd(p)
                    var cut = min(bytes.count, end + 2)
                    while cut < bytes.count, bytes[cut] & 0xC0 == 0x80 { cut += 1 }
                    state.pointee.limit = end
                    run(owner.singles[Int(p)]!, data, UInt32(cut), scratch)
                }
                state.pointee.limit = Int.max
            } else {
                state.pointee.begin(bytes)
                run(database, data, length, scratch)
            }
        }
        return state.pointee.finish()
    }

    /// Past this many variable-width patterns matched in one buffer, one SOM scan of the whole database
    /// is cheaper than a scan per pattern.
    static let maxRescans = 4

    private func run(_ db: OpaquePointer, _ data: UnsafePointer<CChar>, _ length: UInt32, _ scratch: OpaquePointer) {
        let status = hostScan(db, data, length, 0, scratch, recordMatch, UnsafeMutableRawPointer(state))
        // Any failure here is a programming error (e.g. one scanner used by two threads at once); never
        // return a partial result, which a caller could take for "nothing to redact".
        precondition(status == HS_SUCCESS, "hs_scan failed (error \(status))")
    }

    /// Returns every pattern's maximal matched spans in `bytes`, like `scan(_:)` over a buffer pointer.
    public func scan(_ bytes: [UInt8]) -> [PatternMatch] {
        bytes.withUnsafeBufferPointer { scan($0) }
    }
}

/// The scan routine chosen for this host: on x86-64 the library's SSE4.2 routine, because Debian's
/// Vectorscan 5.4.9 misses some matches near a buffer's end in the AVX2 and AVX-512 code `hs_scan` would
/// pick (`declass_hs_block_scanner_for_host` in CVectorscan's shim.h says more); elsewhere `hs_scan`.
private let hostScanner = declass_hs_block_scanner_for_host()
/// `hostScanner`'s routine (never nil: `hs_scan` at least).
nonisolated(unsafe) private let hostScan = hostScanner.scan!

extension PatternScanner {
    /// Whether scans on this host run Vectorscan's 16-byte (SSE4.2) routine rather than the one `hs_scan`
    /// dispatches to, whose AVX2 and AVX-512 code misses some matches in a buffer's last bytes (Debian's
    /// 5.4.9): true on x86-64 when the library exports that routine.
    public static var usesSixteenByteRoutine: Bool { hostScanner.sixteenByteVectors != 0 }
}

/// The match callback (a C function pointer, so it captures nothing): records one reported match in the
/// `MatchState` passed as context.
private func recordMatch(id: UInt32, from: UInt64, to: UInt64, flags: UInt32,
                         context: UnsafeMutableRawPointer?) -> Int32 {
    let state = context.unsafelyUnwrapped.assumingMemoryBound(to: MatchState.self)
    if state.pointee.fast {
        let width = state.pointee.widths[Int(id)]
        if width < 0 {
            state.pointee.note(id, end: Int(to))
        } else {
            state.pointee.record(id, Int(to) - Int(width), Int(to))
        }
    } else if Int(to) <= state.pointee.limit {
        state.pointee.record(id, Int(from), Int(to))
    }
    return 0   // continue scanning
}

/// The spans Vectorscan reports during one scan.
private struct MatchState {
    /// Per pattern, the edges to check for a Unicode word boundary; nil when no pattern has any.
    let edgeChecks: [EdgeCheck]?
    /// The buffer being scanned, for the edge checks.
    private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Finished spans, in report order (several per pattern, possibly overlapping).
    private var spans: [PatternSpan] = []
    /// The span being extended by the latest reports, not yet in `spans`.
    private var current = PatternSpan(pattern: 0, start: 0, end: 0)
    private var hasCurrent = false

    /// Per pattern, its fixed match width, or -1 (`PatternDatabase.fixedWidths`).
    let widths: [Int32]
    /// During the fast pass (no SOM): reports of variable-width patterns are only noted.
    var fast = false
    /// The variable-width patterns the fast pass saw match, in first-report order.
    private(set) var noted: [UInt32] = []
    private var isNoted: [Bool]
    /// Per noted pattern, the last end the fast pass saw it report (kept past `clearNoted`).
    private var notedEnds: [Int]
    /// Reports ending past this offset are not recorded (a rescan cut short, `PatternScanner.scan`).
    var limit = Int.max

    init(edgeChecks: [EdgeCheck]?, widths: [Int32]) {
        self.edgeChecks = edgeChecks
        self.widths = widths
        isNoted = Array(repeating: false, count: widths.count)
        notedEnds = Array(repeating: 0, count: widths.count)
    }

    /// Notes that variable-width `pattern` reported a match ending at `end`.
    @inline(__always)
    mutating func note(_ pattern: UInt32, end: Int) {
        if !isNoted[Int(pattern)] {
            isNoted[Int(pattern)] = true
            noted.append(pattern)
            notedEnds[Int(pattern)] = end
        } else if end > notedEnds[Int(pattern)] {
            notedEnds[Int(pattern)] = end
        }
    }

    /// The last end noted for `pattern` in the latest fast pass.
    func notedEnd(_ pattern: UInt32) -> Int { notedEnds[Int(pattern)] }

    mutating func clearNoted() {
        for p in noted { isNoted[Int(p)] = false }
        noted.removeAll(keepingCapacity: true)
    }

    /// Starts a scan of `buffer`.
    mutating func begin(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes = buffer
        spans.removeAll(keepingCapacity: true)
        hasCurrent = false
    }

    /// Vectorscan reports every match end with its leftmost start, so `a+` over "aaa" gives 0..<1,
    /// 0..<2, 0..<3; a report that extends the current span of the same pattern is folded into it.
    @inline(__always)
    mutating func record(_ pattern: UInt32, _ start: Int, _ end: Int) {
        if let edgeChecks, !edgeChecks[Int(pattern)].isEmpty, !isWholeWord(edgeChecks[Int(pattern)], start, end) {
            return
        }
        if hasCurrent, current.pattern == Int(pattern), start >= current.start, start <= current.end {
            if end > current.end { current.end = end }
            return
        }
        if hasCurrent { spans.append(current) }
        current = PatternSpan(pattern: Int(pattern), start: start, end: end)
        hasCurrent = true
    }

    /// Ends the scan: merges each pattern's overlapping or touching spans and orders them by
    /// (start, pattern).
    mutating func finish() -> [PatternMatch] {
        bytes = UnsafeBufferPointer(start: nil, count: 0)
        guard hasCurrent else { return [] }
        spans.append(current)
        hasCurrent = false
        return PatternSpan.merged(&spans)
    }

    /// Whether the match `start..<end` has no word character next to the edges named in `checks`.
    private func isWholeWord(_ checks: EdgeCheck, _ start: Int, _ end: Int) -> Bool {
        if checks.contains(.start), let before = scalar(endingAt: start), PatternSpec.isWordCharacter(before) {
            return false
        }
        if checks.contains(.end), let after = scalar(startingAt: end), PatternSpec.isWordCharacter(after) {
            return false
        }
        return true
    }

    /// The scalar whose UTF-8 encoding starts at `offset`; nil at the end of the buffer or on invalid UTF-8.
    private func scalar(startingAt offset: Int) -> Unicode.Scalar? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, offset + length <= bytes.count else { return nil }
        var decoder = UTF8()
        var iterator = bytes[offset..<offset + length].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The scalar whose UTF-8 encoding ends just before `offset`; nil at the start or on invalid UTF-8.
    private func scalar(endingAt offset: Int) -> Unicode.Scalar? {
        var start = offset - 1
        while start >= 0, start > offset - 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, let scalar = scalar(startingAt: start), start + UTF8.width(scalar) == offset else {
            return nil
        }
        return scalar
    }
}
