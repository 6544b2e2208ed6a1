import CVectorscan
#if canImport(Glibc)
import Glibc
#endif

/// A policy's patterns compiled once into a single Vectorscan database, scanned in one pass per buffer.
///
/// Immutable after init, so one database may be shared by every thread; each thread scans with its own
/// `PatternScanner`.
public final class PatternDatabase: @unchecked Sendable {
    /// The compiled database; nil when the pattern list was empty (Vectorscan refuses an empty database).
    let database: OpaquePointer?
    /// Scratch allocated for `database`, never scanned with: scanners clone it.
    private let prototypeScratch: OpaquePointer?

    /// The number of patterns compiled; match `pattern` numbers run from 0 to `count - 1`.
    public let count: Int

    /// For each pattern, the match edges the scanner checks for a Unicode word boundary (whole-word literals).
    let edgeChecks: [EdgeCheck]
    /// Whether any pattern needs an edge check (most policies: none, and the scan skips the check).
    let hasEdgeChecks: Bool

    /// The same patterns compiled without HS_FLAG_SOM_LEFTMOST (nil when that compile failed): it reports
    /// the same match ends as `database`, many times faster (an unbounded pattern such as
    /// `suffer(s|ed)? from [a-z-]+( [a-z-]+)?` makes a SOM scan 10 to 20 times slower).
    let fastDatabase: OpaquePointer?
    /// For each pattern, the byte width of every one of its matches when that width is fixed (a literal,
    /// `\bR[A-Z]{6}/`): the leftmost start is then the end less the width, known without SOM. -1 when the
    /// width varies.
    let fixedWidths: [Int32]
    /// For each pattern of variable width, the pattern alone compiled with SOM_LEFTMOST (same id): a scan
    /// whose fast pass saw it match rescans the buffer with it to learn its starts. Empty when there are
    /// more than `maxSingles` such patterns (then the whole `database` is rescanned).
    let singles: [Int: OpaquePointer]
    /// The patterns of variable width.
    let variableCount: Int
    /// At most this many single-pattern SOM databases are built.
    static let maxSingles = 64

    /// The flags a pattern is compiled with: leftmost start of match, UTF-8 (except for ASCII-only
    /// literals, which match the same bytes without it), caseless on request.
    ///
    /// Not HS_FLAG_UCP: Vectorscan refuses `\b` in UCP mode ("\b unsupported in UCP mode"), and a UCP
    /// `\w+` with SOM fails with "Pattern is too large."; so `\w`, `\d`, `\s`, `\b` are ASCII, and
    /// whole-word literals get Unicode boundaries from the scanner's edge checks instead.
    static func flags(for spec: PatternSpec) -> UInt32 {
        fastFlags(for: spec) | UInt32(HS_FLAG_SOM_LEFTMOST)
    }

    /// The flags without SOM_LEFTMOST: the fast pass, and the width analysis.
    static func fastFlags(for spec: PatternSpec) -> UInt32 {
        var flags: UInt32 = 0
        if !spec.isASCIILiteral { flags |= UInt32(HS_FLAG_UTF8) }
        if spec.caseless { flags |= UInt32(HS_FLAG_CASELESS) }
        if spec.multiline { flags |= UInt32(HS_FLAG_MULTILINE) }
        return flags
    }

    /// Compiles all patterns into one block-mode database; throws for the first pattern Vectorscan refuses
    /// (back-references, look-around, a pattern that can match the empty string, …) or that holds a NUL.
    ///
    /// With `fastPass`, the scanner first scans without SOM (see `fastDatabase`) and rescans only for the
    /// variable-width patterns that matched: worth it when matches are rare and some pattern makes SOM
    /// costly (a policy's patterns); the matches are the same either way.
    public init(_ patterns: [PatternSpec], fastPass: Bool = false) throws(PatternCompileError) {
        count = patterns.count
        edgeChecks = patterns.map(\.edgeChecks)
        hasEdgeChecks = edgeChecks.contains { !$0.isEmpty }
        guard !patterns.isEmpty else {
            database = nil
            prototypeScratch = nil
            fastDatabase = nil
            fixedWidths = []
            singles = [:]
            variableCount = 0
            return
        }
        guard patterns.count <= Int(UInt32.max) else {
            throw PatternCompileError(index: nil, message: "Too many patterns.")
        }
        for (index, spec) in patterns.enumerated() where spec.expression.utf8.contains(0) {
            throw PatternCompileError(index: index, message: "Expression contains a NUL character.")
        }

        let expressions: [UnsafeMutablePointer<CChar>?] = patterns.map { Self.cString($0.compiledExpression) }
        defer { expressions.forEach { $0?.deallocate() } }
        let flags: [UInt32] = patterns.map(Self.flags(for:))
        let ids: [UInt32] = (0..<patterns.count).map { UInt32($0) }

        var compiled: OpaquePointer?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let status = expressions.withUnsafeBufferPointer { expressionBuffer in
            expressionBuffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { constExpressions in
                withUnsafePointer(to: Self.platform) { platform in
                    hs_compile_multi(constExpressions.baseAddress, flags, ids, UInt32(patterns.count),
                                     UInt32(HS_MODE_BLOCK), platform, &compiled, &compileError)
                }
            }
        }
        guard status == HS_SUCCESS, let compiled else {
            let error: PatternCompileError
            if let compileError {
                let message = compileError.pointee.message.map { String(cString: $0) } ?? "Unknown error."
                let index = Int(compileError.pointee.expression)
                let spec = patterns.indices.contains(index) ? patterns[index] : nil
                error = PatternCompileError(index: index >= 0 ? index : nil, message: Self.readable(message, for: spec))
                hs_free_compile_error(compileError)
            } else {
                error = PatternCompileError(index: nil, message: "Compilation failed (error \(status)).")
            }
            throw error
        }

        var scratch: OpaquePointer?
        let scratchStatus = hs_alloc_scratch(compiled, &scratch)
        guard scratchStatus == HS_SUCCESS, scratch != nil else {
            hs_free_database(compiled)
            throw PatternCompileError(index: nil, message: "Unable to allocate scratch space (error \(scratchStatus)).")
        }

        // The fast pass: every pattern without SOM, the widths, and a SOM database per variable-width pattern.
        // Anything that fails here only means scanning as before, with `database` alone.
        var widths = fastPass ? patterns.map(Self.fixedWidth(of:)) : patterns.map { _ in -1 }
        var fast: OpaquePointer?
        var singles: [Int: OpaquePointer] = [:]
        let variable = widths.indices.filter { widths[$0] < 0 }
        let fastFlags: [UInt32] = patterns.map(Self.fastFlags(for:))
        var ok = fastPass && Self.compile(expressions, fastFlags, ids, into: &fast) && hs_alloc_scratch(fast, &scratch) == HS_SUCCESS
        if ok, variable.count <= Self.maxSingles {
            for p in variable {
                var single: OpaquePointer?
                guard Self.compile([expressions[p]], [flags[p]], [ids[p]], into: &single),
                      hs_alloc_scratch(single, &scratch) == HS_SUCCESS, let single else {
                    ok = false
                    break
                }
                singles[p] = single
            }
        }
        if !ok {
            if let fast { hs_free_database(fast) }
            fast = nil
            singles.values.forEach { hs_free_database($0) }
            singles = [:]
            widths = widths.map { _ in -1 }
        }
        database = compiled
        prototypeScratch = scratch
        fastDatabase = fast
        fixedWidths = widths
        self.singles = singles
        variableCount = variable.count
    }

    /// The platform every database is compiled for: generic, so that the scan routine `PatternScanner`
    /// picks for this host (the library's SSE4.2 one on x86-64) can run it.
    private static let platform = declass_hs_generic_platform()

    /// Compiles `expressions` in block mode; false when Vectorscan refuses them.
    private static func compile(_ expressions: [UnsafeMutablePointer<CChar>?], _ flags: [UInt32], _ ids: [UInt32],
                                into database: inout OpaquePointer?) -> Bool {
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let status = expressions.withUnsafeBufferPointer { expressionBuffer in
            expressionBuffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { constExpressions in
                withUnsafePointer(to: Self.platform) { platform in
                    hs_compile_multi(constExpressions.baseAddress, flags, ids, UInt32(expressions.count),
                                     UInt32(HS_MODE_BLOCK), platform, &database, &compileError)
                }
            }
        }
        if let compileError { hs_free_compile_error(compileError) }
        return status == HS_SUCCESS && database != nil
    }

    /// Whether every match of `spec` has the same width in bytes (`fixedWidth(of:)`): the fast pass then
    /// records its matches with no rescan.
    public static func isFixedWidth(_ spec: PatternSpec) -> Bool { fixedWidth(of: spec) >= 0 }

    /// The width in bytes of every match of `spec` when it is the same for all (-1 otherwise): an ASCII
    /// literal's length, or what Vectorscan's analysis finds.
    static func fixedWidth(of spec: PatternSpec) -> Int32 {
        if spec.isASCIILiteral { return Int32(spec.expression.utf8.count) }
        let expression = cString(spec.compiledExpression)
        defer { expression.deallocate() }
        var info: UnsafeMutablePointer<hs_expr_info_t>?
        var error: UnsafeMutablePointer<hs_compile_error_t>?
        let status = hs_expression_info(expression, fastFlags(for: spec), &info, &error)
        if let error { hs_free_compile_error(error) }
        defer { if let info { free(info) } }
        guard status == HS_SUCCESS, let i = info?.pointee, i.min_width == i.max_width, i.max_width < UInt32(Int32.max) else { return -1 }
        return Int32(i.max_width)
    }

    /// Vectorscan's message, minus advice about API flags the policy author cannot set, and with an
    /// "at index N" offset made relative to the expression as written (not as wrapped for `wholeWord`).
    static func readable(_ message: String, for spec: PatternSpec?) -> String {
        var text = message.replacing("; use HS_FLAG_ALLOWEMPTY to enable support.", with: ".")
        if let spec, spec.wholeWord, !spec.literal, let range = text.firstRange(of: " at index "),
           let end = text[range.upperBound...].firstIndex(where: { !$0.isNumber }),
           let offset = Int(text[range.upperBound..<end]) {
            let shifted = max(0, offset - PatternSpec.wholeWordPrefix.utf8.count)
            text.replaceSubrange(range.upperBound..<end, with: String(shifted))
        }
        return text
    }

    /// A NUL-terminated copy of `string`, to be deallocated by the caller.
    private static func cString(_ string: String) -> UnsafeMutablePointer<CChar> {
        let utf8 = Array(string.utf8)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count + 1)
        for (offset, byte) in utf8.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
        buffer[utf8.count] = 0
        return buffer
    }

    deinit {
        if let prototypeScratch { hs_free_scratch(prototypeScratch) }
        if let database { hs_free_database(database) }
        if let fastDatabase { hs_free_database(fastDatabase) }
        singles.values.forEach { hs_free_database($0) }
    }

    /// Makes a scanner with its own scratch space; use one per thread.
    public func makeScanner() -> PatternScanner {
        guard let prototypeScratch else { return PatternScanner(database: self, scratch: nil) }
        var scratch: OpaquePointer?
        let status = hs_clone_scratch(prototypeScratch, &scratch)
        guard status == HS_SUCCESS, let scratch else {
            fatalError("Vectorscan could not allocate scratch space (error \(status))")
        }
        return PatternScanner(database: self, scratch: scratch)
    }
}
